using Reporting.Disclosure;
using static Reporting.Disclosure.CellRef;

namespace Reporting.Tests.Disclosure;

/// <summary>The counts a published share implies (its part and its complement) are protected over the hierarchy like counts.</summary>
public sealed class ImpliedCountsTests
{
    private static readonly DisclosureParameters P = DisclosureParameters.Default;

    /// <summary>
    /// Region A of the small hierarchy: girls 30, 30, 30; boys 30, 2, 40 (A1, A2, A3); every other département 30 and 30.
    /// A2's share reveals 2 boys: hidden. Published alone beside region A's share and A1's and A3's, it would give the 2
    /// boys back by difference (boys of A − A1 − A3): a second share must go, A1's, the cheaper (30 boys cost 13, 40 cost 14).
    /// </summary>
    private static (CountTable Girls, CountTable Boys) OneBoyByDifference()
    {
        var h = Hierarchies.Small;
        var girls = h.DepartementCodes.ToDictionary(d => d, _ => 30L, StringComparer.Ordinal);
        var boys = h.DepartementCodes.ToDictionary(d => d, d => d switch { "A2" => 2L, "A3" => 40L, _ => 30L }, StringComparer.Ordinal);
        return (CountTable.FromDepartements(h, girls), CountTable.FromDepartements(h, boys));
    }

    [Fact]
    public void AShareThatWouldRevealBoysByDifference_IsHiddenWithTheCheapestSibling()
    {
        var (girls, boys) = OneBoyByDifference();

        var result = ImpliedCounts.Protect(girls, boys, new HashSet<CellRef>(), P);

        Assert.True(result.Audit.Passed, result.Audit.ToString());
        Assert.False(result.WholeTableHidden);
        Assert.Equal([Departement("A1"), Departement("A2")], Hierarchies.Small.Cells().Where(c => !result.IsPublished(c)));
        var boysOfA2 = result.Audit.Tables[1].IntervalOf(Departement("A2"));

        // Region A has 72 boys and A3's 40 are published, so A1 + A2 = 32 with A2 ∈ [1, 10] and A1 ≥ 1: A2 ∈ [1, 10].
        Assert.Equal((1L, 10L), (boysOfA2.Min, boysOfA2.Max));
    }

    [Fact]
    public void ADeliberatelyWeakenedPatternOnAnImpliedTable_IsCaughtByTheAudit()
    {
        var (girls, boys) = OneBoyByDifference();
        var result = ImpliedCounts.Protect(girls, boys, new HashSet<CellRef>(), P);

        // Publish A1's share again: its girls and boys become known, and A2's boys are 72 − 30 − 40 = 2.
        var weakened = ImpliedCounts.Attack(
            girls, boys, result.Part.With(Departement("A1"), SuppressionStatus.Published), result.Complement.With(Departement("A1"), SuppressionStatus.Published), P);

        Assert.False(weakened.Passed);
        Assert.Contains(weakened.Tables[1].Failures, f => f.Kind == AuditFailureKind.Disclosed && f.Cell == Departement("A2"));
    }

    [Fact]
    public void HidingOneSideOnly_IsCaught()
    {
        var (girls, boys) = OneBoyByDifference();
        var result = ImpliedCounts.Protect(girls, boys, new HashSet<CellRef>(), P);

        var audit = ImpliedCounts.Attack(girls, boys, result.Part.With(Departement("A1"), SuppressionStatus.Published), result.Complement, P);

        Assert.Contains(audit.Tables[0].Failures, f => f.Kind == AuditFailureKind.StatusInconsistent && f.Cell == Departement("A1"));
    }

    [Fact]
    public void AShareHiddenForAnotherReason_IsHiddenInBothTablesAndRequiresNothing()
    {
        // The count behind A3's share is hidden (forced): A3's share goes with it, its 40 boys a derived cell.
        var (girls, boys) = OneBoyByDifference();

        var result = ImpliedCounts.Protect(girls, boys, new HashSet<CellRef> { Departement("A3") }, P);

        Assert.True(result.Audit.Passed, result.Audit.ToString());
        Assert.Equal(SuppressionStatus.Derived, result.Complement.StatusOf(Departement("A3")));
        Assert.Equal(SuppressionStatus.Derived, result.Part.StatusOf(Departement("A3")));
        Assert.False(result.IsPublished(Departement("A2")));
        Assert.Equal(0, result.Audit.Tables[1].IntervalOf(Departement("A3")).RequiredWidth);
    }

    [Fact]
    public void AWholeThatIsAPublishedCount_IsAttackedWithItsParts()
    {
        // Sex known for everyone: girls + boys = the published count. A2's share hidden and A1's hidden too.
        var (girls, boys) = OneBoyByDifference();
        var h = Hierarchies.Small;
        var whole = Tables.Sum(girls, boys);
        var wholePattern = Suppression.Protect(whole, P).Pattern;
        Assert.Empty(wholePattern.HiddenCells);

        var result = ImpliedCounts.Protect(girls, boys, new HashSet<CellRef>(), P, (whole, wholePattern));

        Assert.True(result.Audit.Passed, result.Audit.ToString());
        Assert.Equal(3, result.Audit.Tables.Count);
        Assert.Equal([Departement("A1"), Departement("A2")], h.Cells().Where(c => !result.IsPublished(c)));

        // With A1's share published, A2's boys are found by difference again (72 − 30 − 40): caught.
        var weakened = ImpliedCounts.Attack(
            girls, boys, result.Part.With(Departement("A1"), SuppressionStatus.Published), result.Complement.With(Departement("A1"), SuppressionStatus.Published), P, (whole, wholePattern));
        Assert.False(weakened.Passed);
    }
}
