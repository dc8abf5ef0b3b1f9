using Reporting.Disclosure;
using static Reporting.Disclosure.CellRef;

namespace Reporting.Tests.Disclosure;

/// <summary>The whole-table fallback is the last resort: it happens exactly when the maximal zero-publishing pattern fails.</summary>
public sealed class WholeTableTests
{
    private static readonly DisclosureParameters P = DisclosureParameters.Default;

    [Theory]
    [InlineData("small", "A1", "A2")]
    [InlineData("france", "15", "63")]
    public void EveryoneInOneRegion_PublishesTheRegionAndTheZeros(string geo, string small, string large)
    {
        // The region is France: hidden, it would be pinned down, which used to send the table to the whole-table
        // fallback. Published, it tells nothing France does not, and the small département hides behind the large one.
        var h = Hierarchies.Named(geo);
        var table = Tables.Only(h, (small, 4), (large, 46));
        var everyNonZero = new SuppressionPattern(h, [.. table.CellValues.Select(v =>
            v == 0 ? SuppressionStatus.Published : P.IsPrimary(v) ? SuppressionStatus.Primary : SuppressionStatus.Secondary)]);
        Assert.Contains(Audit.Attack(table, everyNonZero, P).Failures, f => f.Kind == AuditFailureKind.Disclosed && f.Cell == Region(h.RegionOf(small)));

        var result = Suppression.Protect(table, P);

        Checks.Protects(result);
        Assert.False(result.WholeTableHidden);
        Assert.Equal(SuppressionStatus.Published, result.StatusOf(Region(h.RegionOf(small))));
        Assert.Equal(SuppressionStatus.Secondary, result.StatusOf(Departement(large)));
        Assert.Equal((1L, 10L), (result.Audit.IntervalOf(Departement(small)).Min, result.Audit.IntervalOf(Departement(small)).Max));
        Assert.True(Audit.Attack(table, Suppression.MaximalPattern(table, P), P).Passed);
        Assert.Equal(SuppressionStatus.Published, Suppression.MaximalPattern(table, P).StatusOf(Region(h.RegionOf(small))));
    }

    [Fact]
    public void WholeTable_OnATableTheMaximalPatternProtects_FailsTheAudit()
    {
        var h = Hierarchies.France;
        var table = Tables.Only(h, ("15", 4), ("63", 46));

        var audit = Audit.Attack(table, SuppressionPattern.WholeTable(h), P);

        Assert.Contains(audit.Failures, f => f.Kind == AuditFailureKind.UnnecessaryWholeTable);
    }

    [Theory]
    [InlineData(11, 3)]
    [InlineData(5, 2)]
    [InlineData(11, 6)]
    public void WholeTableHidden_ExactlyWhenTheMaximalPatternFails(int threshold, int range)
    {
        var p = new DisclosureParameters(threshold, range);
        var whole = 0;
        foreach (var h in new[] { Hierarchies.Small, Hierarchies.France })
        {
            for (var seed = 0; seed < 150; seed++)
            {
                var table = seed % 2 == 0 ? Tables.Random(h, seed) : Concentrated(h, seed);
                var result = Suppression.Protect(table, p);
                var maximal = Audit.Attack(table, Suppression.MaximalPattern(table, p), p);

                Assert.Equal(!maximal.Passed, result.WholeTableHidden);
                Assert.True(result.Audit.Passed, result.Audit.ToString());
                whole += result.WholeTableHidden ? 1 : 0;
            }
        }

        // Both outcomes occur, so the equivalence is tested both ways.
        Assert.InRange(whole, 1, 299);
    }

    /// <summary>A few persons, mostly in one or two regions: the tables where a hidden region is pinned down by France.</summary>
    private static CountTable Concentrated(Hierarchy h, int seed)
    {
        var random = new Random(seed);
        var regions = h.Regions.OrderBy(_ => random.Next()).Take(1 + (seed % 3 == 0 ? 1 : 0)).ToArray();
        var deps = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            foreach (var d in region.Departements)
            {
                deps[d] = random.Next(4) switch { 0 => 0, 1 => random.Next(1, 11), _ => random.Next(11, 80) };
            }
        }

        return CountTable.FromDepartements(h, deps);
    }
}
