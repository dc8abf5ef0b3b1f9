using Reporting.Disclosure;
using static Reporting.Disclosure.CellRef;

namespace Reporting.Tests.Disclosure;

/// <summary>Adversarial tables, each on the small hierarchy and on the real 101-département one.</summary>
public sealed class SuppressionCaseTests
{
    private static readonly DisclosureParameters P = DisclosureParameters.Default;

    [Theory]
    [InlineData("small", "A1")]
    [InlineData("france", "15")]
    public void OneSmallDepartementAloneInItsRegion_HidesItsSmallestSibling(string geo, string small)
    {
        var h = Hierarchies.Named(geo);
        var result = Suppression.Protect(Tables.LargeWith(h, (small, 4)), P);

        Checks.Protects(result);
        Assert.Equal(1, result.Counts.Primary);
        Assert.Equal(1, result.Counts.Secondary);
        var sibling = SmallestSibling(result.Table, small);
        Assert.Equal(SuppressionStatus.Secondary, result.StatusOf(Departement(sibling)));

        // Exact attack: small + sibling = region − published siblings, so small ∈ [1, 10] and the sibling moves with it.
        var v = result.Table.ValueOf(Departement(sibling));
        Assert.Equal((1L, 10L), MinMax(result, Departement(small)));
        Assert.Equal((v - 6, v + 3), MinMax(result, Departement(sibling)));
    }

    [Theory]
    [InlineData("small", "B1", "B2")]
    [InlineData("france", "48", "46")]
    public void TwoSmallDepartementsInARegion_ProtectEachOther(string geo, string first, string second)
    {
        var h = Hierarchies.Named(geo);
        var result = Suppression.Protect(Tables.LargeWith(h, (first, 3), (second, 7)), P);

        Checks.Protects(result);
        Assert.Equal(2, result.Counts.Primary);
        Assert.Equal(0, result.Counts.Secondary);
        // first + second = 10, each in 1..10: both lie in [1, 9].
        Assert.Equal((1L, 9L), MinMax(result, Departement(first)));
        Assert.Equal((1L, 9L), MinMax(result, Departement(second)));
    }

    [Theory]
    [InlineData("small", "B1", "B2")]
    [InlineData("france", "48", "46")]
    public void TwoOnesInARegion_NeedAThirdCell(string geo, string first, string second)
    {
        var h = Hierarchies.Named(geo);
        var table = Tables.LargeWith(h, (first, 1), (second, 1));
        // Hiding only the two primaries pins both: they add up to 2 and each is at least 1.
        var primariesOnly = Audit.Attack(table, PrimariesOnly(table), P);
        Assert.Contains(primariesOnly.Failures, f => f.Kind == AuditFailureKind.Disclosed && f.Cell == Departement(first));

        var result = Suppression.Protect(table, P);
        Checks.Protects(result);
        Assert.Equal(1, result.Counts.Secondary);
        Assert.Equal(SuppressionStatus.Secondary, result.StatusOf(Departement(SmallestSibling(table, first, second))));
    }

    [Theory]
    [InlineData("small", "A")]
    [InlineData("france", "53")]
    public void AWholeRegionSmall_IsProtectedThroughAnotherRegion(string geo, string region)
    {
        var h = Hierarchies.Named(geo);
        var deps = h.Regions.Single(r => r.Code == region).Departements;
        var table = Tables.LargeWith(h, [.. deps.Select((d, k) => (d, (long)(k % 3) + 1))]);
        Assert.True(P.IsPrimary(table.ValueOf(Region(region))));

        var result = Suppression.Protect(table, P);
        Checks.Protects(result);
        Assert.Equal(SuppressionStatus.Primary, result.StatusOf(Region(region)));
        // France − Σ published regions would give the region away unless another region is hidden too.
        Assert.Contains(h.Regions, r => r.Code != region && result.StatusOf(Region(r.Code)) == SuppressionStatus.Secondary);
    }

    [Theory]
    [InlineData("small", "B")]
    [InlineData("france", "27")]
    public void EveryDepartementOfARegionSmall_ButTheRegionLarge(string geo, string region)
    {
        var h = Hierarchies.Named(geo);
        var deps = h.Regions.Single(r => r.Code == region).Departements;
        var table = Tables.LargeWith(h, [.. deps.Select((d, k) => (d, (long)(k % 4) + 3))]);
        Assert.False(P.IsPrimary(table.ValueOf(Region(region))));

        var result = Suppression.Protect(table, P);
        Checks.Protects(result);
        Assert.Equal(SuppressionStatus.Published, result.StatusOf(Region(region)));
    }

