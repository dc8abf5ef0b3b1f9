using Reporting.Disclosure;
using Reporting.Indicators;
using Reporting.Reference;
using static Reporting.Disclosure.CellRef;

namespace Reporting.Tests.Disclosure;

/// <summary>Counts that add up to another (PartOf) are protected and attacked together.</summary>
public sealed class LinkedTablesTests
{
    private static readonly DisclosureParameters P = DisclosureParameters.Default;

    /// <summary>
    /// Small hierarchy: firm prison 30 everywhere but A1 = 3; other sentences 30 everywhere; the convicted their sum
    /// (33 in A1). Alone, firm prison hides A1 (primary) and A2 (the cheapest sibling), the two others hide nothing.
    /// </summary>
    private static CountTable[] Group()
    {
        var h = Hierarchies.Small;
        var firm = CountTable.FromDepartements(h, h.DepartementCodes.ToDictionary(d => d, d => d == "A1" ? 3L : 30L, StringComparer.Ordinal));
        var other = CountTable.FromDepartements(h, h.DepartementCodes.ToDictionary(d => d, _ => 30L, StringComparer.Ordinal));
        var convicted = CountTable.FromDepartements(h, h.DepartementCodes.ToDictionary(d => d, d => firm.ValueOf(Departement(d)) + 30L, StringComparer.Ordinal));
        return [convicted, firm, other];
    }

    private static readonly Partition[] Parts = [new(0, [1, 2])];

    [Fact]
    public void TheWholeAndEveryPartButOne_GiveTheLastOne_CaughtByTheJointAudit()
    {
        var tables = Group();
        var alone = tables.Select(t => Suppression.Protect(t, P).Pattern).ToArray();
        Assert.All(tables.Select((t, k) => Audit.Attack(t, alone[k], P)), a => Assert.True(a.Passed));
        Assert.Equal([Departement("A1"), Departement("A2")], alone[1].HiddenCells);

        var joint = JointAudit.Attack(tables, alone, Parts, P);

        // 33 convicted in A1, 30 with another sentence: 3 to firm prison.
        Assert.False(joint.Passed);
        var firmA1 = joint.Tables[1].IntervalOf(Departement("A1"));
        Assert.Equal((3L, 3L), (firmA1.Min, firmA1.Max));
    }

    [Fact]
    public void TheProtection_HidesAPairOfTheOtherPart()
    {
        var tables = Group();
        var members = tables.Select(t => new LinkedMember(t, Suppression.Protect(t, P).Pattern)).ToArray();

        var (patterns, _) = LinkedProtection.Protect(members, Parts, P);

        var audit = JointAudit.Attack(tables, patterns, Parts, P);
        Assert.True(audit.Passed, audit.ToString());

        // No single cell helps (hidden alone, A1's other sentences are their region's sum minus the rest); the cheapest
        // pair is theirs in A1 and A2 (30 each, cost 13 + 13, against 33 and 60 convicted, 14 + 14).
        Assert.Empty(patterns[0].HiddenCells);
        Assert.Equal([Departement("A1"), Departement("A2")], patterns[1].HiddenCells);
        Assert.Equal([Departement("A1"), Departement("A2")], patterns[2].HiddenCells);

        // Firm prison in A1: A1 + A2 = 33 by the region, 33 − other(A1) by the partition, other(A1) ∈ [23, 32].
        var firmA1 = audit.Tables[1].IntervalOf(Departement("A1"));
        Assert.Equal((1L, 10L), (firmA1.Min, firmA1.Max));
    }

