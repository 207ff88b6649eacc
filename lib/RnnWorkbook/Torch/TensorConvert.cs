using RnnWorkbook.Scratch;
using static TorchSharp.torch;

namespace RnnWorkbook.Torch;

/// <summary>Copies between the scratch <see cref="NdArray{T}"/> and TorchSharp tensors (same row-major layout).</summary>
public static class TensorConvert
{
    /// <summary>A float32 tensor with the array's shape and values.</summary>
    public static Tensor ToTensor(NdArray<float> array)
    {
        ArgumentNullException.ThrowIfNull(array);
        return tensor((float[])array.Data.Clone(), [.. array.Shape.Select(d => (long)d)]);
    }

    /// <summary>An int64 tensor of token ids with the array's shape, as nn.Embedding and cross_entropy want.</summary>
    public static Tensor ToTensor(NdArray<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return tensor(ids.Data.Select(id => (long)id).ToArray(), [.. ids.Shape.Select(d => (long)d)]);
    }

    /// <summary>The values of a float32 tensor as a new array of the same shape.</summary>
    public static NdArray<float> ToNdArray(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dtype != ScalarType.Float32)
        {
            throw new ArgumentException($"tensor: expected float32, got {tensor.dtype}.", nameof(tensor));
        }

        using var contiguous = tensor.detach().contiguous();
        return new NdArray<float>(contiguous.data<float>().ToArray(), [.. tensor.shape.Select(d => (int)d)]);
    }
}