    [Theory]
    [InlineData("small", "C1", "C2", "C")]
    [InlineData("france", "2A", "2B", "94")]
    public void Corsica_OneSmall_HidesTheOther(string geo, string small, string large, string region)
    {
        var h = Hierarchies.Named(geo);
        var result = Suppression.Protect(Tables.LargeWith(h, (small, 4), (large, 300)), P);

        Checks.Protects(result);
        Assert.Equal(SuppressionStatus.Primary, result.StatusOf(Departement(small)));
        Assert.Equal(SuppressionStatus.Secondary, result.StatusOf(Departement(large)));
        Assert.Equal(SuppressionStatus.Published, result.StatusOf(Region(region)));
        Assert.Equal(1, result.Counts.Secondary);
    }

    [Theory]
    [InlineData("small", "C1", "C2", "C")]
    [InlineData("france", "2A", "2B", "94")]
    public void Corsica_BothSmall_HidesTheRegionAndAnother(string geo, string first, string second, string region)
    {
        var h = Hierarchies.Named(geo);
        var result = Suppression.Protect(Tables.LargeWith(h, (first, 3), (second, 4)), P);

        Checks.Protects(result);
        Assert.Equal(SuppressionStatus.Primary, result.StatusOf(Region(region)));
        Assert.Contains(h.Regions, r => r.Code != region && result.StatusOf(Region(r.Code)) == SuppressionStatus.Secondary);
    }

    [Theory]
    [InlineData("small", "O11", "O1")]
    [InlineData("france", "976", "06")]
    public void OverseasDepartementSmall_HidesItsRegionAndAnotherRegion(string geo, string departement, string region)
    {
        var h = Hierarchies.Named(geo);
        var table = Tables.LargeWith(h, (departement, 6));

        // The region cell equals the département cell: hiding both is not enough, France − Σ others gives them.
        var primariesOnly = Audit.Attack(table, PrimariesOnly(table), P);
        Assert.Contains(primariesOnly.Failures, f => f.Kind == AuditFailureKind.Disclosed && f.Cell == Departement(departement));
        Assert.Contains(primariesOnly.Failures, f => f.Kind == AuditFailureKind.Disclosed && f.Cell == Region(region));

        var result = Suppression.Protect(table, P);
        Checks.Protects(result);
        Assert.Equal(SuppressionStatus.Primary, result.StatusOf(Departement(departement)));
        Assert.Equal(SuppressionStatus.Primary, result.StatusOf(Region(region)));
        var others = h.Regions.Where(r => r.Code != region && result.StatusOf(Region(r.Code)) == SuppressionStatus.Secondary).ToList();
        Assert.Single(others);
        // The other hidden region needs a hidden département below it, or its départements would pin it.
        Assert.Contains(others[0].Departements, d => result.StatusOf(Departement(d)) == SuppressionStatus.Secondary);
        Assert.Equal((1L, 10L), MinMax(result, Departement(departement)));
    }

    [Theory]
    [InlineData("small", 3)]
    [InlineData("france", 3)]
    [InlineData("small", 4)]
    [InlineData("france", 4)]
    public void EveryDepartementSmall(string geo, int seed)
    {
        var h = Hierarchies.Named(geo);
        var random = new Random(seed);
        var table = CountTable.FromDepartements(h, h.DepartementCodes.ToDictionary(d => d, _ => (long)random.Next(1, 11)));

        var result = Suppression.Protect(table, P);
        Checks.Protects(result);
        Assert.False(result.WholeTableHidden);
        Assert.Equal(h.DepartementCodes.Count, result.Pattern.Departements.Values.Count(s => s == SuppressionStatus.Primary));
    }

    [Theory]
    [InlineData("small", "A2")]
    [InlineData("france", "23")]
    [InlineData("france", "976")]
    public void FranceEqualsOne_HidesTheWholeTable(string geo, string departement)
    {
        var h = Hierarchies.Named(geo);
        var result = Suppression.Protect(Tables.Only(h, (departement, 1)), P);

        Checks.Protects(result);
        AssertWholeTable(result);
        // The intruder only knows 0 ≤ cell ≤ France = 1: the most that publishing France allows.
        Assert.All(result.Audit.Intervals, i => Assert.Equal((0L, 1L), (i.Min, i.Max)));
    }

    [Theory]
    [InlineData("small")]
    [InlineData("france")]
    public void AllZeros_HidesNothing(string geo)
    {
        var h = Hierarchies.Named(geo);
        var result = Suppression.Protect(Tables.Only(h), P);

        Assert.True(result.Audit.Passed);
        Assert.False(result.WholeTableHidden);
        Assert.Equal(new SuppressionCounts(h.CellCount, 0, 0, 0), result.Counts);
        Assert.Empty(result.Audit.Intervals);
    }

