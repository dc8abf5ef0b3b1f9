using System.Collections.Immutable;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Reporting.Estimation;

/// <summary>
/// Capture-recapture corrected for missing linkage keys (issue 19, item 2). A key-less record cannot be joined to the
/// person's records in other lists, so overlaps are undercounted by about the product of the lists' key rates and the
/// uncorrected estimate is inflated. Here the log-linear model of the true histories is fitted to the keyed records
/// through the map of <see cref="LinkageErrorModel"/> (EM, <see cref="CorrectedEm"/>), with the key rates estimated from
/// the lists (a two-stage pseudo-likelihood, Gong &amp; Samaniego 1981; the approach of Ding &amp; Fienberg 1994 and Di
/// Consiglio &amp; Tuoto 2015 for linkage errors); the model is chosen by SparseMSE's stepwise rule scored on the keyed
/// records against the corrected fit; the interval is the multinomial profile likelihood of N (Rcapture's, for the keyed
/// records) widened, in quadrature on each side, by the key rates' own uncertainty (delta method on their binomial
/// variance). With complete keys every step is the uncorrected estimator's, and so is every figure.
/// </summary>
public static class LinkageCorrection
{
    /// <summary>Estimates N from the observed table and the lists' key counts.</summary>
    public static CorrectedOutcome Estimate(ListTable observed, LinkageErrorModel model, ModelSpec spec, MseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(spec);
        options ??= MseOptions.Default;
        var uncorrected = MseEstimator.Estimate(observed, spec, options);
        if (model.ListCount != observed.ListCount)
        {
            throw new ArgumentException("One key rate per list is needed.", nameof(model));
        }

        if (model.IsComplete)
        {
            return uncorrected is MseEstimate e
                ? new CorrectedOutcome(FromUncorrected(e, model), null, uncorrected)
                : new CorrectedOutcome(null, ((MseRefused)uncorrected).Refusal, uncorrected);
        }

        if (model.Rates.Any(r => !(r > 0)))
        {
            return Refused(uncorrected, "une source n'a aucune clé de chaînage : ses repérages ne peuvent pas être recoupés, aucune estimation n'est produite");
        }

        if (model.KeyedRecords(observed) is not { } keyed)
        {
            return Refused(uncorrected, "les effectifs avec clé ne concordent pas avec le tableau des recoupements : aucune estimation n'est produite");
        }

        var (attempt, steps) = SelectAndFit(keyed, model, spec, options);
        if (attempt.Refusal is { } refusal)
        {
            return new CorrectedOutcome(null, refusal, uncorrected);
        }

        var fit = attempt.Fit!;
        var conditional = Profile(keyed, model, fit, options.ConfidenceLevel);
        var sd = KeyRateStandardError(keyed, model, fit);
        var z = Normal.InvCDF(0, 1, 0.5 + (options.ConfidenceLevel / 2));
        var total = fit.Total;
        var widen = z * sd;
        var interval = new ConfidenceInterval(
            total - Math.Sqrt(Math.Pow(total - conditional.Lower, 2) + (widen * widen)),
            total + Math.Sqrt(Math.Pow(conditional.Upper - total, 2) + (widen * widen)),
            options.ConfidenceLevel,
            IntervalMethod.MultinomialProfile);
        var histories = new double[1 << observed.ListCount];
        histories[0] = fit.Unseen;
        for (var r = 0; r < fit.Design.RowCount; r++)
        {
            histories[fit.Design.Patterns[r]] = fit.Glm.Fitted[r];
        }

        return new CorrectedOutcome(
            new CorrectedEstimate(observed, keyed, model, steps, fit.ModelInteractions, total, interval, conditional, sd, [.. histories], uncorrected),
            null,
            uncorrected);
    }

    /// <summary>A corrected fit of a given model, or why none (the checks of the uncorrected fitter, on the keyed records).</summary>
    public sealed record Attempt(CorrectedFit? Fit, Refusal? Refusal);

