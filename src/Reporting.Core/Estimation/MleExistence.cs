using System.Collections.Immutable;
using MathNet.Numerics.LinearAlgebra;

namespace Reporting.Estimation;

/// <summary>Whether a log-linear model can be estimated from given counts.</summary>
/// <param name="Rank">Column rank of the design over the retained cells.</param>
/// <param name="ParameterCount">Number of columns.</param>
/// <param name="MleExists">False when the likelihood keeps increasing along some direction (Haberman 1974).</param>
/// <param name="DegenerateCells">Cells whose fitted value would be driven to 0 when the MLE does not exist.</param>
public sealed record ExistenceCheck(int Rank, int ParameterCount, bool MleExists, ImmutableArray<int> DegenerateCells)
{
    /// <summary>True when the design has full column rank.</summary>
    public bool Identifiable => Rank == ParameterCount;
}

/// <summary>
/// The two checks of Chan, Silverman &amp; Vincent (2021) before trusting a fit: identifiability (full
/// column rank of the design over the retained cells, as SparseMSE's <c>buildmodelmatrix</c>) and
/// existence of the MLE (Fienberg &amp; Rinaldo 2012, which SparseMSE's <c>checkident</c> solves as a
/// linear program).
/// </summary>
/// <remarks>
/// The existence test used here is the dual form of SparseMSE's LP. The Poisson log-likelihood
/// Σ y·η − e^η, η = Xβ, has no maximiser exactly when some direction d satisfies Xd = 0 on every cell
/// with a positive count and Xd ≤ 0, not all 0, on the zero cells: moving along d leaves the positive
/// cells alone and lowers the fitted value of some zero cells forever. Writing d = Bz with B a basis of
/// the null space of the positive-count rows, this is the LP max −1ᵀ(X₀Bz) subject to X₀Bz ≤ 0 and
/// −1ᵀ(X₀Bz) ≤ 1, whose optimum is 1 when the MLE does not exist and 0 when it does.
/// </remarks>
public static class MleExistence
{
    private const double RankTolerance = 1e-9;

    /// <summary>Checks the design <paramref name="design"/> for counts <paramref name="counts"/> (one per row).</summary>
    public static ExistenceCheck Check(DesignMatrix design, IReadOnlyList<double> counts)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(counts);
        int rank = Rank(Matrix<double>.Build.DenseOfArray(design.ToArray()));
        var positiveRows = Enumerable.Range(0, design.RowCount).Where(r => counts[r] > 0).ToArray();
        var zeroRows = Enumerable.Range(0, design.RowCount).Where(r => !(counts[r] > 0)).ToArray();
        var degenerate = zeroRows.Length == 0
            ? ImmutableArray<int>.Empty
            : DegenerateZeroCells(design, positiveRows, zeroRows);
        return new ExistenceCheck(rank, design.ColumnCount, degenerate.IsEmpty, degenerate);
    }

    /// <summary>
    /// The facial set of Fienberg &amp; Rinaldo (2012): the rows of <paramref name="design"/> whose fitted
    /// value stays positive in the extended MLE. The other rows are zero cells driven to 0 along a
    /// recession direction; they are removed and the check repeated on the rest until the MLE exists
    /// there (each pass removes at least one row, so the loop ends). Row indices, ascending.
    /// </summary>
    public static ImmutableArray<int> FacialSet(DesignMatrix design, IReadOnlyList<double> counts)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(counts);
        var rows = Enumerable.Range(0, design.RowCount).ToList();
        while (true)
        {
            var sub = DesignMatrix.Create(rows.Select(r => design.Patterns[r]), design.ListCount, design.Interactions);
            var check = Check(sub, [.. rows.Select(r => counts[r])]);
            if (check.MleExists)
            {
                return [.. rows];
            }

            var degenerate = check.DegenerateCells.ToHashSet();
            rows.RemoveAll(r => degenerate.Contains(design.Patterns[r]));
        }
    }

    /// <summary>Column rank of <paramref name="design"/> restricted to <paramref name="columns"/>.</summary>
    public static int ColumnRank(DesignMatrix design, IReadOnlyList<int> columns)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0 || design.RowCount == 0)
        {
            return 0;
        }

        return Rank(Matrix<double>.Build.Dense(design.RowCount, columns.Count, (i, j) => design[i, columns[j]]));
    }

    private static ImmutableArray<int> DegenerateZeroCells(DesignMatrix design, int[] positiveRows, int[] zeroRows)
    {
        var nullSpace = NullSpace(design, positiveRows);
        if (nullSpace.ColumnCount == 0)
        {
            return ImmutableArray<int>.Empty;
        }

        var x0 = Matrix<double>.Build.Dense(zeroRows.Length, design.ColumnCount, (i, j) => design[zeroRows[i], j]);
        var a = x0 * nullSpace; // effect of each null direction on the zero cells
        var z = SolveRecessionLp(a);
        if (z is null)
        {
            return ImmutableArray<int>.Empty;
        }

        var effect = a * z;
        return Enumerable.Range(0, zeroRows.Length)
            .Where(i => effect[i] < -1e-7)
            .Select(i => design.Patterns[zeroRows[i]])
            .ToImmutableArray();
    }

    /// <summary>Returns z with Az ≤ 0, −1ᵀAz = 1 if one exists, otherwise null.</summary>
    private static Vector<double>? SolveRecessionLp(Matrix<double> a)
    {
        int m = a.RowCount;
        int q = a.ColumnCount;
        // Free z split as z = u − v with u, v ≥ 0 (columns 0..q−1 for u, q..2q−1 for v).
        var g = new double[m + 1, 2 * q];
        var h = new double[m + 1];
        var c = new double[2 * q];
        for (int j = 0; j < q; j++)
        {
            double columnSum = 0;
            for (int i = 0; i < m; i++)
            {
                g[i, j] = a[i, j];
                g[i, q + j] = -a[i, j];
                columnSum += a[i, j];
            }

            g[m, j] = -columnSum;
            g[m, q + j] = columnSum;
            c[j] = -columnSum;
            c[q + j] = columnSum;
        }

        h[m] = 1.0;
        var solution = SimplexSolver.Maximize(g, h, c);
        if (!(solution.Value > 1e-7))
        {
            return null;
        }

        return Vector<double>.Build.Dense(q, j => solution.Point[j] - solution.Point[q + j]);
    }

    private static Matrix<double> NullSpace(DesignMatrix design, int[] rows)
    {
        int p = design.ColumnCount;
        if (rows.Length == 0)
        {
            return Matrix<double>.Build.DenseIdentity(p);
        }

        var x = Matrix<double>.Build.Dense(rows.Length, p, (i, j) => design[rows[i], j]);
        var svd = x.Svd(computeVectors: true);
        int rank = CountAbove(svd.S, RankTolerance);
        // Rows of Vᵀ beyond the rank span the null space.
        return svd.VT.SubMatrix(rank, p - rank, 0, p).Transpose();
    }

    private static int Rank(Matrix<double> x) => CountAbove(x.Svd(computeVectors: false).S, RankTolerance);

    private static int CountAbove(Vector<double> singularValues, double relativeTolerance)
    {
        double max = singularValues.Count == 0 ? 0 : singularValues.Maximum();
        return singularValues.Count(s => s > relativeTolerance * Math.Max(max, 1.0));
    }
}
