using Reporting.Disclosure;

namespace Reporting.Tests.Disclosure;

public sealed class GeographyTests
{
    /// <summary>The hierarchy written out in the tests is exactly the one the engine ships (Reference/Data/geo.csv).</summary>
    [Fact]
    public void RealHierarchy_MatchesTheShippedGeography()
    {
        var shipped = new Hierarchy(Reporting.Reference.Geography.Default.Regions.Select(r => new Region(r.Code, r.Departements)));

        Assert.Equal(shipped.Regions.ToArray(), Hierarchies.France.Regions.ToArray());
        Assert.Equal(18, Hierarchies.France.Regions.Count);
        Assert.Equal(101, Hierarchies.France.DepartementCodes.Count);
        Assert.Equal(5, Hierarchies.France.Regions.Count(r => r.Departements.Count == 1));
        Assert.Equal(["2A", "2B"], Hierarchies.France.Regions.Single(r => r.Code == "94").Departements);
    }
}
