using Reporting.Disclosure;
using static Reporting.Disclosure.CellRef;

namespace Reporting.Tests.Disclosure;

/// <summary>The attack itself: hand-computed intervals, every failure kind, and exactness against two oracles.</summary>
public sealed class AuditTests
{
    private static readonly DisclosureParameters P = DisclosureParameters.Default;

    /// <summary>A: A1 = 4 (primary), A2 = 50 (secondary), A3 = 80 published; region A = 134 published.</summary>
    [Fact]
    public void HandComputedIntervals_InsideARegion()
    {
        var table = Tables.Only(Hierarchies.Small, ("A1", 4), ("A2", 50), ("A3", 80), ("B1", 500), ("O11", 300));
        var pattern = SuppressionPattern.AllPublished(Hierarchies.Small)
            .With(Departement("A1"), SuppressionStatus.Primary)
            .With(Departement("A2"), SuppressionStatus.Secondary);

        var audit = Audit.Attack(table, pattern, P);

        Assert.True(audit.Passed, audit.ToString());
        // A1 + A2 = 54, A1 ∈ [1, 10], A2 ≥ 1.
        Assert.Equal(new CellInterval(Departement("A1"), SuppressionStatus.Primary, 4, 1, 10, 3), audit.IntervalOf(Departement("A1")));
        Assert.Equal(new CellInterval(Departement("A2"), SuppressionStatus.Secondary, 50, 44, 53, 1), audit.IntervalOf(Departement("A2")));
    }

    /// <summary>
    /// Two regions hidden at France level, each with one hidden département: A (A1 = 4 primary, A = 134) and
    /// O2 (= O21 = 20). A + O2 = 154, A1 = A − 130, O21 = O2.
    /// </summary>
    [Fact]
    public void HandComputedIntervals_ThroughFrance()
    {
        var table = Tables.Only(Hierarchies.Small, ("A1", 4), ("A2", 50), ("A3", 80), ("B1", 500), ("O21", 20));
        var pattern = SuppressionPattern.AllPublished(Hierarchies.Small)
            .With(Departement("A1"), SuppressionStatus.Primary)
            .With(Region("A"), SuppressionStatus.Secondary)
            .With(Region("O2"), SuppressionStatus.Secondary)
            .With(Departement("O21"), SuppressionStatus.Secondary);

        var audit = Audit.Attack(table, pattern, P);

        Assert.True(audit.Passed, audit.ToString());
        Assert.Equal((1L, 10L), (audit.IntervalOf(Departement("A1")).Min, audit.IntervalOf(Departement("A1")).Max));
        Assert.Equal((131L, 140L), (audit.IntervalOf(Region("A")).Min, audit.IntervalOf(Region("A")).Max));
        Assert.Equal((14L, 23L), (audit.IntervalOf(Region("O2")).Min, audit.IntervalOf(Region("O2")).Max));
        Assert.Equal((14L, 23L), (audit.IntervalOf(Departement("O21")).Min, audit.IntervalOf(Departement("O21")).Max));
    }

    [Fact]
    public void AHiddenRegionWithEveryDepartementPublished_IsPinned()
    {
        var table = Tables.Only(Hierarchies.Small, ("A1", 40), ("B1", 500), ("O21", 20));
        var pattern = SuppressionPattern.AllPublished(Hierarchies.Small)
            .With(Region("A"), SuppressionStatus.Secondary)
            .With(Region("O2"), SuppressionStatus.Secondary);

        var audit = Audit.Attack(table, pattern, P);

        Assert.False(audit.Passed);
        Assert.Contains(audit.Failures, f => f.Kind == AuditFailureKind.Disclosed && f.Cell == Region("A"));
        Assert.Contains(audit.Failures, f => f.Kind == AuditFailureKind.Disclosed && f.Cell == Region("O2"));
    }

