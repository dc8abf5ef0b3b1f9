namespace Reporting.Estimation;

/// <summary>
/// Dense tableau simplex for max cᵀv subject to G v ≤ h, v ≥ 0 with h ≥ 0, so that the slack basis
/// is feasible and no phase I is needed. Bland's rule (smallest index enters and leaves) guarantees
/// termination on the degenerate problems of <see cref="MleExistence"/>, whose right-hand side is mostly 0.
/// </summary>
internal static class SimplexSolver
{
    private const double Epsilon = 1e-11;

    /// <summary>Optimum value and one optimal point; value is +∞ when unbounded.</summary>
    public readonly record struct Solution(double Value, double[] Point);

    public static Solution Maximize(double[,] g, double[] h, double[] c)
    {
        int m = g.GetLength(0);
        int n = g.GetLength(1);
        int width = n + m + 1;
        var t = BuildTableau(g, h, c, m, n, width);
        var basis = Enumerable.Range(n, m).ToArray();
        int maxPivots = 50 * (m + n) + 1000;
        for (int pivots = 0; pivots < maxPivots; pivots++)
        {
            int entering = Entering(t, m, width);
            if (entering < 0)
            {
                return new Solution(t[m, width - 1], Point(t, basis, n, width));
            }

            int leaving = Leaving(t, basis, m, entering, width);
            if (leaving < 0)
            {
                return new Solution(double.PositiveInfinity, new double[n]);
            }

            Pivot(t, m, width, leaving, entering);
            basis[leaving] = entering;
        }

        throw new InvalidOperationException("Simplex did not terminate.");
    }

    private static double[,] BuildTableau(double[,] g, double[] h, double[] c, int m, int n, int width)
    {
        var t = new double[m + 1, width];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                t[i, j] = g[i, j];
            }

            t[i, n + i] = 1.0;
            t[i, width - 1] = h[i];
        }

        for (int j = 0; j < n; j++)
        {
            t[m, j] = -c[j];
        }

        return t;
    }

    private static int Entering(double[,] t, int m, int width)
    {
        for (int j = 0; j < width - 1; j++)
        {
            if (t[m, j] < -Epsilon)
            {
                return j;
            }
        }

        return -1;
    }

    private static int Leaving(double[,] t, int[] basis, int m, int entering, int width)
    {
        int leaving = -1;
        double best = double.PositiveInfinity;
        for (int i = 0; i < m; i++)
        {
            double a = t[i, entering];
            if (a <= Epsilon)
            {
                continue;
            }

            double ratio = Math.Max(0.0, t[i, width - 1]) / a;
            bool better = ratio < best - Epsilon
                || (Math.Abs(ratio - best) <= Epsilon && basis[i] < basis[leaving]);
            if (leaving < 0 || better)
            {
                best = ratio;
                leaving = i;
            }
        }

        return leaving;
    }

    private static void Pivot(double[,] t, int m, int width, int row, int column)
    {
        double p = t[row, column];
        for (int j = 0; j < width; j++)
        {
            t[row, j] /= p;
        }

        for (int i = 0; i <= m; i++)
        {
            double f = t[i, column];
            if (i == row || f == 0)
            {
                continue;
            }

            for (int j = 0; j < width; j++)
            {
                t[i, j] -= f * t[row, j];
            }
        }
    }

    private static double[] Point(double[,] t, int[] basis, int n, int width)
    {
        var v = new double[n];
        for (int i = 0; i < basis.Length; i++)
        {
            if (basis[i] < n)
            {
                v[basis[i]] = t[i, width - 1];
            }
        }

        return v;
    }
}
