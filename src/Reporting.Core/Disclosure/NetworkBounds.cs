namespace Reporting.Disclosure;

/// <summary>
/// Exact smallest and largest value of every cell over the integer points (equivalently the real points) of
/// <c>{ France = Σ regions, region = Σ its départements, lo ≤ x ≤ hi }</c>, France fixed, in O(cells).
/// <para>Why it is exact. The constraints form a tree: France at the root, regions below, départements as
/// leaves, one equation "parent = Σ children" per inner node. For a node v let Down(v) be the values x_v can
/// take when only the constraints and boxes of v's subtree are kept. The children's subtrees share no variable,
/// so Down(v) = box(v) ∩ Σ_children Down(c) (Minkowski sum). Let Up(v) be the values x_v can take when only the
/// rest of the tree is kept (every constraint and box outside v's subtree, plus the parent's equation):
/// x_v = x_p − Σ_siblings x_s, the parent's value and the siblings' subtrees again sharing no variable, so
/// Up(v) = (box(p) ∩ Up(p)) − Σ_siblings Down(s), with Up(France) = {France}. The two parts meet only in x_v,
/// hence the projection of the whole system on x_v is exactly Down(v) ∩ Up(v). Sums, differences and
/// intersections of intervals are intervals, and of integer intervals [a, b] ∩ ℤ they are integer intervals
/// with the same end points; so the real projection (the two LP optima) and the integer projection have the same
/// integer end points, computed here. This is the total-unimodularity fact made constructive. The test suite
/// checks it against an exact rational simplex and, on small hierarchies, against brute-force enumeration.</para>
/// </summary>
internal static class NetworkBounds
{
    /// <summary>
    /// Fills min/max for every cell (flat layout: regions then départements). Returns false when the system is
    /// infeasible (then min/max are meaningless).
    /// </summary>
    public static bool Compute(Hierarchy h, long france, long[] lo, long[] hi, long[] min, long[] max)
    {
        var regionCount = h.Regions.Count;
        var starts = h.DepartementStart;
        Span<long> downLo = regionCount <= 64 ? stackalloc long[regionCount] : new long[regionCount];
        Span<long> downHi = regionCount <= 64 ? stackalloc long[regionCount] : new long[regionCount];
        Span<long> childLo = regionCount <= 64 ? stackalloc long[regionCount] : new long[regionCount];
        Span<long> childHi = regionCount <= 64 ? stackalloc long[regionCount] : new long[regionCount];

        // Down sets of the regions: own box ∩ Σ of the départements' boxes (leaves: Down = box).
        long totalLo = 0, totalHi = 0;
        for (var r = 0; r < regionCount; r++)
        {
            long sLo = 0, sHi = 0;
            for (var d = regionCount + starts[r]; d < regionCount + starts[r + 1]; d++)
            {
                sLo += lo[d];
                sHi += hi[d];
            }

            childLo[r] = sLo;
            childHi[r] = sHi;
            downLo[r] = Math.Max(lo[r], sLo);
            downHi[r] = Math.Min(hi[r], sHi);
            if (downLo[r] > downHi[r])
            {
                return false;
            }

            totalLo += downLo[r];
            totalHi += downHi[r];
        }

        // Down(France) ∩ {France} must be non-empty for the system to be feasible at all.
        if (france < totalLo || france > totalHi)
        {
            return false;
        }

        for (var r = 0; r < regionCount; r++)
        {
            // Up(region) = France − Σ other regions' Down sets.
            var upLo = france - (totalHi - downHi[r]);
            var upHi = france - (totalLo - downLo[r]);
            min[r] = Math.Max(downLo[r], upLo);
            max[r] = Math.Min(downHi[r], upHi);

            // What the rest of the tree allows for the region when its own subtree is left out: box ∩ Up.
            var parentLo = Math.Max(lo[r], upLo);
            var parentHi = Math.Min(hi[r], upHi);
            for (var d = regionCount + starts[r]; d < regionCount + starts[r + 1]; d++)
            {
                // Up(département) = parent − Σ siblings' boxes; Down(département) = its box.
                var siblingsLo = childLo[r] - lo[d];
                var siblingsHi = childHi[r] - hi[d];
                min[d] = Math.Max(lo[d], parentLo - siblingsHi);
                max[d] = Math.Min(hi[d], parentHi - siblingsLo);
            }
        }

        // Feasibility of the whole system implies every projection is non-empty; a failure here is a bug.
        for (var i = 0; i < min.Length; i++)
        {
            if (min[i] > max[i])
            {
                throw new InvalidOperationException("Internal error: empty projection of a feasible system.");
            }
        }

        return true;
    }
}
