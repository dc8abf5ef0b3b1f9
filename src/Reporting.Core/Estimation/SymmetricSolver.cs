namespace Reporting.Estimation;

/// <summary>
/// Cholesky factorisation of a small symmetric positive-definite matrix (at most 37×37 here: intercept,
/// 8 main effects, 28 interactions). Written out rather than taken from MathNet to avoid allocating
/// matrix objects inside the thousands of fits of a profile or a bootstrap.
/// </summary>
internal sealed class SymmetricSolver
{
    private readonly double[] _l; // lower triangle, row-major
    private readonly int _n;

    private SymmetricSolver(double[] l, int n)
    {
        _l = l;
        _n = n;
    }

    /// <summary>Factors the row-major n×n matrix <paramref name="a"/> (left untouched).</summary>
    /// <exception cref="InvalidOperationException">Not positive definite: the model is not identifiable.</exception>
    public static SymmetricSolver Factor(double[] a, int n)
    {
        var l = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            double d = a[(j * n) + j];
            for (int k = 0; k < j; k++)
            {
                d -= l[(j * n) + k] * l[(j * n) + k];
            }

            // Relative pivot test: a pivot this small means a column is (numerically) a combination of others.
            if (!(d > 1e-13 * Math.Max(1.0, Math.Abs(a[(j * n) + j]))))
            {
                throw new InvalidOperationException("Information matrix is singular: the model is not identifiable.");
            }

            double ljj = Math.Sqrt(d);
            l[(j * n) + j] = ljj;
            for (int i = j + 1; i < n; i++)
            {
                double s = a[(i * n) + j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[(i * n) + k] * l[(j * n) + k];
                }

                l[(i * n) + j] = s / ljj;
            }
        }

        return new SymmetricSolver(l, n);
    }

    /// <summary>Solves A x = b.</summary>
    public double[] Solve(double[] b)
    {
        var y = new double[_n];
        for (int i = 0; i < _n; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++)
            {
                s -= _l[(i * _n) + k] * y[k];
            }

            y[i] = s / _l[(i * _n) + i];
        }

        var x = new double[_n];
        for (int i = _n - 1; i >= 0; i--)
        {
            double s = y[i];
            for (int k = i + 1; k < _n; k++)
            {
                s -= _l[(k * _n) + i] * x[k];
            }

            x[i] = s / _l[(i * _n) + i];
        }

        return x;
    }

    /// <summary>A⁻¹, row-major.</summary>
    public double[] Inverse()
    {
        var inverse = new double[_n * _n];
        var e = new double[_n];
        for (int j = 0; j < _n; j++)
        {
            Array.Clear(e);
            e[j] = 1;
            var column = Solve(e);
            for (int i = 0; i < _n; i++)
            {
                inverse[(i * _n) + j] = column[i];
            }
        }

        return inverse;
    }
}
