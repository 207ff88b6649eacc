using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>Principal component analysis by power iteration: the directions along which a set of vectors varies most.</summary>
public static class Pca
{
    /// <summary>
    /// Projects the rows of <paramref name="points"/> (N, D) onto their first <paramref name="components"/>
    /// principal components: centre, then find the top eigenvectors of the covariance XᵀX by power iteration
    /// with deflation. Returns (N, components).
    /// </summary>
    public static NdArray<double> Project(NdArray<float> points, int components = 2, int iterations = 200)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Rank != 2 || points.Dim(0) < 2)
        {
            throw new ArgumentException($"points: expected (N ≥ 2, D), got {points.ShapeText}", nameof(points));
        }

        int n = points.Dim(0), d = points.Dim(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(components, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(components, d);
        var x = new double[n, d];
        for (int k = 0; k < d; k++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++)
            {
                mean += points[i, k] / (double)n;
            }

            for (int i = 0; i < n; i++)
            {
                x[i, k] = points[i, k] - mean;
            }
        }

        var covariance = new double[d, d];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < d; a++)
            {
                for (int b = 0; b < d; b++)
                {
                    covariance[a, b] += x[i, a] * x[i, b];
                }
            }
        }

        var projection = new NdArray<double>(n, components);
        var random = new Random(Workbook.DefaultSeed);
        for (int c = 0; c < components; c++)
        {
            var v = Enumerable.Range(0, d).Select(_ => random.NextDouble() - 0.5).ToArray();
            double eigenvalue = 0;
            for (int it = 0; it < iterations; it++)
            {
                var next = new double[d];
                for (int a = 0; a < d; a++)
                {
                    for (int b = 0; b < d; b++)
                    {
                        next[a] += covariance[a, b] * v[b];
                    }
                }

                eigenvalue = Math.Sqrt(next.Sum(t => t * t));
                if (eigenvalue == 0)
                {
                    break;
                }

                v = [.. next.Select(t => t / eigenvalue)];
            }

            for (int a = 0; a < d; a++)
            {
                for (int b = 0; b < d; b++)
                {
                    covariance[a, b] -= eigenvalue * v[a] * v[b];           // deflate: remove the component found
                }
            }

            for (int i = 0; i < n; i++)
            {
                double dot = 0;
                for (int k = 0; k < d; k++)
                {
                    dot += x[i, k] * v[k];
                }

                projection[i, c] = dot;
            }
        }

        return projection;
    }
}
