using System.Diagnostics;
using Reporting.Estimation;
using Xunit.Abstractions;

namespace Reporting.Tests.Estimation;

/// <summary>Frequentist check of the default interval on simulated populations.</summary>
public sealed class CoverageTests(ITestOutputHelper output)
{
    private const int Population = 2000;
    private const int Simulations = 400;
    private static readonly double[] DetectionProbabilities = [0.3, 0.2, 0.15];

    [Fact]
    public void Profile_interval_covers_the_true_total_at_about_95_percent()
    {
        var random = new Random(2024);
        var clock = Stopwatch.StartNew();
        int covered = 0;
        for (int s = 0; s < Simulations; s++)
        {
            var outcome = MseEstimator.Estimate(Simulate(random), ModelSpec.Independence);
            var ci = Assert.IsType<MseEstimate>(outcome).Interval;
            covered += ci.Lower <= Population && Population <= ci.Upper ? 1 : 0;
        }

        double coverage = covered / (double)Simulations;
        output.WriteLine($"Coverage of the 95 % multinomial profile interval: {covered}/{Simulations} = {coverage:P1} "
            + $"(N = {Population}, independent lists p = 0.3/0.2/0.15, seed 2024), {clock.ElapsedMilliseconds} ms");

        Assert.True(coverage >= 0.90, $"coverage {coverage:P1}");
        Assert.True(coverage <= 0.99, $"coverage {coverage:P1}: intervals too wide");
    }

    /// <summary>Each of the N individuals is on each list independently with its probability.</summary>
    private static ListTable Simulate(Random random)
    {
        var counts = new long[1 << DetectionProbabilities.Length];
        for (int i = 0; i < Population; i++)
        {
            int pattern = 0;
            for (int list = 0; list < DetectionProbabilities.Length; list++)
            {
                pattern |= random.NextDouble() < DetectionProbabilities[list] ? 1 << list : 0;
            }

            counts[pattern]++;
        }

        counts[0] = 0; // the unseen are not in the data
        return ListTable.Create(["L1", "L2", "L3"], counts);
    }
}
