using Reporting.Disclosure;
using Reporting.Tests.Support;
using static Reporting.Disclosure.CellRef;

namespace Reporting.Tests.Disclosure;

/// <summary>Secondary suppression at the least information loss: never worse than the heuristic, regions spared.</summary>
public sealed class OptimalSuppressionTests
{
    private static readonly DisclosureParameters P = DisclosureParameters.Default;

    [Fact]
    public void TwoLoneSmallDepartements_HideASiblingEach_NotTheirRegions()
    {
        // Hautes-Alpes (PACA) and Orne (Normandie) small, everything else large. The greedy search links them through
        // France by hiding both regions (one move protects both); a small sibling each costs far less.
        var h = Hierarchies.France;
        var table = Tables.LargeWith(h, ("05", 5), ("61", 5));
        var heuristic = Suppression.Protect(table, P, SuppressionMethod.Heuristic);
        Assert.Equal(SuppressionStatus.Secondary, heuristic.StatusOf(Region("93")));
        Assert.Equal(SuppressionStatus.Secondary, heuristic.StatusOf(Region("28")));

        var result = Suppression.Protect(table, P);

        Checks.Protects(result);
        Assert.All(h.Regions, r => Assert.Equal(SuppressionStatus.Published, result.StatusOf(Region(r.Code))));
        var secondary = result.Pattern.HiddenCells.Where(c => result.StatusOf(c) == SuppressionStatus.Secondary).ToArray();
        Assert.Equal(["93", "28"], secondary.Select(c => h.RegionOf(c.Code)).Order().Reverse());
        var expected = InformationLoss.CostOf(CellLevel.Departement, CheapestSibling(table, "05")) + InformationLoss.CostOf(CellLevel.Departement, CheapestSibling(table, "61"));
        Assert.Equal(expected, InformationLoss.Of(table, result.Pattern, P));
        Assert.True(InformationLoss.Of(table, result.Pattern, P) < InformationLoss.Of(table, heuristic.Pattern, P));
    }

    [Fact]
    public void FewestCells_OneComplementPerLoneSmallCount()
    {
        // One small département: hidden alone it is its region less its published siblings, so one more cell is needed
        // and one sibling is enough. Two small départements in two regions: one more each, whatever the cells.
        var h = Hierarchies.France;
        var one = Tables.LargeWith(h, ("05", 5));
        var two = Tables.LargeWith(h, ("05", 5), ("61", 5));

        Assert.Equal(1, OptimalSuppression.FewestSecondaryCells(one, P, Suppression.Protect(one, P, SuppressionMethod.Heuristic).Pattern));
        Assert.Equal(2, OptimalSuppression.FewestSecondaryCells(two, P, Suppression.Protect(two, P, SuppressionMethod.Heuristic).Pattern));
    }

    [Fact]
    public void Loss_IsCountedByHand()
    {
        // 8 per cell plus the bit length of count + 1, times 4 for a region: 86 has 7 bits, 13 has 4, 1 has 1, 1001 has 10.
        Assert.Equal(60, InformationLoss.CostOf(CellLevel.Region, 85));
        Assert.Equal(12, InformationLoss.CostOf(CellLevel.Departement, 12));
        Assert.Equal(9, InformationLoss.CostOf(CellLevel.Departement, 0));
        Assert.Equal(18, InformationLoss.CostOf(CellLevel.Departement, 1000));
        var h = Hierarchies.Small;
        var table = Tables.LargeWith(h, ("A1", 3));
        var pattern = SuppressionPattern.AllPublished(h).With(Departement("A1"), SuppressionStatus.Primary);
        Assert.Equal(0, InformationLoss.Of(table, pattern, P));
        var withRegion = pattern.With(Region("B"), SuppressionStatus.Secondary);
        Assert.Equal(InformationLoss.CostOf(CellLevel.Region, table.ValueOf(Region("B"))), InformationLoss.Of(table, withRegion, P));
    }

    [Theory]
    [InlineData(11, 3)]
    [InlineData(5, 2)]
    [InlineData(11, 6)]
    public void RandomTables_NeverWorseThanTheHeuristic_AndDeterministic(int threshold, int range)
    {
        var p = new DisclosureParameters(threshold, range);
        var improved = 0;
        for (var seed = 0; seed < 60; seed++)
        {
            var table = Tables.Random(Hierarchies.France, seed);
            var heuristic = Suppression.Protect(table, p, SuppressionMethod.Heuristic);
            var optimal = Suppression.Protect(table, p);

            Assert.True(optimal.Audit.Passed, optimal.Audit.ToString());
            Assert.Equal(heuristic.WholeTableHidden, optimal.WholeTableHidden);
            var (newLoss, oldLoss) = (InformationLoss.Of(table, optimal.Pattern, p), InformationLoss.Of(table, heuristic.Pattern, p));
            Assert.True(newLoss <= oldLoss, $"seed {seed}: {newLoss} > {oldLoss}");
            improved += newLoss < oldLoss ? 1 : 0;
            Assert.True(optimal.Pattern.SameAs(Suppression.Protect(table, p).Pattern), $"seed {seed}: not deterministic");
            if (seed % 10 == 0)
            {
                Checks.Protects(optimal);
            }
        }

        Assert.True(improved > 0);
    }

    [Fact]
    public void Samples_EveryTableAtMostTheHeuristicsLoss_RegionsOfTheRegionalTablePublished()
    {
        var edition = SampleRun.Edition;
        var tables = DisclosureControl.CountTables(edition.Indicators, edition.Geography, edition.Catalogue).ToArray();
        long oldLoss = 0, newLoss = 0;
        foreach (var (key, table) in tables)
        {
            var heuristic = Suppression.Protect(table, P, SuppressionMethod.Heuristic);
            var optimal = Suppression.Protect(table, P);
            var (o, n) = (InformationLoss.Of(table, heuristic.Pattern, P), InformationLoss.Of(table, optimal.Pattern, P));
            Assert.True(n <= o, $"{key}: {n} > {o}");
            (oldLoss, newLoss) = (oldLoss + o, newLoss + n);
        }

        Assert.True(newLoss < oldLoss);

        // The report's regional table: Normandie and Provence-Alpes-Côte d'Azur were hidden to protect one small
        // département each; a small sibling each protects them now.
        var regional = tables.Single(t => t.France is { Indicator: "victimes_mineurs", Source: "toutes", Category: "ESM", Year: SampleRun.Year });
        var result = Suppression.Protect(regional.Table, P);
        Assert.Equal(SuppressionStatus.Published, result.StatusOf(Region("28")));
        Assert.Equal(SuppressionStatus.Published, result.StatusOf(Region("93")));
        Assert.All(edition.Protection, t => Assert.True(t.AuditPassed));
    }

    private static long CheapestSibling(CountTable table, string departement)
    {
        var h = table.Hierarchy;
        var region = h.Regions.Single(r => r.Code == h.RegionOf(departement));
        return region.Departements.Where(d => d != departement).Min(d => table.ValueOf(Departement(d)));
    }
}
