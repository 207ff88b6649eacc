using System.Numerics;
using System.Numerics.Tensors;

namespace RnnWorkbook.Scratch;

/// <summary>Plain stochastic gradient descent: θ ← θ − η ∂L/∂θ.</summary>
public sealed class Sgd<T> : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer with learning rate η.</summary>
    public Sgd(double learningRate = 0.01)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        LearningRate = learningRate;
    }

    /// <summary>The learning rate η; may be changed between steps (e.g. a decay schedule).</summary>
    public double LearningRate { get; set; }

    /// <inheritdoc/>
    public void Update(IReadOnlyList<NdArray<T>> parameters, IReadOnlyList<NdArray<T>> grads)
    {
        OptimizerChecks.Require(parameters, grads);
        T step = T.CreateChecked(-LearningRate);
        for (int i = 0; i < parameters.Count; i++)
        {
            TensorPrimitives.MultiplyAdd(grads[i].Data, step, parameters[i].Data, parameters[i].Data);
        }
    }
}
