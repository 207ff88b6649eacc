using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// What a time layer carries from one block of steps to the next in truncated BPTT: the last hidden state
/// h_{T-1} and, for an LSTM, the last cell state C_{T-1}. A stateful layer starts its next block from them
/// (h_{-1} = h_{T-1}); otherwise, or after <see cref="Reset"/>, from zeros.
/// </summary>
public sealed class CarriedState<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _hiddenSize;
    private readonly bool _hasCell;
    private NdArray<T>? _h, _c;
    private bool _carried;

    /// <summary>A state of hidden size H; <paramref name="hasCell"/> adds the cell state C.</summary>
    public CarriedState(int hiddenSize, bool hasCell)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        (_hiddenSize, _hasCell) = (hiddenSize, hasCell);
    }

    /// <summary>h_{T-1} (B, H) of the last block, or null when nothing is carried.</summary>
    public NdArray<T>? Hidden => _carried ? _h : null;

    /// <summary>C_{T-1} (B, H) of the last block, or null when nothing is carried (or the layer has no cell state).</summary>
    public NdArray<T>? Cell => _carried ? _c : null;

    /// <summary>h_{-1} for a block of <paramref name="batch"/> rows: a copy of the carried h when
    /// <paramref name="carry"/> (so the cells may keep it), else zeros.</summary>
    /// <exception cref="ArgumentException">The carried state has another batch size (the message names xs).</exception>
    public NdArray<T> StartHidden(int batch, bool carry) => Start(_h, batch, carry);

    /// <summary>C_{-1} for a block of <paramref name="batch"/> rows, as <see cref="StartHidden"/>.</summary>
    public NdArray<T> StartCell(int batch, bool carry) =>
        _hasCell ? Start(_c, batch, carry) : throw new InvalidOperationException("This state has no cell state.");

    /// <summary>Keeps the block's last state. It is copied out of the step's arena: it must outlive the next Reset.</summary>
    public void Keep(NdArray<T> h, NdArray<T>? c = null)
    {
        CopyInto(ref _h, h);
        if (_hasCell)
        {
            CopyInto(ref _c, c ?? throw new ArgumentNullException(nameof(c), "An LSTM keeps its cell state too."));
        }

        _carried = true;
    }

    /// <summary>Sets (h_{-1}, C_{-1}) (B, H) for the next block (copied), e.g. a decoder starting from an encoder's state.</summary>
    public void Set(NdArray<T> h, NdArray<T>? c = null)
    {
        ShapeCheck.Require(h, nameof(h), ShapeCheck.Any, _hiddenSize);
        if (_hasCell)
        {
            ArgumentNullException.ThrowIfNull(c);
            ShapeCheck.Require(c, nameof(c), h.Dim(0), _hiddenSize);
            _c = c.Clone();
        }
        else if (c is not null)
        {
            throw new ArgumentException("This layer has no cell state.", nameof(c));
        }

        _h = h.Clone();
        _carried = true;
    }

    /// <summary>Forgets the carried state: the next block starts from zeros.</summary>
    public void Reset() => _carried = false;

    private NdArray<T> Start(NdArray<T>? carried, int batch, bool carry)
    {
        if (!(carry && _carried))
        {
            return Nd.Zeros<T>(batch, _hiddenSize);
        }

        if (carried!.Dim(0) != batch)
        {
            throw new ArgumentException(
                $"xs: batch size {batch} does not match the carried hidden state {carried.ShapeText}; call ResetState() first.", "xs");
        }

        return carried.Copy();
    }

    private static void CopyInto(ref NdArray<T>? kept, NdArray<T> value)
    {
        if (kept is null || !kept.SameShape(value))
        {
            kept = new NdArray<T>(value.Dim(0), value.Dim(1));
        }

        kept.CopyFrom(value);
    }
}