    [Fact]
    public void ARangeTooNarrow_IsReported()
    {
        // A1 = 1 and A3 = 2 hidden, A2 = 200 published: A1 + A3 = 3 with both ≥ 1, so A1 ∈ [1, 2]: width 1 < 3.
        var table = Tables.Only(Hierarchies.Small, ("A1", 1), ("A2", 200), ("A3", 2), ("B1", 500), ("O21", 20));
        var pattern = SuppressionPattern.AllPublished(Hierarchies.Small)
            .With(Departement("A1"), SuppressionStatus.Primary)
            .With(Departement("A3"), SuppressionStatus.Primary);

        var audit = Audit.Attack(table, pattern, P);

        Assert.False(audit.Passed);
        Assert.Equal((1L, 2L), (audit.IntervalOf(Departement("A1")).Min, audit.IntervalOf(Departement("A1")).Max));
        Assert.Contains(audit.Failures, f => f.Kind == AuditFailureKind.RangeTooNarrow && f.Cell == Departement("A1"));
    }

    [Fact]
    public void StatusErrors_AreReported()
    {
        var table = Tables.Only(Hierarchies.Small, ("A1", 4), ("A2", 50), ("A3", 80), ("B1", 500), ("O21", 20));
        var pattern = SuppressionPattern.AllPublished(Hierarchies.Small)
            .With(Departement("A2"), SuppressionStatus.Primary)
            .With(Departement("B2"), SuppressionStatus.Secondary);

        var audit = Audit.Attack(table, pattern, P);

        Assert.Contains(audit.Failures, f => f.Kind == AuditFailureKind.SmallCountPublished && f.Cell == Departement("A1"));
        Assert.Contains(audit.Failures, f => f.Kind == AuditFailureKind.StatusInconsistent && f.Cell == Departement("A2"));
        Assert.Contains(audit.Failures, f => f.Kind == AuditFailureKind.HiddenZero && f.Cell == Departement("B2"));
    }

    [Fact]
    public void StrongerIntruder_UsesSecondaryAtLeastThreshold()
    {
        // A1 = 4 primary, A2 = 12 secondary, A1 + A2 = 16. Contract intruder: A1 ∈ [1, 10]. Stronger intruder
        // (A2 ≥ 11): A1 ∈ [1, 5].
        var table = Tables.Only(Hierarchies.Small, ("A1", 4), ("A2", 12), ("A3", 80), ("B1", 500), ("O21", 20));
        var pattern = SuppressionPattern.AllPublished(Hierarchies.Small)
            .With(Departement("A1"), SuppressionStatus.Primary)
            .With(Departement("A2"), SuppressionStatus.Secondary);

        var contract = Audit.Attack(table, pattern, P).IntervalOf(Departement("A1"));
        var stronger = Audit.Attack(table, pattern, new DisclosureParameters(intruderKnowsSecondaryIsLarge: true)).IntervalOf(Departement("A1"));

        Assert.Equal((1L, 10L), (contract.Min, contract.Max));
        Assert.Equal((1L, 5L), (stronger.Min, stronger.Max));
    }

    [Fact]
    public void InconsistentKnowledge_IsReportedNotThrown()
    {
        // A2 = 50 marked primary: the intruder model says A2 ≤ 10, which the published region contradicts.
        var table = Tables.Only(Hierarchies.Small, ("A1", 4), ("A2", 50), ("B1", 500), ("O21", 20));
        var pattern = SuppressionPattern.AllPublished(Hierarchies.Small)
            .With(Departement("A1"), SuppressionStatus.Primary)
            .With(Departement("A2"), SuppressionStatus.Primary);

        foreach (var method in new[] { BoundMethod.Network, BoundMethod.Simplex })
        {
            var audit = Audit.Attack(table, pattern, P, method);
            Assert.False(audit.Passed);
            Assert.Contains(audit.Failures, f => f.Kind == AuditFailureKind.Infeasible);
            Assert.Empty(audit.Intervals);
        }
    }

