using System.Numerics;

namespace RnnWorkbook.Scratch;

// The operators of NdArray<T> are declared where T is only unmanaged (NdArray<int> holds ids); they reach the
// floating-point code of Nd through this interface, chosen once per element type.
internal interface IArrayMath<T> where T : unmanaged
{
    NdArray<T> Add(NdArray<T> a, NdArray<T> b);

    NdArray<T> Subtract(NdArray<T> a, NdArray<T> b);

    NdArray<T> Multiply(NdArray<T> a, NdArray<T> b);

    NdArray<T> Scalar(NdArray<T> a, T s, Nd.Operation operation);

    NdArray<T> Negate(NdArray<T> a);
}

internal sealed class ArrayMath<T> : IArrayMath<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public NdArray<T> Add(NdArray<T> a, NdArray<T> b) => Nd.Broadcast(a, b, Nd.Operation.Add);

    public NdArray<T> Subtract(NdArray<T> a, NdArray<T> b) => Nd.Broadcast(a, b, Nd.Operation.Subtract);

    public NdArray<T> Multiply(NdArray<T> a, NdArray<T> b) => Nd.Broadcast(a, b, Nd.Operation.Multiply);

    public NdArray<T> Scalar(NdArray<T> a, T s, Nd.Operation operation) => Nd.Scalar(a, s, operation);

    public NdArray<T> Negate(NdArray<T> a) => Nd.Scalar(a, -T.One, Nd.Operation.Multiply);
}
