using System.Numerics;
using System.Numerics.Tensors;

namespace RnnWorkbook.Scratch;

/// <summary>
/// A named weight and its gradient: W_xh, W_hh, b, … The value is updated in place by the optimizers; the
/// gradient is filled by the backward passes of the layers that use the weight.
/// </summary>
/// <remarks>
/// <para>A parameter may be used by several layers or several times (the T cells of a time layer share
/// W_xh, W_hh and b; a tied embedding is used by the input and the output layer). Each use adds its part
/// with <see cref="AddGradient"/>, so ∂L/∂W is the sum over uses, as the chain rule says. A layer's
/// Forward calls <see cref="StartPass"/>: the first gradient added after it replaces the old one, so a
/// new forward–backward pass never adds to the last step's gradient and nothing has to be zeroed by hand.</para>
/// <para>Models list each parameter once (<see cref="Distinct"/>), so a tied weight is updated and clipped once.</para>
/// </remarks>
public sealed class Parameter<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private bool _cleared;

    /// <summary>Wraps <paramref name="value"/> (not copied) under <paramref name="name"/>, with a zero gradient of its shape.</summary>
    public Parameter(string name, NdArray<T> value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        (Name, Value) = (name, value);
        Gradient = new NdArray<T>([.. value.Shape]);
        _cleared = true;
    }

    /// <summary>The name in the chapters' notation, e.g. "W_xh"; a model names its layers' weights with a prefix ("rnn.W_xh").</summary>
    public string Name { get; }

    /// <summary>The weight.</summary>
    public NdArray<T> Value { get; }

    /// <summary>∂L/∂weight, summed over every use since the last <see cref="StartPass"/>.</summary>
    public NdArray<T> Gradient { get; }

    /// <summary>Marks the start of a forward pass that uses the weight: the gradient will be recomputed.</summary>
    public void StartPass()
    {
        if (!_cleared)
        {
            Gradient.Clear();
            _cleared = true;
        }
    }

    /// <summary>Adds one use's ∂L/∂weight (same shape) to <see cref="Gradient"/>.</summary>
    public void AddGradient(NdArray<T> gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        if (!gradient.SameShape(Value))
        {
            throw new ArgumentException($"gradient of {Name}: expected {Value.ShapeText}, got {gradient.ShapeText}", nameof(gradient));
        }

        TensorPrimitives.Add<T>(Gradient.Data, gradient.Data, Gradient.Data);
        _cleared = false;
    }

    /// <summary>
    /// Adds row n of <paramref name="rows"/> (N, D) to row <paramref name="ids"/>[n] of the gradient (V, D): the
    /// gradient of a lookup, where the rows of a repeated id add up. Only the rows used are touched.
    /// </summary>
    public void AddGradientRows(NdArray<int> ids, NdArray<T> rows)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(rows);
        int d = Value.Dim(Value.Rank - 1);
        if (Value.Rank != 2 || rows.Length != ids.Length * d)
        {
            throw new ArgumentException($"rows of {Name}: expected ({ids.Length}, {d}), got {rows.ShapeText}", nameof(rows));
        }

        for (int n = 0; n < ids.Length; n++)
        {
            Span<T> row = Gradient.Data.AsSpan(ids.Data[n] * d, d);
            TensorPrimitives.Add(row, rows.Data.AsSpan(n * d, d), row);
        }

        _cleared = false;
    }

    /// <summary>Each parameter once, in first-seen order (a tied weight appears under its first name).</summary>
    public static IReadOnlyList<Parameter<T>> Distinct(IEnumerable<Parameter<T>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var seen = new HashSet<NdArray<T>>(ReferenceEqualityComparer.Instance);
        var result = new List<Parameter<T>>();
        foreach (var p in parameters)
        {
            if (seen.Add(p.Value))
            {
                result.Add(p);
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} {Value.ShapeText}";
}

/// <summary>The values and gradients of a list of parameters, as the book's <c>params</c> and <c>grads</c> lists.</summary>
public static class ParameterList
{
    /// <summary>The values, in order.</summary>
    public static IReadOnlyList<NdArray<T>> Values<T>(this IReadOnlyList<Parameter<T>> parameters) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return [.. parameters.Select(p => p.Value)];
    }

    /// <summary>The gradients, in order.</summary>
    public static IReadOnlyList<NdArray<T>> Gradients<T>(this IReadOnlyList<Parameter<T>> parameters) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return [.. parameters.Select(p => p.Gradient)];
    }
}
