using System.Collections.Immutable;
using MathNet.Numerics.Distributions;

namespace Reporting.Estimation;

/// <summary>
/// Seeded bootstrap of N̂. Each resample repeats the whole procedure, model selection included when the
/// model was chosen by stepwise, so the interval reflects the uncertainty of the selection too (the
/// reason SparseMSE bootstraps instead of profiling the selected model).
/// </summary>
public static class MseBootstrap
{
    /// <summary>Runs <see cref="BootstrapOptions.Replicates"/> resamples and reads the interval off them.</summary>
    /// <remarks>
    /// All draws come, in a fixed order, from one <c>new Random(seed)</c>: the result is identical on
    /// every run for a given seed, data set and options. Resamples the model cannot be fitted to (e.g. a
    /// list left empty) are counted in <see cref="BootstrapResult.Refused"/> and left out.
    /// </remarks>
    public static BootstrapResult Run(LogLinearFit fit, ModelSpec model, MseOptions options, BootstrapOptions bootstrap)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bootstrap);
        if (bootstrap.Replicates < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(bootstrap), "At least one replicate is needed.");
        }

        // Resamples are drawn one after the other from a single seeded stream, then estimated in parallel:
        // each estimate depends only on its resample, so the result does not depend on scheduling.
        var random = new Random(bootstrap.Seed);
        var resamples = new ListTable[bootstrap.Replicates];
        for (int b = 0; b < resamples.Length; b++)
        {
            resamples[b] = Resample(fit, bootstrap.Scheme, random);
        }

        var totals = new double?[resamples.Length];
        Parallel.For(0, resamples.Length, b => totals[b] = Reestimate(resamples[b], model, options));
        var estimates = totals.Where(v => v.HasValue).Select(v => v!.Value).ToImmutableArray();
        int refused = totals.Count(v => !v.HasValue);

        var values = estimates;
        var sorted = values.Order().ToArray();
        double level = options.ConfidenceLevel;
        if (sorted.Length == 0)
        {
            var none = new ConfidenceInterval(double.NaN, double.NaN, level, IntervalMethod.Bootstrap);
            return new BootstrapResult(none, bootstrap, values, refused, 0, 0);
        }

        if (bootstrap.Interval == BootstrapIntervalKind.Percentile)
        {
            var plain = Percentiles(sorted, level, biasCorrection: 0, acceleration: 0);
            return new BootstrapResult(plain, bootstrap, values, refused, 0, 0);
        }

        double z0 = BiasCorrection(sorted, fit.Total);
        double a = JackknifeAcceleration(fit.Table, model, options);
        return new BootstrapResult(Percentiles(sorted, level, z0, a), bootstrap, values, refused, z0, a);
    }

    private static double? Reestimate(ListTable table, ModelSpec model, MseOptions options)
    {
        var (attempt, _) = MseEstimator.SelectAndFit(table, model, options);
        return attempt.Fit is { } refit && double.IsFinite(refit.Total) ? refit.Total : null;
    }

    private static ListTable Resample(LogLinearFit fit, BootstrapScheme scheme, Random random)
    {
        var table = fit.Table;
        var counts = new long[table.PatternCount + 1];
        if (scheme == BootstrapScheme.Parametric)
        {
            // Cells removed for a −∞ interaction have mean 0 and stay empty.
            for (int r = 0; r < fit.Design.RowCount; r++)
            {
                counts[fit.Design.Patterns[r]] = CountSampler.Poisson(random, fit.Glm.Fitted[r]);
            }
        }
        else
        {
            var weights = Enumerable.Range(1, table.PatternCount).Select(p => (double)table.Count(p)).ToArray();
            var drawn = CountSampler.Multinomial(random, table.ObservedTotal, weights);
            Array.Copy(drawn, 0, counts, 1, drawn.Length);
        }

        return table.WithCounts(counts);
    }

    /// <summary>z₀ = Φ⁻¹(share of resamples strictly below N̂), as SparseMSE's <c>bcaconfvalues</c>.</summary>
    private static double BiasCorrection(double[] sorted, double estimate)
    {
        double share = sorted.Count(v => v < estimate) / (double)sorted.Length;
        // Keep z₀ finite when every resample falls on one side (tiny replicate counts).
        share = Math.Clamp(share, 0.5 / sorted.Length, 1 - (0.5 / sorted.Length));
        return Normal.InvCDF(0, 1, share);
    }

    /// <summary>
    /// Acceleration from the jackknife over individuals (SparseMSE <c>estimatepopulation</c>): removing one
    /// individual of pattern j gives N̂₍ⱼ₎; with residuals r_j = mean − N̂₍ⱼ₎ weighted by the counts n_j,
    /// a = Σ n_j r_j³ / (6 (Σ n_j r_j²)^{3/2}).
    /// </summary>
    private static double JackknifeAcceleration(ListTable table, ModelSpec model, MseOptions options)
    {
        var patterns = Enumerable.Range(1, table.PatternCount).Where(p => table.Count(p) > 0).ToArray();
        var weights = patterns.Select(p => (double)table.Count(p)).ToArray();
        var leaveOneOut = new double[patterns.Length];
        Parallel.For(0, patterns.Length, k =>
        {
            var counts = table.CountsByPattern.ToArray();
            counts[patterns[k]]--;
            // A removal the model cannot absorb (e.g. the last individual of a list) counts as 0, as in SparseMSE.
            leaveOneOut[k] = Reestimate(table.WithCounts(counts), model, options) ?? 0.0;
        });

        double mean = weights.Zip(leaveOneOut, (w, v) => w * v).Sum() / weights.Sum();
        double cubes = 0;
        double squares = 0;
        for (int k = 0; k < patterns.Length; k++)
        {
            double r = mean - leaveOneOut[k];
            cubes += weights[k] * r * r * r;
            squares += weights[k] * r * r;
        }

        return squares > 0 ? cubes / (6 * Math.Pow(squares, 1.5)) : 0.0;
    }

    /// <summary>BCa percentiles Φ(z₀ + (z₀ + z_α)/(1 − a(z₀ + z_α))); plain percentiles when z₀ = a = 0.</summary>
    private static ConfidenceInterval Percentiles(double[] sorted, double level, double biasCorrection, double acceleration)
    {
        double Adjusted(double alpha)
        {
            double z = biasCorrection + Normal.InvCDF(0, 1, alpha);
            return Normal.CDF(0, 1, biasCorrection + (z / (1 - (acceleration * z))));
        }

        double lower = Quantile(sorted, Adjusted((1 - level) / 2));
        double upper = Quantile(sorted, Adjusted((1 + level) / 2));
        return new ConfidenceInterval(lower, upper, level, IntervalMethod.Bootstrap);
    }

    /// <summary>Sample quantile of R's type 8 (median-unbiased), the one SparseMSE uses.</summary>
    private static double Quantile(double[] sorted, double probability)
    {
        int n = sorted.Length;
        double h = (n * probability) + ((probability + 1) / 3);
        int j = (int)Math.Floor(h);
        if (j < 1)
        {
            return sorted[0];
        }

        if (j >= n)
        {
            return sorted[n - 1];
        }

        return sorted[j - 1] + ((h - j) * (sorted[j] - sorted[j - 1]));
    }
}
