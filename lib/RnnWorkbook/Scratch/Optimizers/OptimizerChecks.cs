namespace RnnWorkbook.Scratch;

/// <summary>The argument checks every optimizer makes: as many gradients as parameters, shapes equal.</summary>
internal static class OptimizerChecks
{
    public static void Require<T>(IReadOnlyList<NdArray<T>> parameters, IReadOnlyList<NdArray<T>> grads) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(grads);
        if (parameters.Count != grads.Count)
        {
            throw new ArgumentException($"grads: expected {parameters.Count} gradients, got {grads.Count}.", nameof(grads));
        }

        for (int i = 0; i < parameters.Count; i++)
        {
            if (!parameters[i].SameShape(grads[i]))
            {
                throw new ArgumentException(
                    $"grads[{i}]: expected {parameters[i].ShapeText}, got {grads[i].ShapeText}", nameof(grads));
            }
        }
    }
}
