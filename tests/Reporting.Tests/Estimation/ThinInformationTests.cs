using Reporting.Estimation;
using Reporting.Indicators;
using Reporting.Tests.Support;

namespace Reporting.Tests.Estimation;

/// <summary>An estimate whose precision rests on too few persons known to several sources is computed, not published.</summary>
public sealed class ThinInformationTests
{
    [Fact]
    public void Fewer_than_twenty_persons_known_to_two_sources_or_more_leave_the_estimate_unpublished_with_its_reason()
    {
        var estimates = SampleRun.Edition.Estimates;

        foreach (var e in estimates.Where(e => e.Computed is not null && e.Overlap.CountByPattern.Values.Sum() > 0))
        {
            var recaptured = e.Overlap.SeenBy(2) + e.Overlap.SeenBy(3);
            if (recaptured < OverlapEstimation.MinimumRecaptured)
            {
                Assert.Null(e.Estimate);

                // Nobody known to all three sources is the reason given first, when it applies too.
                Assert.Contains(e.Overlap.SeenBy(3) == 0 ? "aucun mineur n'est connu des trois sources" : "trop peu de mineurs sont connus de plusieurs sources", e.NotEstimatedReason, StringComparison.Ordinal);
                var cell = SampleRun.Edition.Indicators.Get(IndicatorCodes.Estimate, e.Year, Level.France, "FR", e.Category, "toutes");
                Assert.Equal(CellStatus.NotAvailable, cell.Status);
            }
        }

        // The samples hold such years: traffic in 2022 (10 persons known to two sources) and 2023 (13).
        var traffic2022 = estimates.Single(e => e.Year == 2022 && e.Category == "ESM-TEH");
        Assert.Equal(10, traffic2022.Overlap.SeenBy(2) + traffic2022.Overlap.SeenBy(3));
        Assert.NotNull(traffic2022.Computed);
        Assert.Null(traffic2022.Estimate);
    }
}
