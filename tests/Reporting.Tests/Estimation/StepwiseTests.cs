using Reporting.Estimation;
using Xunit.Abstractions;

namespace Reporting.Tests.Estimation;

/// <summary>The SparseMSE stepwise rule on the published data sets.</summary>
public sealed class StepwiseTests(ITestOutputHelper output)
{
    [Fact]
    public void Uk_five_lists_selects_the_published_terms_in_the_published_order()
    {
        var e = TestData.Estimate("ukdat_5.csv", ModelSpec.Stepwise);

        Assert.Equal(new[] { "LA:NG", "NG:GP", "PFNCA:GP", "LA:PFNCA", "GO:GP", "NG:GO" }, e.InteractionNames);
        Assert.Equal(11312.99, e.Total, 0.01);
        Assert.All(e.StepwiseSteps, s => Assert.True(s.PValue < 0.02));
    }

    [Fact]
    public void New_Orleans_selects_D_E()
    {
        var e = TestData.Estimate("neworl.csv", ModelSpec.Stepwise);

        Assert.Equal(new[] { "D:E" }, e.InteractionNames);
        Assert.Equal(1184, Math.Round(e.Total));
    }

    [Fact]
    public void Western_selects_A_E()
    {
        var e = TestData.Estimate("western.csv", ModelSpec.Stepwise);

        Assert.Equal(new[] { "A:E" }, e.InteractionNames);
        Assert.Equal(2483, Math.Round(e.Total));
    }

    [Fact]
    public void Uk_six_lists_lies_in_the_Home_Office_range()
    {
        var e = TestData.Estimate("ukdat.csv", ModelSpec.Stepwise);
        output.WriteLine($"ukdat (6 lists) stepwise: N = {e.Total:F2}, terms {string.Join(", ", e.InteractionNames)}");

        Assert.InRange(e.Total, 10000, 13000);
    }

    [Fact]
    public void A_threshold_of_zero_keeps_main_effects()
    {
        var e = TestData.Estimate("ukdat_5.csv", ModelSpec.Stepwise, new MseOptions { StepwiseThreshold = 0 });

        Assert.Empty(e.InteractionNames);
        Assert.Equal(13444.13, e.Total, 0.01);
    }

    [Theory]
    [InlineData(3, 3.0, 0.5768099189)]
    [InlineData(0, 5.0, 0.006737947)]
    [InlineData(10, 2.0, 4.6498075e-05)]
    public void Overlap_p_value_is_the_smaller_poisson_tail(long observed, double expected, double p)
    {
        // Reference values summed from the Poisson probabilities, e.g. P(X ≤ 0) = exp(−5) for λ = 5.
        double actual = StepwiseSelection.OverlapPValue(observed, expected);
        Assert.Equal(p, actual, p * 1e-5);
    }
}
