using Reporting.Estimation;
using Xunit.Abstractions;

namespace Reporting.Tests.Estimation;

public sealed class BootstrapTests(ITestOutputHelper output)
{
    [Fact]
    public void Same_seed_gives_the_same_interval_and_draws()
    {
        var options = new MseOptions { Bootstrap = new BootstrapOptions(Replicates: 200, Seed: 7) };

        var first = TestData.Estimate("western.csv", ModelSpec.Stepwise, options).Bootstrap!;
        var second = TestData.Estimate("western.csv", ModelSpec.Stepwise, options).Bootstrap!;

        Assert.Equal(first.Interval, second.Interval);
        Assert.Equal(first.Estimates.ToArray(), second.Estimates.ToArray());
    }

    [Fact]
    public void Parametric_scheme_is_deterministic_too_and_another_seed_differs()
    {
        var seven = new MseOptions { Bootstrap = new BootstrapOptions(200, 7, BootstrapScheme.Parametric) };
        var eight = seven with { Bootstrap = seven.Bootstrap! with { Seed = 8 } };

        var a = TestData.Estimate("western.csv", ModelSpec.Stepwise, seven).Bootstrap!;
        var b = TestData.Estimate("western.csv", ModelSpec.Stepwise, seven).Bootstrap!;
        var c = TestData.Estimate("western.csv", ModelSpec.Stepwise, eight).Bootstrap!;

        Assert.Equal(a.Estimates.ToArray(), b.Estimates.ToArray());
        Assert.NotEqual(a.Estimates.ToArray(), c.Estimates.ToArray());
    }

    [Theory]
    [InlineData(BootstrapScheme.Multinomial)]
    [InlineData(BootstrapScheme.Parametric)]
    public void Uk_five_lists_stepwise_interval_is_close_to_the_published_one(BootstrapScheme scheme)
    {
        var options = new MseOptions { Bootstrap = new BootstrapOptions(1000, 1234, scheme) };

        var e = TestData.Estimate("ukdat_5.csv", ModelSpec.Stepwise, options);
        var ci = e.Bootstrap!.Interval;
        output.WriteLine($"{scheme}: N = {e.Total:F2}, BCa 95 % ({ci.Lower:F0}, {ci.Upper:F0}), z0 = {e.Bootstrap.BiasCorrection:F3}, a = {e.Bootstrap.Acceleration:F3}");

        // Published by SparseMSE: "about 9,200-15,000" (random). Loose bounds.
        Assert.InRange(e.Total, ci.Lower, ci.Upper);
        Assert.InRange(ci.Lower, 8000, 10500);
        Assert.InRange(ci.Upper, scheme == BootstrapScheme.Multinomial ? 13500 : 13000, 17000);
        Assert.Equal(0, e.Bootstrap.Refused);
    }

    [Fact]
    public void Fixed_model_percentile_interval_contains_the_estimate()
    {
        var options = new MseOptions { Bootstrap = new BootstrapOptions(300, 3, BootstrapScheme.Parametric, BootstrapIntervalKind.Percentile) };

        var e = TestData.Estimate("hiv.csv", TestData.Terms("hiv.csv", "[1,2]"), options);

        Assert.InRange(e.Total, e.Bootstrap!.Interval.Lower, e.Bootstrap.Interval.Upper);
        Assert.Equal(0, e.Bootstrap.Acceleration);
    }

    [Fact]
    public void Poisson_draws_have_the_right_mean_and_variance()
    {
        var random = new Random(11);
        foreach (double mean in new[] { 0.3, 4.0, 37.5, 995.0 })
        {
            var draws = Enumerable.Range(0, 20000).Select(_ => (double)CountSampler.Poisson(random, mean)).ToArray();
            double m = draws.Average();
            double v = draws.Select(d => (d - m) * (d - m)).Sum() / (draws.Length - 1);
            Assert.Equal(mean, m, 0.03 * mean + 0.02);
            Assert.Equal(mean, v, 0.06 * mean + 0.05);
        }
    }
}
