using System.Collections.Immutable;

namespace Reporting.Disclosure;

/// <summary>
/// The secondary-suppression heuristic (exact minimal cell suppression is NP-hard). Works on the flat cell
/// layout of <see cref="Hierarchy"/> (regions, then départements); every loop runs in that canonical order and
/// every tie is broken by the ordinal <see cref="CellRef"/> order, so the result depends on the table only.
/// <para>1. Primary: every region or département count 1..threshold − 1.</para>
/// <para>2. The maximal zero-publishing pattern: every non-zero cell hidden, then the secondary cells the intruder
/// pins down anyway published (publishing a value the intruder already knows changes nothing he can infer). If a
/// primary cell is still too narrow there, no zero-publishing pattern passes (hiding more only widens intervals,
/// and secondary cells do not protect by being pinned): the whole table is hidden.</para>
/// <para>3. Greedy: while some hidden cell fails (a primary narrower than the range, or any hidden cell pinned
/// down), take the first failing one — primary before secondary, départements before regions, then code — and
/// add the best candidate move. Candidate cells are published, non-zero, sub-national cells in the same sum
/// constraints as the target (a zero is never a candidate: zeros are published, and the intruder knows a
/// hidden cell is ≥ 1). A move is one cell, or the few cells that together close a new "cycle" of hidden cells
/// through France (a region, another region and one of its départements), since a hidden region whose
/// départements are all published, or a lone hidden region under France, is pinned down by additivity. Moves
/// are ranked by: remaining shortfall of the target, total shortfall of the table, number of cells, sum of
/// their counts, then ordinal codes. A move that improves nothing sends the search to the maximal pattern,
/// which is known to pass. Each round hides at least one more cell, so the loop ends.</para>
/// <para>4. Clean-up: secondary cells are released one at a time, largest count first, whenever the table still
/// passes without them. One pass suffices: a cell needed with more cells hidden is still needed with fewer.</para>
/// </summary>
internal sealed class PatternSearch
{
    private readonly Hierarchy h;
    private readonly DisclosureParameters parameters;
    private readonly ImmutableArray<long> values;
    private readonly long france;
    private readonly int regionCount;
    private readonly bool[] primary;
    private readonly bool[] hidden;
    private readonly int[] rank;
    private readonly long[] lo;
    private readonly long[] hi;
    private readonly long[] min;
    private readonly long[] max;

    public PatternSearch(CountTable table, DisclosureParameters parameters)
    {
        h = table.Hierarchy;
        this.parameters = parameters;
        values = table.CellValues;
        france = table.France;
        regionCount = h.Regions.Count;
        var n = h.CellCount;
        primary = [.. values.Select(parameters.IsPrimary)];
        hidden = new bool[n];
        lo = new long[n];
        hi = new long[n];
        min = new long[n];
        max = new long[n];

        // Position of each cell in CellRef order (regions, then départements by ordinal code): the tie-break.
        rank = new int[n];
        var ordered = Enumerable.Range(0, n).OrderBy(h.CellAt).ToArray();
        for (var k = 0; k < n; k++)
        {
            rank[ordered[k]] = k;
        }
    }

    public SuppressionPattern Run()
    {
        if (!primary.Contains(true))
        {
            return SuppressionPattern.AllPublished(h);
        }

        if (!HideMaximal())
        {
            return SuppressionPattern.WholeTable(h);
        }

        Array.Copy(primary, hidden, hidden.Length);
        Greedy();
        CleanUp();
        return ToPattern();
    }

    /// <summary>
    /// Sets the maximal zero-publishing pattern (see step 2) and tells whether it passes. Releasing a pinned-down
    /// secondary cell adds the equation x = v the intruder already derives: the feasible set, hence every other
    /// interval, stays the same, so all of them are released at once and the pattern then passes exactly when its
    /// primary cells are wide enough.
    /// </summary>
    public bool HideMaximal()
    {
        for (var i = 0; i < hidden.Length; i++)
        {
            hidden[i] = values[i] > 0;
        }

        TotalDeficiency();
        for (var i = 0; i < hidden.Length; i++)
        {
            if (hidden[i] && !primary[i] && min[i] == max[i])
            {
                hidden[i] = false;
            }
        }

        return TotalDeficiency() == 0;
    }

    /// <summary>The maximal zero-publishing pattern, passing or not.</summary>
    public SuppressionPattern Maximal()
    {
        HideMaximal();
        return ToPattern();
    }

    /// <summary>Σ over hidden cells of how much their interval falls short of what the rules require.</summary>
    public long TotalDeficiency()
    {
        var secondaryLo = parameters.IntruderKnowsSecondaryIsLarge ? parameters.Threshold : 1L;
        for (var i = 0; i < hidden.Length; i++)
        {
            // Same knowledge as IntruderModel for a zero-publishing pattern.
            (lo[i], hi[i]) = !hidden[i] ? (values[i], values[i])
                : primary[i] ? (1L, parameters.Threshold - 1L)
                : (secondaryLo, france);
        }

        if (!NetworkBounds.Compute(h, france, lo, hi, min, max))
        {
            throw new InvalidOperationException("Internal error: the true table violates the intruder model.");
        }

        long total = 0;
        for (var i = 0; i < hidden.Length; i++)
        {
            total += Deficiency(i);
        }

        return total;
    }

    /// <summary>Shortfall of a cell after the last <see cref="TotalDeficiency"/>: range for primary, 1 for secondary.</summary>
    private long Deficiency(int cell)
    {
        if (!hidden[cell])
        {
            return 0;
        }

        var required = primary[cell] ? parameters.ProtectionRange : 1L;
        return Math.Max(0, required - (max[cell] - min[cell]));
    }

