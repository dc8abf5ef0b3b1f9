using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace Reporting.Estimation;

/// <summary>How a confidence interval for N was obtained.</summary>
public enum IntervalMethod
{
    /// <summary>
    /// Profile likelihood of N under the multinomial model (Rcapture's <c>closedpCI</c>/<c>profileCI</c>,
    /// Baillargeon &amp; Rivest 2007): for each N the model is refitted to the complete table whose unseen
    /// cell is N − n. Reproduces the Cormack and HIV intervals of the spec.
    /// </summary>
    MultinomialProfile,

    /// <summary>
    /// Likelihood-ratio interval for β₀ in the Poisson model of the observed cells (as R's <c>confint()</c>
    /// on the <c>glm</c> fit), mapped to N = n + exp(β₀). Reproduces the UK 5-list interval of the spec.
    /// It covers the expected unseen count, not the random unseen count, hence is a little narrower
    /// than <see cref="MultinomialProfile"/>.
    /// </summary>
    PoissonProfile,

    /// <summary>
    /// Normal interval for β₀ mapped to N = n + exp(β₀ ± z·se(β₀)): the interval of SparseMSE's
    /// <c>estimatepopulation.0</c>, which reproduces the New Orleans figures of Chan, Silverman &amp;
    /// Vincent (2021).
    /// </summary>
    LogNormal,

    /// <summary>Percentiles of a seeded bootstrap that repeats the model selection on each resample.</summary>
    Bootstrap,
}

/// <summary>A confidence interval for the total N. <see cref="Upper"/> may be +∞ when the likelihood never drops enough.</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level, IntervalMethod Method);

/// <summary>Likelihood-based confidence intervals for N (profile likelihoods, and the log-normal interval).</summary>
public static class ProfileLikelihood
{
    private const double UnboundedUnseen = 1e12;