    /// <summary>
    /// Exactness: on a tiny hierarchy, the intervals of random patterns (consistent or not, whole table or not)
    /// from both methods equal those found by enumerating every integer table the intruder cannot exclude.
    /// </summary>
    [Fact]
    public void BothMethods_EqualBruteForce_OnRandomPatterns()
    {
        var h = new Hierarchy([new("X", ["X1", "X2"]), new("Y", ["Y1"]), new("Z", ["Z1", "Z2", "Z3"])]);
        var p = new DisclosureParameters(threshold: 5, protectionRange: 2);
        var random = new Random(7);
        var statuses = new[] { SuppressionStatus.Published, SuppressionStatus.Primary, SuppressionStatus.Secondary };
        for (var round = 0; round < 150; round++)
        {
            var table = CountTable.FromDepartements(h, h.DepartementCodes.ToDictionary(d => d, _ => (long)random.Next(0, 5)));
            var cells = h.Cells().ToArray();
            var pattern = round % 10 == 0
                ? SuppressionPattern.WholeTable(h)
                : cells.Aggregate(SuppressionPattern.AllPublished(h), (pat, c) => pat.With(c, statuses[random.Next(3)]));
            var parameters = round % 2 == 0 ? p : new DisclosureParameters(5, 2, intruderKnowsSecondaryIsLarge: true);

            var network = Audit.Attack(table, pattern, parameters, BoundMethod.Network);
            var simplex = Audit.Attack(table, pattern, parameters, BoundMethod.Simplex);
            var brute = BruteForce(table, pattern, parameters);

            Assert.Equal(network.Intervals.ToArray(), simplex.Intervals.ToArray());
            Assert.Equal(network.Failures.ToArray(), simplex.Failures.ToArray());
            if (brute is null)
            {
                Assert.Contains(network.Failures, f => f.Kind == AuditFailureKind.Infeasible);
                continue;
            }

            Assert.DoesNotContain(network.Failures, f => f.Kind == AuditFailureKind.Infeasible);
            foreach (var interval in network.Intervals)
            {
                Assert.Equal(brute[interval.Cell], (interval.Min, interval.Max));
            }
        }
    }

    /// <summary>Every integer table within the intruder's boxes and additive with the published France.</summary>
    private static Dictionary<CellRef, (long, long)>? BruteForce(CountTable table, SuppressionPattern pattern, DisclosureParameters p)
    {
        var h = table.Hierarchy;
        var cells = h.Cells().ToArray();
        (long Lo, long Hi) Box(CellRef c) => pattern.StatusOf(c) switch
        {
            SuppressionStatus.Published => (table.ValueOf(c), table.ValueOf(c)),
            SuppressionStatus.Primary => (1, p.Threshold - 1),
            SuppressionStatus.Secondary => (p.IntruderKnowsSecondaryIsLarge ? p.Threshold : 1, long.MaxValue),
            _ => (0, long.MaxValue),
        };

        // Every assignment of the départements that adds up to France, each département within its box (any other is
        // rejected below anyway), the regions summed from them; arrays indexed like `cells`, nothing allocated per visit.
        var index = cells.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var boxes = cells.Select(Box).ToArray();
        var deps = h.DepartementCodes.Select(d => index[Departement(d)]).ToArray();
        var regions = h.Regions.Select(r => (Cell: index[Region(r.Code)], Parts: r.Departements.Select(d => index[Departement(d)]).ToArray())).ToArray();
        var value = new long[cells.Length];
        var min = Enumerable.Repeat(long.MaxValue, cells.Length).ToArray();
        var max = Enumerable.Repeat(long.MinValue, cells.Length).ToArray();

        void Visit(int k, long left)
        {
            if (k == deps.Length)
            {
                if (left != 0)
                {
                    return;
                }

                foreach (var (cell, parts) in regions)
                {
                    long sum = 0;
                    foreach (var d in parts)
                    {
                        sum += value[d];
                    }

                    if (sum < boxes[cell].Lo || sum > boxes[cell].Hi)
                    {
                        return;
                    }

                    value[cell] = sum;
                }

                for (var c = 0; c < cells.Length; c++)
                {
                    (min[c], max[c]) = (Math.Min(min[c], value[c]), Math.Max(max[c], value[c]));
                }

                return;
            }

            var (lo, hi) = boxes[deps[k]];
            for (var v = Math.Max(lo, 0); v <= Math.Min(left, hi); v++)
            {
                value[deps[k]] = v;
                Visit(k + 1, left - v);
            }
        }

        Visit(0, table.France);
        return min[0] > max[0] ? null : cells.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (min[x.i], max[x.i]));
    }
}