    /// <summary>Model selection (stepwise on the corrected likelihood) or the model requested, fitted by EM.</summary>
    public static (Attempt Attempt, ImmutableArray<StepwiseStep> Steps) SelectAndFit(ListTable keyed, LinkageErrorModel model, ModelSpec spec, MseOptions options)
    {
        ArgumentNullException.ThrowIfNull(keyed);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var allowEmpty = options.EmptyOverlaps.AllowsFor(spec.Selection);
        if (spec.Selection != ModelSelection.Stepwise)
        {
            return (FitModel(keyed, model, spec.Interactions, allowEmpty), []);
        }

        var current = FitModel(keyed, model, [], allowEmpty);
        var steps = ImmutableArray.CreateBuilder<StepwiseStep>();
        var included = new List<ListPair>();
        while (current.Fit is { } fit)
        {
            var next = ListPair.All(keyed.ListCount)
                .Where(pair => !included.Contains(pair))
                .Select(pair => new StepwiseStep(pair, keyed.Overlap(pair), fit.ExpectedOverlap(pair), StepwiseSelection.OverlapPValue(keyed.Overlap(pair), fit.ExpectedOverlap(pair))))
                .Where(step => step.PValue < options.StepwiseThreshold)
                .OrderBy(step => step.PValue)
                .ThenBy(step => step.Pair)
                .Cast<StepwiseStep?>()
                .FirstOrDefault(step => LogLinearFitter.IsEstimable(keyed, [.. included, step!.Value.Pair], allowEmpty));
            if (next is not { } step)
            {
                break;
            }

            included.Add(step.Pair);
            steps.Add(step);
            current = FitModel(keyed, model, included, allowEmpty);
        }

        return (current, steps.ToImmutable());
    }

    private static Attempt FitModel(ListTable keyed, LinkageErrorModel model, IReadOnlyList<ListPair> interactions, bool allowEmpty)
    {
        // The existence and identifiability checks of the uncorrected model, on the keyed records: their zeros are the
        // data's zeros (a pair that never shares a keyed record is −∞ or refused alike).
        var check = LogLinearFitter.Fit(keyed, interactions, allowEmpty);
        if (check.Refusal is { } refusal)
        {
            return new Attempt(null, refusal);
        }

        var empty = interactions.Where(p => keyed.Overlap(p) == 0).ToImmutableArray();
        var kept = interactions.Where(p => keyed.Overlap(p) > 0).ToImmutableArray();
        var fit = CorrectedEm.Fit(keyed, model, [.. interactions], kept, empty);
        return fit is null
            ? new Attempt(null, new Refusal(RefusalReason.FitDidNotConverge, "l'ajustement du modèle corrigé des clés manquantes n'a pas convergé : aucune estimation n'est produite"))
            : new Attempt(fit, null);
    }

