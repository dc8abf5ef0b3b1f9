using System.Globalization;
using Google.OrTools.Sat;

namespace Reporting.Disclosure;

/// <summary>
/// Secondary suppression at the least information loss (<see cref="InformationLoss"/>): an integer programme over
/// the suppression pattern, solved by CP-SAT, with the intruder's exact bounds written into it.
/// <para>The bounds in closed form. The audit's intervals on the tree France ⊃ regions ⊃ départements are sums and
/// minima of the cells' boxes (<see cref="NetworkBounds"/>). Written as how far each hidden cell can move down (D)
/// or up (U) from its true value, with x_j = 1 when cell j is hidden, D_j = (v_j − lo_j)·x_j and
/// U_j = (hi_j − v_j)·x_j over the box [lo_j, hi_j] the intruder gives a hidden cell (<see cref="IntruderModel"/>):
/// a region's subtree lets it move down A_r = min(D_r, Σ_d D_d) and up B_r = min(U_r, Σ_d U_d); a region then moves
/// up min(B_r, Σ_{r'≠r} A_r') and down min(A_r, Σ_{r'≠r} B_r'); a département d of region r moves up
/// min(U_d, min(U_r, Σ_{r'≠r} A_r') + Σ_{siblings} D_s) and down min(D_d, min(D_r, Σ_{r'≠r} B_r') + Σ_{siblings} U_s).
/// A primary cell is protected when its moves up and down add up to the protection range. Every operation is
/// monotone (sums and minima of non-negative terms), so each minimum becomes a variable bounded above by each of its
/// terms, and the constraint "up + down ≥ range" holds for some values of these variables exactly when it holds for
/// the true bounds: the programme is exact, with no cut to add lazily (the Fischetti–Salazar cuts of a general table
/// are, on this two-level tree, these few inequalities).</para>
/// <para>A secondary cell must also not be pinned down. The programme leaves that out: a pinned secondary cell can be
/// published without changing anything the intruder knows, and it costs something, so the optimum has none; the
/// solution is cleaned of any (when the search stops before the optimum) and audited.</para>
/// <para>Deterministic: one worker, a fixed seed and a bound on CP-SAT's deterministic time (its count of work, not
/// the clock); the same table gives the same pattern on any machine. The heuristic's pattern is the starting hint and
/// the fallback: the pattern kept is the one of lower loss (then fewer hidden cells, then the heuristic's).</para>
/// </summary>
internal static class OptimalSuppression
{
    /// <summary>CP-SAT's deterministic time per table: far more than the tables of this engine need to be proved optimal.</summary>
    public const double WorkLimit = 2.0;

    private static readonly string SolverParameters = string.Create(CultureInfo.InvariantCulture,
        $"num_workers:1,random_seed:0,max_deterministic_time:{WorkLimit},log_search_progress:false");

    /// <summary>
    /// The pattern of least loss, never worse than <paramref name="heuristic"/> (which must pass the audit). A
    /// whole-table pattern, or one with no secondary cell, is returned as it is: there is nothing to improve.
    /// </summary>
    public static SuppressionPattern Improve(CountTable table, DisclosureParameters parameters, SuppressionPattern heuristic)
    {
        if (heuristic.IsWholeTableHidden || !heuristic.Statuses.Contains(SuppressionStatus.Secondary))
        {
            return heuristic;
        }

        var candidate = Solve(table, parameters, heuristic, InformationLoss.CostOf);
        if (candidate is null || !Audit.Attack(table, candidate, parameters).Passed)
        {
            return heuristic;
        }

        var (newLoss, oldLoss) = (InformationLoss.Of(table, candidate, parameters), InformationLoss.Of(table, heuristic, parameters));
        var better = newLoss < oldLoss || (newLoss == oldLoss && candidate.HiddenCells.Count < heuristic.HiddenCells.Count);
        return better ? candidate : heuristic;
    }

    /// <summary>
    /// The fewest cells any pattern can hide beyond the primary ones (every cell costs 1): the benchmark's proof that no
    /// method hides fewer than a given pattern. Null when the search stops before the optimum.
    /// </summary>
    public static int? FewestSecondaryCells(CountTable table, DisclosureParameters parameters, SuppressionPattern hint)
    {
        if (hint.IsWholeTableHidden)
        {
            return null;
        }

        return Solve(table, parameters, hint, (_, _) => 1, provedOptimal: true) is { } pattern
            ? pattern.HiddenCells.Count(c => !parameters.IsPrimary(table.ValueOf(c)))
            : null;
    }

