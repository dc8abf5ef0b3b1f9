namespace Reporting.Disclosure;

/// <summary>
/// The audit's linear programs solved literally: one variable per cell whose box is not a single value, the
/// equations France = Σ regions and region = Σ its départements with the fixed cells moved to the right-hand
/// side, and two exact LPs (min, max) per variable. Same contract as <see cref="NetworkBounds.Compute"/>.
/// </summary>
internal static class SimplexBounds
{
    public static bool Compute(Hierarchy h, long france, long[] lo, long[] hi, long[] min, long[] max)
    {
        if (Enumerable.Range(0, lo.Length).Any(i => lo[i] > hi[i]))
        {
            return false;
        }

        var variables = Enumerable.Range(0, lo.Length).Where(i => lo[i] < hi[i]).ToArray();
        var column = Enumerable.Repeat(-1, lo.Length).ToArray();
        for (var k = 0; k < variables.Length; k++)
        {
            column[variables[k]] = k;
        }

        var (a, b) = Equations(h, france, lo, column, variables.Length);
        var lower = variables.Select(i => lo[i]).ToArray();
        var upper = variables.Select(i => hi[i]).ToArray();
        var simplex = new BoundedSimplex(a, b, lower, upper);
        if (!simplex.IsFeasible)
        {
            return false;
        }

        for (var i = 0; i < lo.Length; i++)
        {
            if (column[i] < 0)
            {
                (min[i], max[i]) = (lo[i], lo[i]);
                continue;
            }

            // Integral optima: the constraint matrix is a network matrix (totally unimodular) and the bounds are
            // integers; ToInt64 throws if that ever failed.
            min[i] = simplex.Optimize(column[i], maximize: false).ToInt64();
            max[i] = simplex.Optimize(column[i], maximize: true).ToInt64();
        }

        return true;
    }

    private static (long[][] A, long[] B) Equations(Hierarchy h, long france, long[] fixedValue, int[] column, int width)
    {
        var regionCount = h.Regions.Count;
        var a = new long[regionCount + 1][];
        var b = new long[regionCount + 1];

        // Row 0: Σ regions = France.
        a[0] = new long[width];
        b[0] = france;
        for (var r = 0; r < regionCount; r++)
        {
            Add(a[0], ref b[0], r, 1, fixedValue, column);
        }

        // Row 1 + r: region − Σ its départements = 0.
        for (var r = 0; r < regionCount; r++)
        {
            a[r + 1] = new long[width];
            Add(a[r + 1], ref b[r + 1], r, 1, fixedValue, column);
            for (var d = h.DepartementStart[r]; d < h.DepartementStart[r + 1]; d++)
            {
                Add(a[r + 1], ref b[r + 1], regionCount + d, -1, fixedValue, column);
            }
        }

        return (a, b);
    }

    /// <summary>Adds coefficient·x_cell to a row: into the matrix for a variable, to the right-hand side for a fixed cell.</summary>
    private static void Add(long[] row, ref long rhs, int cell, long coefficient, long[] fixedValue, int[] column)
    {
        if (column[cell] >= 0)
        {
            row[column[cell]] += coefficient;
        }
        else
        {
            rhs -= coefficient * fixedValue[cell];
        }
    }
}
