using Reporting.Estimation;

namespace Reporting.Tests.Estimation;

/// <summary>The figures of spec/mse/README.md, reproduced from the published data.</summary>
public sealed class PublishedFiguresTests
{
    [Fact]
    public void Seber_two_lists_Mt_is_Lincoln_Petersen()
    {
        var e = TestData.Estimate("seber_2list.csv", ModelSpec.Independence);

        Assert.Equal(2389.9, e.Total, 0.1);
        Assert.Equal(130.4, e.StandardError, 0.1);
        Assert.Equal(0, e.DegreesOfFreedom);
    }

    [Fact]
    public void Cormack_Mt_matches_deviance_and_multinomial_profile_interval()
    {
        var e = TestData.Estimate("cormack2000_3.csv", ModelSpec.Independence);

        Assert.Equal(209, Math.Round(e.Total));
        Assert.Equal(75.1, e.Deviance, 0.05);
        Assert.Equal(3, e.DegreesOfFreedom);
        Assert.Equal(IntervalMethod.MultinomialProfile, e.Interval.Method);
        Assert.Equal(203, e.Interval.Lower, 1.0);
        Assert.Equal(217, e.Interval.Upper, 1.0);
        Assert.Equal(203, Math.Round(e.Interval.Lower));
        Assert.Equal(217, Math.Round(e.Interval.Upper));
    }

    [Fact]
    public void Hiv_Mt_plus_12_matches_estimate_se_and_profile_interval()
    {
        var e = TestData.Estimate("hiv.csv", TestData.Terms("hiv.csv", "[1,2]"));

        Assert.Equal(12318.47, e.Total, 0.01);
        Assert.Equal(1188.72, e.StandardError, 0.01);
        Assert.Equal(10266, e.Interval.Lower, 1.0);
        Assert.Equal(14992, e.Interval.Upper, 1.0);
    }

    [Fact]
    public void Uk_five_lists_main_effects_matches_estimate()
    {
        var e = TestData.Estimate("ukdat_5.csv", ModelSpec.Independence);

        Assert.Equal(2744, e.Observed);
        Assert.Equal(13444.13, e.Total, 0.01);
    }

    [Fact]
    public void Uk_five_lists_main_effects_interval_is_the_poisson_intercept_profile()
    {
        var e = TestData.Estimate("ukdat_5.csv", ModelSpec.Independence, new MseOptions { IntervalMethod = IntervalMethod.PoissonProfile });

        Assert.Equal(12004.0, e.Interval.Lower, 0.5);
        Assert.Equal(15160.3, e.Interval.Upper, 0.5);
    }

    [Fact]
    public void New_Orleans_main_effects_matches_estimate_and_sparsemse_interval()
    {
        var e = TestData.Estimate("neworl.csv", ModelSpec.Independence, new MseOptions { IntervalMethod = IntervalMethod.LogNormal });

        Assert.Equal(185, e.Observed);
        Assert.Equal(997, Math.Round(e.Total));
        Assert.Equal(644, e.Interval.Lower, 1.0);
        Assert.Equal(1618, e.Interval.Upper, 1.0);
    }

    [Fact]
    public void Interval_methods_bracket_the_estimate_on_every_dataset()
    {
        foreach (var file in new[] { "seber_2list.csv", "cormack2000_3.csv", "ukdat_5.csv", "neworl.csv", "western.csv", "ukdat.csv" })
        {
            foreach (var method in new[] { IntervalMethod.MultinomialProfile, IntervalMethod.PoissonProfile, IntervalMethod.LogNormal })
            {
                var e = TestData.Estimate(file, ModelSpec.Independence, new MseOptions { IntervalMethod = method });
                Assert.InRange(e.Total, e.Interval.Lower, e.Interval.Upper);
                Assert.True(e.Interval.Lower >= e.Observed, $"{file} {method}");
            }
        }
    }
}