    [Theory]
    [InlineData("small", new[] { "A1", "B2", "C1", "E3", "O11" })]
    [InlineData("small", new[] { "A1", "A2", "A3" })]
    [InlineData("france", new[] { "01", "21", "29", "2A", "971" })]
    [InlineData("france", new[] { "75", "77", "78" })]
    public void AHandfulScatteredOnePerDepartement_HidesTheWholeTable(string geo, string[] departements)
    {
        var h = Hierarchies.Named(geo);
        var result = Suppression.Protect(Tables.Only(h, [.. departements.Select(d => (d, 1L))]), P);

        Checks.Protects(result);
        AssertWholeTable(result);
        Assert.All(result.Audit.Intervals, i => Assert.Equal((0L, (long)departements.Length), (i.Min, i.Max)));
    }

    [Theory]
    [InlineData("small")]
    [InlineData("france")]
    public void OnePersonInEveryDepartement_HidesTheWholeTable(string geo)
    {
        var h = Hierarchies.Named(geo);
        var result = Suppression.Protect(
            CountTable.FromDepartements(h, h.DepartementCodes.ToDictionary(d => d, _ => 1L)), P);

        Checks.Protects(result);
        AssertWholeTable(result);
    }

    [Theory]
    [InlineData("small")]
    [InlineData("france")]
    public void FranceEqualsTwo_RangeCappedByFrance(string geo)
    {
        var h = Hierarchies.Named(geo);
        var result = Suppression.Protect(Tables.Only(h, (h.DepartementCodes[0], 2)), P);

        Checks.Protects(result);
        AssertWholeTable(result);
        Assert.All(result.Audit.Intervals, i => Assert.Equal((0L, 2L), (i.Min, i.Max)));
    }

    [Fact]
    public void WholeTableOnATableThatDoesNotNeedIt_FailsTheAudit()
    {
        var table = Tables.LargeWith(Hierarchies.France, ("15", 4));
        var audit = Audit.Attack(table, SuppressionPattern.WholeTable(Hierarchies.France), P);

        Assert.False(audit.Passed);
        Assert.Contains(audit.Failures, f => f.Kind == AuditFailureKind.UnnecessaryWholeTable);
    }

    [Fact]
    public void SmallerThreshold_AndWiderRange_AreHonoured()
    {
        var p = new DisclosureParameters(threshold: 6, protectionRange: 4);
        var table = Tables.LargeWith(Hierarchies.France, ("15", 5), ("43", 7), ("976", 2));
        var result = Suppression.Protect(table, p);

        Checks.Protects(result);
        Assert.Equal(SuppressionStatus.Primary, result.StatusOf(Departement("15")));
        Assert.NotEqual(SuppressionStatus.Primary, result.StatusOf(Departement("43")));
        Assert.All(result.Audit.Intervals.Where(i => i.Status == SuppressionStatus.Primary), i => Assert.True(i.Width >= 4));
    }

    [Fact]
    public void NoSmallCount_PublishesEverything()
    {
        var result = Suppression.Protect(CountTable.FromDepartements(Hierarchies.France, Tables.Large(Hierarchies.France)), P);

        Assert.Equal(Hierarchies.France.CellCount, result.Counts.Published);
        Assert.True(result.Audit.Passed);
    }

    private static void AssertWholeTable(ProtectedTable result)
    {
        Assert.True(result.WholeTableHidden);
        Assert.True(result.Audit.WholeTableHidden);
        Assert.Equal(new SuppressionCounts(0, 0, 0, result.Table.Hierarchy.CellCount), result.Counts);
        Assert.All(result.Table.Hierarchy.Cells(), c => Assert.Equal(SuppressionStatus.WholeTableHidden, result.StatusOf(c)));
        Assert.Equal("effectifs trop faibles pour une publication départementale", ProtectedTable.WholeTableHiddenNotice);
    }

    private static (long, long) MinMax(ProtectedTable result, CellRef cell)
    {
        var interval = result.Audit.IntervalOf(cell);
        return (interval.Min, interval.Max);
    }

    private static string SmallestSibling(CountTable table, params string[] departements)
    {
        var h = table.Hierarchy;
        var region = h.Regions.Single(r => r.Code == h.RegionOf(departements[0]));
        return region.Departements
            .Where(d => !departements.Contains(d))
            .OrderBy(d => table.ValueOf(Departement(d)))
            .ThenBy(d => d, StringComparer.Ordinal)
            .First();
    }

    private static SuppressionPattern PrimariesOnly(CountTable table) =>
        new(table.Hierarchy,
            table.Regions.ToDictionary(kv => kv.Key, kv => P.IsPrimary(kv.Value) ? SuppressionStatus.Primary : SuppressionStatus.Published),
            table.Departements.ToDictionary(kv => kv.Key, kv => P.IsPrimary(kv.Value) ? SuppressionStatus.Primary : SuppressionStatus.Published));
}