    private void Greedy()
    {
        while (true)
        {
            var total = TotalDeficiency();
            if (total == 0)
            {
                return;
            }

            var target = FirstFailing();
            var targetDeficiency = Deficiency(target);
            var best = Moves(target).Select(m => Score(target, m)).Min();
            if (best is null || !(best.Target < targetDeficiency || (best.Target == targetDeficiency && best.Total < total)))
            {
                // No single move helps: fall back to the maximal pattern (known to pass); clean-up trims it.
                HideMaximal();
                return;
            }

            foreach (var cell in best.Cells)
            {
                hidden[cell] = true;
            }
        }
    }

    private int FirstFailing() =>
        Enumerable.Range(0, hidden.Length)
            .Where(i => Deficiency(i) > 0)
            .OrderBy(i => primary[i] ? 0 : 1)
            .ThenBy(i => i < regionCount ? 1 : 0)
            .ThenBy(i => rank[i])
            .First();

    /// <summary>Hides the move's cells, measures, and restores.</summary>
    private MoveScore Score(int target, int[] cells)
    {
        foreach (var cell in cells)
        {
            hidden[cell] = true;
        }

        var total = TotalDeficiency();
        var targetDeficiency = Deficiency(target);
        foreach (var cell in cells)
        {
            hidden[cell] = false;
        }

        return new MoveScore(targetDeficiency, total, cells, cells.Sum(c => values[c]), [.. cells.Select(c => rank[c]).Order()]);
    }

    /// <summary>
    /// Candidate moves for a failing cell. A département can be covered inside its region by a published sibling,
    /// or through France by its region together with a path back down another region. A region can be covered
    /// by one of its départements, or by such a path through another region.
    /// </summary>
    private IEnumerable<int[]> Moves(int target)
    {
        if (target >= regionCount)
        {
            var region = h.RegionOfDepartement[target - regionCount];
            foreach (var sibling in DepartementsOf(region).Where(d => d != target && Available(d)))
            {
                yield return [sibling];
            }

            if (Available(region))
            {
                yield return [region];
            }

            foreach (var path in PathsThroughOtherRegions(region))
            {
                yield return hidden[region] ? path : [region, .. path];
            }

            yield break;
        }

        foreach (var departement in DepartementsOf(target).Where(Available))
        {
            yield return [departement];
        }

        var ownPath = DepartementsOf(target).Any(d => hidden[d])
            ? []
            : DepartementsOf(target).Where(Available).OrderBy(d => values[d]).ThenBy(d => rank[d]).Take(1).ToArray();
        foreach (var path in PathsThroughOtherRegions(target))
        {
            yield return [.. ownPath, .. path];
        }
    }

    /// <summary>
    /// Ways to give France a second hidden route down to the départements, avoiding <paramref name="region"/>:
    /// another region that is (or becomes) hidden, with a hidden département below it. A hidden region whose
    /// départements are all published would be pinned down by their sum.
    /// </summary>
    private IEnumerable<int[]> PathsThroughOtherRegions(int region)
    {
        for (var other = 0; other < regionCount; other++)
        {
            if (other == region || values[other] == 0)
            {
                continue;
            }

            var departements = DepartementsOf(other).Where(Available).ToArray();
            if (hidden[other])
            {
                foreach (var d in departements)
                {
                    yield return [d];
                }

                continue;
            }

            if (DepartementsOf(other).Any(d => hidden[d]))
            {
                yield return [other];
            }

            foreach (var d in departements)
            {
                yield return [other, d];
            }
        }
    }

    /// <summary>A secondary candidate: published and non-zero (zeros stay published, France is never a cell).</summary>
    private bool Available(int cell) => !hidden[cell] && values[cell] > 0;

    private IEnumerable<int> DepartementsOf(int region) =>
        Enumerable.Range(regionCount + h.DepartementStart[region], h.DepartementStart[region + 1] - h.DepartementStart[region]);

    private void CleanUp()
    {
        var secondaries = Enumerable.Range(0, hidden.Length)
            .Where(i => hidden[i] && !primary[i])
            .OrderByDescending(i => values[i])
            .ThenBy(i => rank[i])
            .ToArray();
        foreach (var cell in secondaries)
        {
            hidden[cell] = false;
            if (TotalDeficiency() > 0)
            {
                hidden[cell] = true;
            }
        }
    }

    private SuppressionPattern ToPattern() => new(h, [.. Enumerable.Range(0, hidden.Length).Select(i =>
        !hidden[i] ? SuppressionStatus.Published : primary[i] ? SuppressionStatus.Primary : SuppressionStatus.Secondary)]);

    /// <summary>Lower is better, compared field by field in the order of the rules above.</summary>
    private sealed record MoveScore(long Target, long Total, int[] Cells, long Value, int[] Ranks) : IComparable<MoveScore>
    {
        public int CompareTo(MoveScore? other)
        {
            if (other is null)
            {
                return -1;
            }

            var c = Target.CompareTo(other.Target);
            c = c != 0 ? c : Total.CompareTo(other.Total);
            c = c != 0 ? c : Cells.Length.CompareTo(other.Cells.Length);
            c = c != 0 ? c : Value.CompareTo(other.Value);
            for (var k = 0; c == 0 && k < Ranks.Length; k++)
            {
                c = Ranks[k].CompareTo(other.Ranks[k]);
            }

            return c;
        }
    }
}
