using Google.OrTools.LinearSolver;

namespace Reporting.Disclosure;

/// <summary>
/// Parts that add up to a whole at every territory (<c>IndicatorDefinition.PartOf</c>, or the two sides of a share over
/// a published whole): indices into a group of tables over the same hierarchy.
/// </summary>
public sealed record Partition(int Whole, IReadOnlyList<int> Parts);

/// <summary>
/// The intruder's bounds over tables linked by partitions: the smallest and largest value of every cell consistent with
/// each table's hierarchy (France = Σ regions, region = Σ its départements), every partition at every territory (whole =
/// Σ parts, France included) and every cell's box. With no partition the tables are independent and
/// <see cref="NetworkBounds"/> gives the exact bounds of each. With one partition (a whole and its parts: every group
/// the engine protects) the system is a network (<see cref="PartitionNetwork"/>) and each bound a maximum flow. With
/// more partitions the constraint matrix is no longer a network, so the bounds are two linear programmes per cell that
/// is not fixed, solved by GLOP (Google OR-Tools, simplex in floating point, single-threaded and deterministic), each
/// optimum rounded inwards to the nearest integer (a tolerance of 1e-6 absorbs the floating error); the programmes also
/// answer when the true tables lie outside the boxes (statuses that contradict the counts). These are the bounds of the
/// LP relaxation, the intruder τ-Argus assumes; the tests check both methods against the exact rational simplex
/// (<see cref="BoundedSimplex"/>).
/// </summary>
internal static class JointBounds
{
    private const double Tolerance = 1e-6;

    private static readonly (int Sign, bool Alternate)[] Seeds = [(1, false), (-1, false), (1, true), (-1, true)];