    /// <summary>
    /// The multinomial profile likelihood of N for the keyed records: given N, the persons fall into (history, keys)
    /// classes; observed are the keyed records k_K and the n_∅ = N − Σk persons without any keyed record (the unseen
    /// among them), so ℓ(N) = ln N! − ln n_∅! + Σ_K k_K ln(m_K / N) + n_∅ ln(m_∅ / N), maximised over the model by EM
    /// on the complete table (unseen cell included). With π = 1 this is Rcapture's ℓ(N).
    /// </summary>
    private static ConfidenceInterval Profile(ListTable keyed, LinkageErrorModel model, CorrectedFit fit, double level)
    {
        try
        {
            var halfQuantile = ChiSquared.InvCDF(1, level) / 2;
            var patterns = fit.Design.Patterns.ToArray();
            var design = DesignMatrix.Create(fit.Design.Patterns.Prepend(0), keyed.ListCount, fit.Design.Interactions);
            var k = keyed.CountsByPattern;
            double keyedTotal = keyed.ObservedTotal;
            var warm = fit.Glm.Coefficients.ToArray();
            var y = new double[patterns.Length + 1];
            var rows = new double[patterns.Length];
            var mu = new double[patterns.Length];
            var m = new double[k.Length];
            double LogLik(double keyless)
            {
                var total = keyedTotal + keyless;
                GlmFit? glm = null;
                for (var iteration = 0; iteration < 20_000; iteration++)
                {
                    var current = glm?.Fitted ?? [.. design.Patterns.Select((_, r) => Math.Exp(design.Dot(r, warm)))];
                    for (var r = 0; r < patterns.Length; r++)
                    {
                        mu[r] = current[r + 1];
                    }

                    CorrectedEm.ExpectedKeyed(model, patterns, mu, m);
                    y[0] = CorrectedEm.Complete(model, patterns, mu, k, m, rows, current[0], keyless);
                    Array.Copy(rows, 0, y, 1, rows.Length);
                    var next = PoissonGlm.Fit(design, y, warm);
                    var change = 0.0;
                    for (var c = 0; c < warm.Length; c++)
                    {
                        change = Math.Max(change, Math.Abs(next.Coefficients[c] - warm[c]));
                        warm[c] = next.Coefficients[c];
                    }

                    glm = next;
                    if (change < CorrectedEm.Tolerance)
                    {
                        break;
                    }
                }

                for (var r = 0; r < patterns.Length; r++)
                {
                    mu[r] = glm!.Fitted[r + 1];
                }

                CorrectedEm.ExpectedKeyed(model, patterns, mu, m);
                var none = m[0] + glm!.Fitted[0];
                var l = SpecialFunctions.GammaLn(total + 1) - SpecialFunctions.GammaLn(keyless + 1) + (keyless > 0 ? keyless * Math.Log(none / total) : 0.0);
                for (var p = 1; p < k.Length; p++)
                {
                    if (k[p] > 0)
                    {
                        l += k[p] * Math.Log(m[p] / total);
                    }
                }

                return l;
            }

            var (argMax, max) = ProfileLikelihood.Maximise(LogLik, Math.Max(fit.Total - keyedTotal, 1));
            var target = max - halfQuantile;
            var lower = LogLik(0) >= target ? 0 : ProfileLikelihood.FindRoot(LogLik, target, 0, argMax);
            var upper = ProfileLikelihood.UpperRoot(LogLik, target, argMax);
            return new ConfidenceInterval(keyedTotal + lower, keyedTotal + upper, level, IntervalMethod.MultinomialProfile);
        }
        catch (Exception e) when (e is ArithmeticException or InvalidOperationException)
        {
            return new ConfidenceInterval(double.NaN, double.NaN, level, IntervalMethod.MultinomialProfile);
        }
    }

    /// <summary>
    /// √(Σ_s (∂N̂/∂π_s)² π̂_s(1 − π̂_s)/n_s): the derivative by central differences, the model held fixed, the variance of
    /// each π̂_s binomial over its list's records.
    /// </summary>
    private static double KeyRateStandardError(ListTable keyed, LinkageErrorModel model, CorrectedFit fit)
    {
        const double step = 0.002;
        var variance = 0.0;
        var kept = fit.Design.Interactions;
        var empty = fit.ModelInteractions.Where(p => !kept.Contains(p)).ToImmutableArray();
        for (var s = 0; s < model.ListCount; s++)
        {
            var rate = model.Rates[s];
            var v = model.Lists[s].RateVariance;
            if (!(v > 0))
            {
                continue;
            }

            var up = Math.Min(1.0, rate + step);
            var down = Math.Max(rate - step, rate / 2);
            var high = CorrectedEm.Fit(keyed, model.WithRates(With(model.Rates, s, up)), fit.ModelInteractions, kept, empty);
            var low = CorrectedEm.Fit(keyed, model.WithRates(With(model.Rates, s, down)), fit.ModelInteractions, kept, empty);
            if (high is null || low is null)
            {
                return double.NaN;
            }

            var derivative = (high.Total - low.Total) / (up - down);
            variance += derivative * derivative * v;
        }

        return Math.Sqrt(variance);
    }

    private static double[] With(IReadOnlyList<double> rates, int index, double value)
    {
        var copy = rates.ToArray();
        copy[index] = value;
        return copy;
    }

    private static CorrectedEstimate FromUncorrected(MseEstimate e, LinkageErrorModel model)
    {
        var histories = new double[1 << e.Table.ListCount];
        histories[0] = e.Unseen;
        for (var p = 1; p < histories.Length; p++)
        {
            histories[p] = e.Table.Count(p);
        }

        return new CorrectedEstimate(e.Table, e.Table, model, e.StepwiseSteps, e.Interactions, e.Total, e.Interval, e.Interval, 0, [.. histories], e);
    }

    private static CorrectedOutcome Refused(MseOutcome uncorrected, string message) =>
        new(null, new Refusal(RefusalReason.KeyRatesUnusable, message), uncorrected);
}