    private static SuppressionPattern? Solve(
        CountTable table, DisclosureParameters parameters, SuppressionPattern hint, Func<CellLevel, long, long> cost, bool provedOptimal = false)
    {
        var h = table.Hierarchy;
        var values = table.CellValues;
        var france = table.France;
        var regionCount = h.Regions.Count;
        var n = h.CellCount;
        var model = new CpModel();

        // x_j: hidden or not. Primary cells are hidden and zeros published, whatever the solver does.
        var hidden = new BoolVar?[n];
        var primary = new bool[n];
        var down = new LinearExpr[n];
        var up = new LinearExpr[n];
        var secondaryLo = parameters.IntruderKnowsSecondaryIsLarge ? parameters.Threshold : 1L;
        var objective = new List<(BoolVar X, long Cost)>();
        for (var j = 0; j < n; j++)
        {
            var v = values[j];
            primary[j] = parameters.IsPrimary(v);
            if (primary[j])
            {
                down[j] = LinearExpr.Constant(v - 1);
                up[j] = LinearExpr.Constant(parameters.Threshold - 1 - v);
            }
            else if (v == 0)
            {
                down[j] = LinearExpr.Constant(0);
                up[j] = LinearExpr.Constant(0);
            }
            else
            {
                var x = model.NewBoolVar(string.Create(CultureInfo.InvariantCulture, $"x{j}"));
                hidden[j] = x;
                model.AddHint(x, hint.Statuses[j] != SuppressionStatus.Published);
                down[j] = LinearExpr.Term(x, v - secondaryLo);
                up[j] = LinearExpr.Term(x, france - v);
                objective.Add((x, cost(h.CellAt(j).Level, v)));
            }
        }

        // A_r and B_r: how far region r's own subtree lets it move down and up.
        var a = new IntVar[regionCount];
        var b = new IntVar[regionCount];
        for (var r = 0; r < regionCount; r++)
        {
            var departements = Departements(h, r);
            a[r] = AtMostEach(model, france, down[r], Sum(departements.Select(d => down[d])));
            b[r] = AtMostEach(model, france, up[r], Sum(departements.Select(d => up[d])));
        }

        var range = parameters.ProtectionRange;
        for (var r = 0; r < regionCount; r++)
        {
            var departements = Departements(h, r);
            var othersDown = Sum(Enumerable.Range(0, regionCount).Where(o => o != r).Select(o => (LinearExpr)a[o]));
            var othersUp = Sum(Enumerable.Range(0, regionCount).Where(o => o != r).Select(o => (LinearExpr)b[o]));
            if (primary[r])
            {
                var moveUp = AtMostEach(model, france, b[r], othersDown);
                var moveDown = AtMostEach(model, france, a[r], othersUp);
                model.Add(moveUp + moveDown >= range);
            }

            if (!departements.Any(d => primary[d]))
            {
                continue;
            }

            // How far the rest of the tree lets region r move, its own subtree left out.
            var parentUp = AtMostEach(model, france, up[r], othersDown);
            var parentDown = AtMostEach(model, france, down[r], othersUp);
            foreach (var d in departements.Where(d => primary[d]))
            {
                var siblings = departements.Where(s => s != d).ToArray();
                var moveUp = AtMostEach(model, france, up[d], parentUp + Sum(siblings.Select(s => down[s])));
                var moveDown = AtMostEach(model, france, down[d], parentDown + Sum(siblings.Select(s => up[s])));
                model.Add(moveUp + moveDown >= range);
            }
        }

        model.Minimize(LinearExpr.WeightedSum(objective.Select(o => o.X), objective.Select(o => o.Cost)));
        var solver = new CpSolver { StringParameters = SolverParameters };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible) || (provedOptimal && status != CpSolverStatus.Optimal))
        {
            return null;
        }

        var isHidden = Enumerable.Range(0, n).Select(j => primary[j] || (hidden[j] is { } x && solver.BooleanValue(x))).ToArray();
        return ReleasePinned(table, parameters, isHidden);
    }

    /// <summary>Publishes the secondary cells the intruder pins down anyway (nothing he knows changes).</summary>
    private static SuppressionPattern ReleasePinned(CountTable table, DisclosureParameters parameters, bool[] isHidden)
    {
        var pattern = ToPattern(table, parameters, isHidden);
        var audit = Audit.Attack(table, pattern, parameters);
        foreach (var interval in audit.Intervals.Where(i => i.Status == SuppressionStatus.Secondary && i.Width == 0))
        {
            isHidden[table.Hierarchy.CellIndex(interval.Cell)] = false;
        }

        return ToPattern(table, parameters, isHidden);
    }

    private static SuppressionPattern ToPattern(CountTable table, DisclosureParameters parameters, bool[] isHidden) =>
        new(table.Hierarchy, [.. isHidden.Select((hid, j) =>
            !hid ? SuppressionStatus.Published : parameters.IsPrimary(table.CellValues[j]) ? SuppressionStatus.Primary : SuppressionStatus.Secondary)]);

    /// <summary>A variable in [0, bound] at most each of the terms: its largest value is their minimum.</summary>
    private static IntVar AtMostEach(CpModel model, long bound, params LinearExpr[] terms)
    {
        var m = model.NewIntVar(0, bound, string.Empty);
        foreach (var term in terms)
        {
            model.Add(m <= term);
        }

        return m;
    }

    private static LinearExpr Sum(IEnumerable<LinearExpr> terms) => LinearExpr.Sum(terms);

    private static int[] Departements(Hierarchy h, int region) =>
        [.. Enumerable.Range(h.Regions.Count + h.DepartementStart[region], h.DepartementStart[region + 1] - h.DepartementStart[region])];
}