    /// <summary>
    /// Fills min/max (per table, flat layout) for every cell. Returns false when the system is infeasible.
    /// <para>With partitions, only the cells whose <paramref name="required"/> width is positive are solved, and not even
    /// those when two solutions already known (the true tables, and every optimum found so far) lie at least that far
    /// apart on the cell: the verdict is the same as with the exact bounds, and the interval reported is then the part of
    /// the intruder's interval those solutions span (it holds the true value, and is never wider than the exact one).</para>
    /// <para><paramref name="only"/>: the one cell whose exact bounds are wanted (the others are left as they are), to
    /// score a candidate move cheaply.</para>
    /// </summary>
    public static bool Compute(
        IReadOnlyList<CountTable> tables, long[][] lo, long[][] hi, IReadOnlyList<Partition> partitions, long[][] required, long[][] min, long[][] max,
        (int Table, int Cell)? only = null)
    {
        var h = tables[0].Hierarchy;
        var count = tables.Count;
        if (partitions.Count == 0)
        {
            for (var k = 0; k < count; k++)
            {
                if (!NetworkBounds.Compute(h, tables[k].France, lo[k], hi[k], min[k], max[k]))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var partition in partitions)
        {
            if (tables[partition.Whole].France != partition.Parts.Sum(p => tables[p].France))
            {
                return false;
            }
        }

        // One whole and its parts: a network (PartitionNetwork), whose bounds are maximum flows.
        if (partitions.Count == 1 && PartitionNetwork.TryBuild(tables, lo, hi, partitions[0]) is { } network)
        {
            return ByNetwork(network, tables, lo, hi, partitions, required, min, max, only);
        }

        // Most cells are settled without a programme: see Restricted.
        var settled = new bool[count][];
        var anyLeft = false;
        for (var k = 0; k < count; k++)
        {
            settled[k] = new bool[h.CellCount];
            var (rMin, rMax) = Restricted(tables, lo, hi, partitions, k);
            for (var i = 0; i < h.CellCount; i++)
            {
                var wanted = only is { } o ? o.Table == k && o.Cell == i : true;
                if (!wanted)
                {
                    continue;
                }

                if (rMin is not null && rMax is not null && (lo[k][i] == hi[k][i] || (only is null && rMax[i] - rMin[i] >= required[k][i])))
                {
                    (min[k][i], max[k][i]) = (rMin[i], rMax[i]);
                    settled[k][i] = true;
                }
                else
                {
                    anyLeft = true;
                }
            }
        }

        if (!anyLeft)
        {
            return true;
        }

        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("Internal error: GLOP is not available.");
        var n = h.CellCount;
        var variables = new Variable?[count][];
        var cells = new List<(int Table, int Cell, Variable Variable)>();
        for (var k = 0; k < count; k++)
        {
            variables[k] = new Variable?[n];
            for (var i = 0; i < n; i++)
            {
                if (lo[k][i] > hi[k][i])
                {
                    return false;
                }

                if (lo[k][i] < hi[k][i])
                {
                    variables[k][i] = solver.MakeNumVar(lo[k][i], hi[k][i], string.Empty);
                    cells.Add((k, i, variables[k][i]!));
                }
            }
        }

        // Each term is a cell: a variable, or its fixed value moved to the right-hand side.
        void Equation(IEnumerable<(int Table, int Cell, int Sign)> terms, long constant)
        {
            var rhs = -constant;
            var row = new List<(Variable V, int Sign)>();
            foreach (var (k, i, sign) in terms)
            {
                if (variables[k][i] is { } v)
                {
                    row.Add((v, sign));
                }
                else
                {
                    rhs -= sign * lo[k][i];
                }
            }

            var constraint = solver.MakeConstraint(rhs, rhs);
            foreach (var (v, sign) in row)
            {
                constraint.SetCoefficient(v, constraint.GetCoefficient(v) + sign);
            }
        }

        var regionCount = h.Regions.Count;
        for (var k = 0; k < count; k++)
        {
            var table = k;
            Equation(Enumerable.Range(0, regionCount).Select(r => (table, r, 1)), -tables[k].France);
            for (var r = 0; r < regionCount; r++)
            {
                var region = r;
                Equation(
                    Enumerable.Range(regionCount + h.DepartementStart[r], h.DepartementStart[r + 1] - h.DepartementStart[r])
                        .Select(d => (table, d, -1)).Prepend((table, region, 1)),
                    0);
            }
        }

        foreach (var partition in partitions)
        {
            for (var i = 0; i < n; i++)
            {
                var cell = i;
                Equation(partition.Parts.Select(p => (p, cell, -1)).Prepend((partition.Whole, cell, 1)), 0);
            }
        }

        // Known solutions, one value per variable: the true tables when they fit the boxes, then every optimum.
        var solutions = new List<double[]>();
        var truthFits = cells.All(c => tables[c.Table].CellValues[c.Cell] >= lo[c.Table][c.Cell] && tables[c.Table].CellValues[c.Cell] <= hi[c.Table][c.Cell]);
        if (truthFits)
        {
            solutions.Add([.. cells.Select(c => (double)tables[c.Table].CellValues[c.Cell])]);
        }
        else if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return false;
        }
        else
        {
            solutions.Add([.. cells.Select(c => c.Variable.SolutionValue())]);
        }

        var objective = solver.Objective();
        if (only is null && cells.Count > 0)
        {
            // A few optima of whole-table objectives move many cells at once: most cells are then certified without a
            // programme of their own (every cell up, every cell down, and alternately up and down).
            foreach (var (sign, alternate) in Seeds)
            {
                for (var c = 0; c < cells.Count; c++)
                {
                    objective.SetCoefficient(cells[c].Variable, alternate && c % 2 == 1 ? -sign : sign);
                }

                objective.SetMaximization();
                Optimum(solver, cells[0].Variable, cells, solutions, up: false);
            }

            objective.Clear();
        }

        for (var c = 0; c < cells.Count; c++)
        {
            var (k, i, v) = cells[c];
            var wanted = only is { } o ? o.Table == k && o.Cell == i : required[k][i] > 0;
            if ((only is not null && !wanted) || settled[k][i])
            {
                continue;
            }

            var (spreadMin, spreadMax) = Spread(solutions, c);
            if (!wanted || (only is null && spreadMax - spreadMin >= required[k][i]))
            {
                (min[k][i], max[k][i]) = (spreadMin, spreadMax);
                continue;
            }

            objective.SetCoefficient(v, 1);
            objective.SetMinimization();
            min[k][i] = Optimum(solver, v, cells, solutions, up: true);
            objective.SetMaximization();
            max[k][i] = Optimum(solver, v, cells, solutions, up: false);
            objective.SetCoefficient(v, 0);
        }

        for (var k = 0; k < count && only is null; k++)
        {
            for (var i = 0; i < n; i++)
            {
                if (variables[k][i] is null && !settled[k][i])
                {
                    (min[k][i], max[k][i]) = (lo[k][i], lo[k][i]);
                }
            }
        }

        return true;
    }