    /// <summary>
    /// Interval for N under the model of <paramref name="fit"/>: for the profile methods
    /// {N : 2 (ℓmax − ℓ(N)) ≤ χ²₁(level)}, the other parameters being re-estimated at each N.
    /// </summary>
    public static ConfidenceInterval Interval(LogLinearFit fit, double level, IntervalMethod method)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level));
        }

        double halfQuantile = ChiSquared.InvCDF(1, level) / 2;
        return method switch
        {
            IntervalMethod.MultinomialProfile => Multinomial(fit, level, halfQuantile),
            IntervalMethod.PoissonProfile => Poisson(fit, level, halfQuantile),
            IntervalMethod.LogNormal => LogNormal(fit, level),
            _ => throw new ArgumentOutOfRangeException(nameof(method), "The bootstrap interval is computed by MseBootstrap."),
        };
    }

    /// <summary>
    /// Rcapture's formulation: ℓ(N) = ln N! − ln (N−n)! − Σ ln y! + Σ_cells y ln(μ/N) over the complete
    /// table with y₀ = N − n, μ from the Poisson fit of that table (whose fitted total is N). Up to
    /// terms free of N this is −D(N)/2 + ln N! − ln n₀! − N ln N + n₀ ln n₀, D the deviance of the
    /// complete-table fit; Rcapture evaluates the same expression (with Stirling's formula) on a grid
    /// of integers, here it is solved for continuous N.
    /// </summary>
    private static ConfidenceInterval Multinomial(LogLinearFit fit, double level, double halfQuantile)
    {
        var patterns = fit.Design.Patterns.Prepend(0).ToArray();
        var design = DesignMatrix.Create(patterns, fit.Table.ListCount, fit.Design.Interactions);
        var counts = new double[patterns.Length];
        for (int i = 1; i < counts.Length; i++)
        {
            counts[i] = fit.Counts[i - 1];
        }

        double n = fit.Table.ObservedTotal;
        var warm = fit.Glm.Coefficients.ToArray();
        double LogLik(double unseen)
        {
            counts[0] = unseen;
            var g = PoissonGlm.Fit(design, counts, warm);
            Array.Copy(g.Coefficients.ToArray(), warm, warm.Length);
            double total = n + unseen;
            return (-g.Deviance / 2) + SpecialFunctions.GammaLn(total + 1) - SpecialFunctions.GammaLn(unseen + 1)
                - (total * Math.Log(total)) + XLogX(unseen);
        }

        var (argMax, max) = Maximise(LogLik, fit.Unseen);
        double target = max - halfQuantile;
        double lower = LogLik(0) >= target ? 0 : FindRoot(LogLik, target, 0, argMax);
        double upper = UpperRoot(LogLik, target, argMax);
        return new ConfidenceInterval(n + lower, n + upper, level, IntervalMethod.MultinomialProfile);
    }

    /// <summary>
    /// ℓ(μ₀) = max over the other parameters of the Poisson log-likelihood of the observed cells with
    /// β₀ = ln μ₀ held fixed; maximal at the fitted μ̂₀.
    /// </summary>
    private static ConfidenceInterval Poisson(LogLinearFit fit, double level, double halfQuantile)
    {
        var warm = fit.Glm.Coefficients.ToArray();
        double LogLik(double unseen)
        {
            var g = PoissonGlm.Fit(fit.Design, fit.Counts, warm, fixedIntercept: Math.Log(unseen));
            Array.Copy(g.Coefficients.ToArray(), warm, warm.Length);
            return g.LogLikelihood;
        }

        double n = fit.Table.ObservedTotal;
        double argMax = fit.Unseen;
        double target = fit.Glm.LogLikelihood - halfQuantile;
        double lower = LowerRootOnLogScale(LogLik, target, argMax);
        double upper = UpperRoot(LogLik, target, argMax);
        return new ConfidenceInterval(n + lower, n + upper, level, IntervalMethod.PoissonProfile);
    }

    private static ConfidenceInterval LogNormal(LogLinearFit fit, double level)
    {
        double z = Normal.InvCDF(0, 1, 0.5 + (level / 2));
        double b0 = fit.Glm.Coefficients[0];
        double se = Math.Sqrt(fit.Glm.InverseInformation[0]);
        double n = fit.Table.ObservedTotal;
        return new ConfidenceInterval(n + Math.Exp(b0 - (z * se)), n + Math.Exp(b0 + (z * se)), level, IntervalMethod.LogNormal);
    }

    /// <summary>Golden-section maximisation of a unimodal function of the unseen count, bracketed around a guess.</summary>
    internal static (double ArgMax, double Max) Maximise(Func<double, double> f, double guess)
    {
        double a = 0;
        double c = Math.Max(2 * guess, guess + 10);
        while (f(c) > f(guess) && c < UnboundedUnseen)
        {
            c *= 2;
        }

        const double ratio = 0.6180339887498949;
        double x1 = c - (ratio * (c - a));
        double x2 = a + (ratio * (c - a));
        double f1 = f(x1);
        double f2 = f(x2);
        while (c - a > 1e-9 * Math.Max(1.0, c))
        {
            if (f1 < f2)
            {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + (ratio * (c - a));
                f2 = f(x2);
            }
            else
            {
                c = x2;
                x2 = x1;
                f2 = f1;
                x1 = c - (ratio * (c - a));
                f1 = f(x1);
            }
        }

        double best = (a + c) / 2;
        return (best, f(best));
    }

    internal static double UpperRoot(Func<double, double> f, double target, double argMax)
    {
        double low = argMax;
        double high = Math.Max(2 * argMax, argMax + 10);
        while (f(high) >= target)
        {
            low = high;
            high *= 2;
            if (high > UnboundedUnseen)
            {
                return double.PositiveInfinity;
            }
        }

        return FindRoot(f, target, low, high);
    }

    /// <summary>Lower root searched on ln μ₀, since the Poisson profile in β₀ may only cross far below μ̂₀; 0 if it never does.</summary>
    private static double LowerRootOnLogScale(Func<double, double> f, double target, double argMax)
    {
        double high = Math.Log(argMax);
        double low = high - 1;
        while (f(Math.Exp(low)) >= target)
        {
            high = low;
            low -= 2;
            if (Math.Exp(low) < 1e-12)
            {
                return 0;
            }
        }

        return Math.Exp(FindRoot(b => f(Math.Exp(b)), target, low, high));
    }

    internal static double FindRoot(Func<double, double> f, double target, double low, double high) =>
        Brent.FindRoot(x => f(x) - target, low, high, 1e-9 * Math.Max(1.0, Math.Abs(high)), 200);

    private static double XLogX(double x) => x > 0 ? x * Math.Log(x) : 0.0;
}
