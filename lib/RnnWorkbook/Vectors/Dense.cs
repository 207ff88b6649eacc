namespace RnnWorkbook.Vectors;

/// <summary>The few dense row-major operations the randomized SVD needs (public so chapter 03 can run its core step).</summary>
public static class Dense
{
    /// <summary>Orthonormal columns spanning those of <paramref name="m"/> (rows, cols): modified Gram-Schmidt, twice for accuracy.</summary>
    public static double[] Orthonormalize(double[] m, int rows, int cols)
    {
        var columns = new double[cols][];
        for (var c = 0; c < cols; c++)
        {
            var v = new double[rows];
            for (var r = 0; r < rows; r++)
                v[r] = m[(r * cols) + c];
            for (var pass = 0; pass < 2; pass++)
            {
                for (var p = 0; p < c; p++)
                {
                    var dot = Dot(columns[p], v);
                    for (var r = 0; r < rows; r++)
                        v[r] -= dot * columns[p][r];
                }
            }

            var norm = Math.Sqrt(Dot(v, v));
            if (norm > 1e-12)
            {
                for (var r = 0; r < rows; r++)
                    v[r] /= norm;
            }
            else
            {
                Array.Clear(v);
            }

            columns[c] = v;
        }

        var q = new double[rows * cols];
        for (var c = 0; c < cols; c++)
        {
            for (var r = 0; r < rows; r++)
                q[(r * cols) + c] = columns[c][r];
        }

        return q;
    }

    /// <summary>Mᵀ M for a row-major (rows, cols) matrix: (cols, cols).</summary>
    public static double[] Gram(double[] m, int rows, int cols)
    {
        var g = new double[cols * cols];
        for (var r = 0; r < rows; r++)
        {
            var row = m.AsSpan(r * cols, cols);
            for (var i = 0; i < cols; i++)
            {
                var a = row[i];
                if (a == 0)
                    continue;
                for (var j = i; j < cols; j++)
                    g[(i * cols) + j] += a * row[j];
            }
        }

        for (var i = 0; i < cols; i++)
        {
            for (var j = 0; j < i; j++)
                g[(i * cols) + j] = g[(j * cols) + i];
        }

        return g;
    }

    /// <summary>M (rows, inner) times the first <paramref name="take"/> columns of W (inner, inner).</summary>
    public static double[] MultiplyTake(double[] m, int rows, int inner, double[] w, int take)
    {
        var result = new double[rows * take];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < inner; i++)
            {
                var a = m[(r * inner) + i];
                if (a == 0)
                    continue;
                for (var k = 0; k < take; k++)
                    result[(r * take) + k] += a * w[(i * inner) + k];
            }
        }

        return result;
    }

    /// <summary>
    /// Eigenvalues (decreasing) and eigenvectors (columns of a row-major (n, n) matrix) of a symmetric matrix,
    /// by cyclic Jacobi rotations: each rotation zeroes one off-diagonal pair until all are negligible.
    /// </summary>
    public static (double[] Values, double[] Vectors) SymmetricEigen(double[] symmetric, int n)
    {
        var a = (double[])symmetric.Clone();
        var v = new double[n * n];
        for (var i = 0; i < n; i++)
            v[(i * n) + i] = 1;

        for (var sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, diagonal = 0;
            for (var i = 0; i < n; i++)
            {
                diagonal += a[(i * n) + i] * a[(i * n) + i];
                for (var j = i + 1; j < n; j++)
                    off += a[(i * n) + j] * a[(i * n) + j];
            }

            if (off <= 1e-30 * Math.Max(diagonal, 1e-300))
                break;

            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    var apq = a[(p * n) + q];
                    if (Math.Abs(apq) < 1e-300)
                        continue;
                    var theta = (a[(q * n) + q] - a[(p * n) + p]) / (2 * apq);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    var c = 1 / Math.Sqrt((t * t) + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        double akp = a[(k * n) + p], akq = a[(k * n) + q];
                        a[(k * n) + p] = (c * akp) - (s * akq);
                        a[(k * n) + q] = (s * akp) + (c * akq);
                    }

                    for (var k = 0; k < n; k++)
                    {
                        double apk = a[(p * n) + k], aqk = a[(q * n) + k];
                        a[(p * n) + k] = (c * apk) - (s * aqk);
                        a[(q * n) + k] = (s * apk) + (c * aqk);
                    }

                    for (var k = 0; k < n; k++)
                    {
                        double vkp = v[(k * n) + p], vkq = v[(k * n) + q];
                        v[(k * n) + p] = (c * vkp) - (s * vkq);
                        v[(k * n) + q] = (s * vkp) + (c * vkq);
                    }
                }
            }
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => a[(i * n) + i]).ToArray();
        var values = order.Select(i => a[(i * n) + i]).ToArray();
        var vectors = new double[n * n];
        for (var r = 0; r < n; r++)
        {
            for (var k = 0; k < n; k++)
                vectors[(r * n) + k] = v[(r * n) + order[k]];
        }

        return (values, vectors);
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }
}
