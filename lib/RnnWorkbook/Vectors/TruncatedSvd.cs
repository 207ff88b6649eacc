namespace RnnWorkbook.Vectors;

/// <summary>
/// The top <c>k</c> singular triplets of a matrix, A ≈ U Σ Vᵀ: U is (rows, k), V is (columns, k), both with
/// orthonormal columns, stored row-major; <see cref="SingularValues"/> decrease.
/// </summary>
public sealed record TruncatedSvd(int Rank, double[] U, double[] SingularValues, double[] V)
{
    /// <summary>
    /// Randomized truncated SVD (Halko, Martinsson and Tropp 2011, algorithms 4.4 and 5.1), from scratch:
    /// <code>
    /// Ω ~ N(0, 1) of shape (columns, k + p)          a random test matrix
    /// Q = orth(A Ω), then q times Q = orth(A orth(Aᵀ Q))   a basis that captures A's top range
    /// B = Qᵀ A                                       small: (k + p, columns)
    /// B Bᵀ = W Λ Wᵀ  (Jacobi)   Σ = √Λ,  U = Q W,  V = Bᵀ W Σ⁻¹
    /// </code>
    /// The power iterations sharpen the decay of the spectrum, so few oversampling columns suffice.
    /// </summary>
    /// <param name="a">The matrix.</param>
    /// <param name="rank">How many singular values to keep.</param>
    /// <param name="oversampling">Extra random columns (p); 10 is the usual choice.</param>
    /// <param name="powerIterations">Power iterations (q).</param>
    /// <param name="seed">Seeds Ω, so the same seed gives the same vectors.</param>
    public static TruncatedSvd Randomized(CsrMatrix a, int rank, int oversampling = 10, int powerIterations = 4, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rank, Math.Min(a.Rows, a.Columns));
        ArgumentOutOfRangeException.ThrowIfNegative(oversampling);
        ArgumentOutOfRangeException.ThrowIfNegative(powerIterations);
        var l = Math.Min(rank + oversampling, Math.Min(a.Rows, a.Columns));

        var random = new Random(seed);
        var omega = new double[a.Columns * l];
        for (var i = 0; i < omega.Length; i++)
            omega[i] = Gaussian(random);

        var (u, s, v) = TopSingularVectors(a, rank, omega, l, powerIterations);
        return new TruncatedSvd(rank, u, s, v);
    }

    #region TopSingularVectors
    /// <summary>
    /// The top <paramref name="rank"/> singular triplets of A from a random test matrix Ω (columns, l), l ≥ rank:
    /// an orthonormal basis Q of the range of A Ω (sharpened by power iterations), then the exact SVD of the
    /// small B = Qᵀ A through the eigenvectors of B Bᵀ.
    /// </summary>
    public static (double[] U, double[] SingularValues, double[] V) TopSingularVectors(CsrMatrix a, int rank, double[] omega, int l, int powerIterations)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(omega);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(l, rank);
        if (omega.Length != a.Columns * l)
            throw new ArgumentException($"omega: expected ({a.Columns}, {l}) = {a.Columns * l} values, got {omega.Length}.", nameof(omega));
        var q = Dense.Orthonormalize(a.Multiply(omega, l), a.Rows, l); // Q = orth(A Ω): (rows, l)
        for (var i = 0; i < powerIterations; i++)
        {
            var z = Dense.Orthonormalize(a.TransposeMultiply(q, l), a.Columns, l); // orth(Aᵀ Q)
            q = Dense.Orthonormalize(a.Multiply(z, l), a.Rows, l);                 // orth(A orth(Aᵀ Q))
        }

        var bt = a.TransposeMultiply(q, l);                 // Bᵀ = Aᵀ Q: (columns, l)
        var bbt = Dense.Gram(bt, a.Columns, l);            // B Bᵀ: (l, l)
        var (eigenvalues, w) = Dense.SymmetricEigen(bbt, l); // B Bᵀ = W Λ Wᵀ, Λ decreasing
        var s = eigenvalues.Take(rank).Select(v => Math.Sqrt(Math.Max(v, 0))).ToArray(); // Σ = √Λ
        var u = Dense.MultiplyTake(q, a.Rows, l, w, rank);  // U = Q W: (rows, rank)
        var v = Dense.MultiplyTake(bt, a.Columns, l, w, rank); // V = Bᵀ W Σ⁻¹: (columns, rank)
        for (var r = 0; r < a.Columns; r++)
        {
            for (var k = 0; k < rank; k++)
                v[(r * rank) + k] = s[k] > 0 ? v[(r * rank) + k] / s[k] : 0;
        }

        return (u, s, v);
    }
    #endregion

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
