namespace RnnWorkbook.Scratch;

/// <summary>What <see cref="PlainRnn.Backward"/> computes: ∂L/∂ of every weight, input and hidden state.</summary>
/// <param name="DWxh">∂L/∂W_xh (D, H), summed over the batch and every time step.</param>
/// <param name="DWhh">∂L/∂W_hh (H, H), summed likewise.</param>
/// <param name="Db">∂L/∂b (H), summed likewise.</param>
/// <param name="Dxs">∂L/∂x_t for every step (B, T, D).</param>
/// <param name="Dhs">The total ∂L/∂h_t for every step (B, T, H): from the step's output plus from the steps after it.</param>
/// <param name="Dh0">∂L/∂h_0 (B, H), the gradient of the initial state.</param>
public sealed record PlainRnnGradients<T>(
    NdArray<T> DWxh, NdArray<T> DWhh, NdArray<T> Db, NdArray<T> Dxs, NdArray<T> Dhs, NdArray<T> Dh0)
    where T : unmanaged;
