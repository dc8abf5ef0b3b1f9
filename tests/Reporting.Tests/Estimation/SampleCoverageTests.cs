using Reporting.Estimation;
using Reporting.Samples;
using Xunit.Abstractions;

namespace Reporting.Tests.Estimation;

/// <summary>
/// The run's estimator (stepwise model, profile interval) on populations simulated exactly as the samples generator
/// simulates them, whose true total is known: the 95 % interval must cover it in at least 90 % of them.
/// </summary>
public sealed class SampleCoverageTests(ITestOutputHelper output)
{
    private const int Populations = 300;

    [Fact]
    public void The_interval_covers_the_true_total_of_the_generators_populations()
    {
        var rng = new Random(20260415);
        var covered = 0;
        var refused = 0;
        const int year = 2025;
        var truth = SampleDetection.Victims(year);
        for (var k = 0; k < Populations; k++)
        {
            var counts = new long[8];
            for (var v = 0; v < truth; v++)
            {
                var police = rng.NextDouble() < SampleDetection.Police(year) && rng.NextDouble() < SampleDetection.PoliceRecordable;
                var ase = rng.NextDouble() < SampleDetection.Ase;
                var sante = rng.NextDouble() < SampleDetection.Sante;
                counts[(police ? 1 : 0) | (ase ? 2 : 0) | (sante ? 4 : 0)]++;
            }

            counts[0] = 0; // the unseen: what the estimator must find
            var outcome = MseEstimator.Estimate(ListTable.Create(["police", "ase", "sante"], counts), ModelSpec.Stepwise);
            if (outcome is MseEstimate e)
            {
                covered += e.Interval.Lower <= truth && truth <= e.Interval.Upper ? 1 : 0;
            }
            else
            {
                refused++;
            }
        }

        var coverage = covered / (double)Populations;
        output.WriteLine($"coverage {covered}/{Populations} = {coverage:P1}, refused {refused}");
        Assert.True(coverage >= 0.90, $"coverage {coverage:P1}");
    }
}