    /// <summary>One array of cells per table, zeros: the bounds (or widths) of a group.</summary>
    public static (long[][] Min, long[][] Max) Allocate(int tables, int cells) =>
        ([.. Enumerable.Range(0, tables).Select(_ => new long[cells])], [.. Enumerable.Range(0, tables).Select(_ => new long[cells])]);

    /// <summary>
    /// The bounds over one partition's network: a cell whose restricted bounds (<see cref="Restricted"/>) reach the
    /// required width keeps them, any other is moved down and up by maximum flows stopped at that width (exact below it,
    /// so a cell that falls short gets its exact interval); with <paramref name="only"/>, that cell's exact bounds. A
    /// table outside the partition is on its own: its tree's exact bounds.
    /// </summary>
    private static bool ByNetwork(
        PartitionNetwork network, IReadOnlyList<CountTable> tables, long[][] lo, long[][] hi, IReadOnlyList<Partition> partitions,
        long[][] required, long[][] min, long[][] max, (int Table, int Cell)? only)
    {
        var h = tables[0].Hierarchy;
        for (var k = 0; k < tables.Count; k++)
        {
            if (only is { } o && o.Table != k)
            {
                continue;
            }

            if (!network.Holds(k))
            {
                var (alone, aloneMax) = (new long[h.CellCount], new long[h.CellCount]);
                if (!NetworkBounds.Compute(h, tables[k].France, lo[k], hi[k], alone, aloneMax))
                {
                    return false;
                }

                for (var i = 0; i < h.CellCount; i++)
                {
                    if (only is null || only.Value.Cell == i)
                    {
                        (min[k][i], max[k][i]) = (alone[i], aloneMax[i]);
                    }
                }

                continue;
            }

            var (rMin, rMax) = only is null ? Restricted(tables, lo, hi, partitions, k) : (null, null);
            for (var i = 0; i < h.CellCount; i++)
            {
                if (only is { } wanted && wanted.Cell != i)
                {
                    continue;
                }

                var value = tables[k].CellValues[i];
                if (lo[k][i] == hi[k][i])
                {
                    (min[k][i], max[k][i]) = (value, value);
                }
                else if (rMin is not null && rMax is not null && rMax[i] - rMin[i] >= required[k][i])
                {
                    (min[k][i], max[k][i]) = (rMin[i], rMax[i]);
                }
                else
                {
                    var (down, up) = only is null ? network.Range(k, i, required[k][i], limitIsWidth: true) : network.Range(k, i, long.MaxValue, limitIsWidth: false);
                    (min[k][i], max[k][i]) = (value - down, value + up);
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Exact bounds of table k's cells over parts of the intruder's feasible set: the other tables fixed at their true
    /// values, but for one partner that moves with k in k's partition (for a whole, its first part; for a part, the whole,
    /// then another part, the whole fixed). The partition then reads k = ± partner + fixed sums at every territory, the
    /// partner's hierarchy is k's, and the partner's box becomes a box on k: the system is k's tree again, solved by
    /// <see cref="NetworkBounds"/>. Each part of the feasible set projects into the intruder's interval, so does the hull
    /// of their projections, and a width reached there is reached by the intruder's interval: only the cells it does not
    /// settle need a programme. Null when k or a partner lies in more than one partition; for a table in none, the exact
    /// bounds of its own tree.
    /// </summary>
    internal static (long[]? Min, long[]? Max) Restricted(IReadOnlyList<CountTable> tables, long[][] lo, long[][] hi, IReadOnlyList<Partition> partitions, int k)
    {
        var h = tables[k].Hierarchy;
        var n = h.CellCount;
        var mine = partitions.Where(p => p.Whole == k || p.Parts.Contains(k)).ToArray();
        if (mine.Length > 1)
        {
            return (null, null);
        }

        if (mine.Length == 0)
        {
            var (min, max) = (new long[n], new long[n]);
            return NetworkBounds.Compute(h, tables[k].France, lo[k], hi[k], min, max) ? (min, max) : (null, null);
        }

        var partition = mine[0];
        int[] partners = partition.Whole == k ? [partition.Parts[0]] : [partition.Whole, .. partition.Parts.Where(p => p != k).Take(1)];
        (long[]? Min, long[]? Max) hull = (null, null);
        foreach (var partner in partners)
        {
            if (partitions.Count(p => p.Whole == partner || p.Parts.Contains(partner)) > 1)
            {
                return (null, null);
            }

            var fixedTables = partition.Parts.Append(partition.Whole).Where(p => p != k && p != partner).ToArray();
            var (boxLo, boxHi) = ((long[])lo[k].Clone(), (long[])hi[k].Clone());
            for (var i = 0; i < n; i++)
            {
                var cell = i;

                // whole − Σ parts = 0 with k and the partner free: sk·k + sp·partner = −Σ fixed (signed), and sk = ±1.
                long Signed(int table) => table == partition.Whole ? 1 : -1;
                var rest = -fixedTables.Sum(t => Signed(t) * tables[t].CellValues[cell]);
                var (sk, sp) = (Signed(k), Signed(partner));

                // k = (rest − sp·partner) / sk, with sk = ±1.
                var (a, b) = (sk * (rest - (sp > 0 ? hi[partner][i] : -lo[partner][i])), sk * (rest - (sp > 0 ? lo[partner][i] : -hi[partner][i])));
                (a, b) = (Math.Min(a, b), Math.Max(a, b));
                (boxLo[i], boxHi[i]) = (Math.Max(boxLo[i], a), Math.Min(boxHi[i], b));
                if (boxLo[i] > boxHi[i])
                {
                    return (null, null);
                }
            }

            var (min, max) = (new long[n], new long[n]);
            if (!NetworkBounds.Compute(h, tables[k].France, boxLo, boxHi, min, max))
            {
                return (null, null);
            }

            hull = hull.Min is null ? (min, max) : ([.. hull.Min.Zip(min, Math.Min)], [.. hull.Max!.Zip(max, Math.Max)]);
        }

        return hull;
    }

    private static (long Min, long Max) Spread(List<double[]> solutions, int column)
    {
        var (a, b) = (double.MaxValue, double.MinValue);
        foreach (var solution in solutions)
        {
            a = Math.Min(a, solution[column]);
            b = Math.Max(b, solution[column]);
        }

        return ((long)Math.Ceiling(a - Tolerance), (long)Math.Floor(b + Tolerance));
    }

    private static long Optimum(Solver solver, Variable v, List<(int Table, int Cell, Variable Variable)> cells, List<double[]> solutions, bool up)
    {
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException("Internal error: a bounded feasible LP has no optimum.");
        }

        solutions.Add([.. cells.Select(c => c.Variable.SolutionValue())]);
        var value = v.SolutionValue();
        return (long)(up ? Math.Ceiling(value - Tolerance) : Math.Floor(value + Tolerance));
    }
}
