using Reporting.Disclosure;
using static Reporting.Disclosure.CellRef;

namespace Reporting.Tests.Disclosure;

/// <summary>Malformed inputs are bugs upstream: they throw, they are never "protected".</summary>
public sealed class ValidationTests
{
    private static readonly Hierarchy H = Hierarchies.Small;

    [Fact]
    public void NonAdditiveTables_Throw()
    {
        var deps = H.DepartementCodes.ToDictionary(d => d, _ => 5L);
        var regions = H.Regions.ToDictionary(r => r.Code, r => 5L * r.Departements.Count);
        var france = regions.Values.Sum();

        _ = new CountTable(H, france, regions, deps);
        Assert.Throws<ArgumentException>(() => new CountTable(H, france + 1, regions, deps));
        Assert.Throws<ArgumentException>(() => new CountTable(H, france, new Dictionary<string, long>(regions) { ["A"] = 16 }, deps));
    }

    [Fact]
    public void NegativeMissingOrUnknownCounts_Throw()
    {
        Assert.Throws<ArgumentException>(() => CountTable.FromDepartements(H, new Dictionary<string, long> { ["A1"] = -1 }));
        Assert.Throws<ArgumentException>(() => CountTable.FromDepartements(H, new Dictionary<string, long> { ["ZZ"] = 1 }));
        var deps = H.DepartementCodes.Skip(1).ToDictionary(d => d, _ => 0L);
        var regions = H.Regions.ToDictionary(r => r.Code, _ => 0L);
        Assert.Throws<ArgumentException>(() => new CountTable(H, 0, regions, deps));
    }

    [Fact]
    public void MalformedHierarchies_Throw()
    {
        Assert.Throws<ArgumentException>(() => new Hierarchy([new("A", ["A1"])]));
        Assert.Throws<ArgumentException>(() => new Hierarchy([new("A", ["A1"]), new("A", ["A2"])]));
        Assert.Throws<ArgumentException>(() => new Hierarchy([new("A", ["A1"]), new("B", ["A1"])]));
        Assert.Throws<ArgumentException>(() => new Region("A", []));
    }

    [Fact]
    public void RegionAndDepartementCodesMayCollide()
    {
        // Region 01 (Guadeloupe) and département 01 (Ain) are different cells.
        var h = Hierarchies.France;
        var table = Tables.LargeWith(h, ("971", 3));
        var result = Suppression.Protect(table, DisclosureParameters.Default);

        Assert.Equal(SuppressionStatus.Primary, result.StatusOf(Region("01")));
        Assert.Equal(SuppressionStatus.Published, result.StatusOf(Departement("01")));
    }

    [Fact]
    public void WholeTableStatus_IsAllOrNothing()
    {
        Assert.Throws<ArgumentException>(() =>
            SuppressionPattern.AllPublished(H).With(Departement("A1"), SuppressionStatus.WholeTableHidden));
        Assert.Throws<ArgumentException>(() =>
            SuppressionPattern.WholeTable(H).With(Departement("A1"), SuppressionStatus.Published));
    }

    [Fact]
    public void Parameters_AreValidated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisclosureParameters(threshold: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisclosureParameters(protectionRange: 0));
        Assert.Equal(11, DisclosureParameters.Default.Threshold);
        Assert.Equal(3, DisclosureParameters.Default.ProtectionRange);
        Assert.True(DisclosureParameters.Default.IsPrimary(10));
        Assert.False(DisclosureParameters.Default.IsPrimary(11));
        Assert.False(DisclosureParameters.Default.IsPrimary(0));
    }

    [Fact]
    public void PatternOfAnotherHierarchy_Throws()
    {
        var table = Tables.Only(H, ("A1", 4));
        Assert.Throws<ArgumentException>(() =>
            Audit.Attack(table, SuppressionPattern.AllPublished(Hierarchies.France), DisclosureParameters.Default));
    }
}