    [Fact]
    public void JointBounds_AgreeWithTheExactRationalSimplex()
    {
        // The partition's bounds (maximum flows) against the engine's exact rational simplex on one system.
        var tables = Group();
        var members = tables.Select(t => new LinkedMember(t, Suppression.Protect(t, P).Pattern)).ToArray();
        var (patterns, _) = LinkedProtection.Protect(members, Parts, P);
        var audit = JointAudit.Attack(tables, patterns, Parts, P);
        var h = Hierarchies.Small;
        var boxes = tables.Select((t, k) => IntruderModel.Boxes(t, patterns[k], P)).ToArray();
        var exact = JointBoundsTests.Exact(tables, [.. boxes.Select(b => b.Lo)], [.. boxes.Select(b => b.Hi)], Parts);
        foreach (var ((k, i), (min, max)) in exact)
        {
            if (patterns[k].Statuses[i] == SuppressionStatus.Published)
            {
                continue;
            }

            var interval = audit.Tables[k].IntervalOf(h.CellAt(i));
            if (interval.RequiredWidth == 0 || interval.Max - interval.Min < interval.RequiredWidth)
            {
                continue;
            }

            // Cells settled without a maximum flow report the span of known solutions: inside the exact interval.
            Assert.InRange(interval.Min, min, interval.Max);
            Assert.InRange(interval.Max, interval.Min, max);
        }

        Assert.Equal((1L, 10L), exact[(1, h.CellIndex(Departement("A1")))]);
    }

    [Fact]
    public void PartsThatDoNotAddUp_AreRefused()
    {
        var tables = Group();
        Assert.Throws<ArgumentException>(() => JointAudit.Attack([tables[0], tables[1], tables[1]], [.. tables.Select(t => SuppressionPattern.AllPublished(t.Hierarchy))], Parts, P));
    }

    [Fact]
    public void ThroughTheCatalogue_PartOfLinksTheTablesOfTheRun()
    {
        // The real geography and a test catalogue: a whole and two parts; firm prison 3 in Ain (01), 30 elsewhere.
        var geography = Geography.Default;
        var catalogue = IndicatorCatalogue.Shipped.With(
            new IndicatorDefinition("test_condamnes", IndicatorKind.Count, "Condamnés", "personnes", "Test.") { Protected = true },
            new IndicatorDefinition("test_ferme", IndicatorKind.Count, "Prison ferme", "personnes", "Test.") { Protected = true, PartOf = "test_condamnes" },
            new IndicatorDefinition("test_autre", IndicatorKind.Count, "Autre peine", "personnes", "Test.") { Protected = true, PartOf = "test_condamnes" });
        var firm = geography.Departements.ToDictionary(d => d.Code, d => d.Code == "01" ? 3L : 30L, StringComparer.Ordinal);
        var other = geography.Departements.ToDictionary(d => d.Code, _ => 30L, StringComparer.Ordinal);
        var set = new IndicatorSet(
            [.. Cells("test_ferme", firm, geography), .. Cells("test_autre", other, geography),
             .. Cells("test_condamnes", geography.Departements.ToDictionary(d => d.Code, d => firm[d.Code] + other[d.Code], StringComparer.Ordinal), geography)],
            [2025],
            []);

        var result = DisclosureControl.Apply(set, geography, P, catalogue);

        string? Rule(string indicator, string departement) => result.Indicators.Get(indicator, 2025, Level.Departement, departement, "ESM", "justice").SuppressionRule;
        Assert.Equal(DisclosureControl.PrimaryRule, Rule("test_ferme", "01"));

        // Ain's region (84) lists 01, 03, 07…: the cheapest sibling is 03 in both parts; the convicted stay published.
        Assert.Equal(DisclosureControl.SecondaryRule, Rule("test_ferme", "03"));
        Assert.Equal(DisclosureControl.SecondaryRule, Rule("test_autre", "01"));
        Assert.Equal(DisclosureControl.SecondaryRule, Rule("test_autre", "03"));
        Assert.Null(Rule("test_condamnes", "01"));
        Assert.Equal(4, result.Indicators.Cells.Count(c => c.SuppressionRule is not null));
    }

    internal static IEnumerable<Cell> Cells(string indicator, IReadOnlyDictionary<string, long> departements, Geography geography)
    {
        Cell Count(Level level, string territory, long value) =>
            new(new CellKey(indicator, 2025, level, territory, "ESM", "justice"), value, CellStatus.Published, []);
        yield return Count(Level.France, "FR", departements.Values.Sum());
        foreach (var region in geography.Regions)
        {
            yield return Count(Level.Region, region.Code, region.Departements.Sum(d => departements[d]));
        }

        foreach (var (code, value) in departements)
        {
            yield return Count(Level.Departement, code, value);
        }
    }
}
