using MathNet.Numerics;

namespace Reporting.Estimation;

/// <summary>
/// Poisson and multinomial draws from a <see cref="Random"/> created with a seed. A seeded
/// <see cref="Random"/> uses .NET's fixed legacy algorithm, so a seed gives the same draws on every
/// run and machine; all randomness of the bootstrap goes through here, in a fixed order.
/// </summary>
public static class CountSampler
{
    /// <summary>One Poisson(λ) draw.</summary>
    public static long Poisson(Random random, double mean)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!(mean >= 0) || double.IsInfinity(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean));
        }

        return mean < 10 ? PoissonByMultiplication(random, mean) : PoissonPtrs(random, mean);
    }

    /// <summary>
    /// Multinomial draw of <paramref name="trials"/> individuals over categories with the given weights
    /// (SparseMSE's nonparametric bootstrap resamples the observed individuals this way).
    /// </summary>
    public static long[] Multinomial(Random random, long trials, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(weights);
        var cumulative = new double[weights.Count];
        double sum = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        var counts = new long[weights.Count];
        for (long k = 0; k < trials; k++)
        {
            double u = random.NextDouble() * sum;
            int index = Array.BinarySearch(cumulative, u);
            index = index >= 0 ? index + 1 : ~index;
            // Skip zero-weight categories that share the cumulative value (u can equal a boundary).
            while (index < counts.Length - 1 && weights[index] <= 0)
            {
                index++;
            }

            counts[Math.Min(index, counts.Length - 1)]++;
        }

        return counts;
    }

    /// <summary>Knuth's product-of-uniforms method; exact and cheap for small means.</summary>
    private static long PoissonByMultiplication(Random random, double mean)
    {
        double limit = Math.Exp(-mean);
        double product = random.NextDouble();
        long k = 0;
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }

        return k;
    }

    /// <summary>
    /// Hörmann's transformed rejection with squeeze (PTRS, "The transformed rejection method for
    /// generating Poisson random variables", 1993), exact for λ ≥ 10 with O(1) expected uniforms.
    /// </summary>
    private static long PoissonPtrs(Random random, double mean)
    {
        double sqrtMean = Math.Sqrt(mean);
        double logMean = Math.Log(mean);
        double b = 0.931 + (2.53 * sqrtMean);
        double a = -0.059 + (0.02483 * b);
        double inverseAlpha = 1.1239 + (1.1328 / (b - 3.4));
        double vr = 0.9277 - (3.6224 / (b - 2));
        while (true)
        {
            double u = random.NextDouble() - 0.5;
            double v = random.NextDouble();
            double us = 0.5 - Math.Abs(u);
            double k = Math.Floor((((2 * a / us) + b) * u) + mean + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return (long)k;
            }

            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }

            double accept = -mean + (k * logMean) - SpecialFunctions.GammaLn(k + 1);
            if (Math.Log(v) + Math.Log(inverseAlpha) - Math.Log((a / (us * us)) + b) <= accept)
            {
                return (long)k;
            }
        }
    }
}
