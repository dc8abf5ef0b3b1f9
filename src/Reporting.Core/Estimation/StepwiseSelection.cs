using System.Collections.Immutable;
using MathNet.Numerics;

namespace Reporting.Estimation;

/// <summary>One addition made by the stepwise rule.</summary>
/// <param name="Pair">Interaction added.</param>
/// <param name="ObservedOverlap">N*: individuals seen on both lists.</param>
/// <param name="ExpectedOverlap">Sum of the fitted values of the cells containing both lists, before the addition.</param>
/// <param name="PValue">min(P(X ≤ N*), P(X ≥ N*)) for X ~ Poisson(expected overlap).</param>
public readonly record struct StepwiseStep(ListPair Pair, long ObservedOverlap, double ExpectedOverlap, double PValue);

/// <summary>Result of the stepwise selection: the final fit and the additions in order.</summary>
public sealed record StepwiseResult(FitAttempt Final, ImmutableArray<StepwiseStep> Steps);

/// <summary>
/// The SparseMSE stepwise rule (<c>stepwisefit</c>, Chan, Silverman &amp; Vincent 2021): from the
/// main-effects model, repeatedly add the two-list interaction whose observed overlap is least
/// compatible with the current fit, while its one-sided Poisson p-value is below the threshold.
/// </summary>
public static class StepwiseSelection
{
    /// <summary>Threshold used by SparseMSE and by the published figures of the spec.</summary>
    public const double DefaultThreshold = 0.02;

    /// <summary>Runs the selection on <paramref name="table"/>.</summary>
    /// <param name="table">The data.</param>
    /// <param name="threshold">Largest p-value at which a pair is still added (strict: p &lt; threshold).</param>
    /// <param name="allowEmptyOverlaps">Whether a pair of lists that never overlap may be added as a −∞ interaction (SparseMSE does).</param>
    /// <remarks>
    /// Candidates are the pairs not yet in the model. A candidate whose model would fail the existence
    /// or identifiability checks is skipped, as SparseMSE sets its p-value to 1. Ties on p go to the
    /// first pair in ordinal order ((1,2), (1,3), …), as SparseMSE's <c>min(which(p == min(p)))</c>.
    /// Candidates are examined in increasing (p, order) and only until one passes the checks, which
    /// selects the same pair as checking them all.
    /// </remarks>
    public static StepwiseResult Select(ListTable table, double threshold, bool allowEmptyOverlaps)
    {
        ArgumentNullException.ThrowIfNull(table);
        var current = LogLinearFitter.Fit(table, [], allowEmptyOverlaps);
        var steps = ImmutableArray.CreateBuilder<StepwiseStep>();
        var included = new List<ListPair>();
        while (current.Fit is { } fit)
        {
            var next = BestCandidate(table, fit, included, threshold, allowEmptyOverlaps);
            if (next is null)
            {
                break;
            }

            included.Add(next.Value.Pair);
            steps.Add(next.Value);
            current = LogLinearFitter.Fit(table, included, allowEmptyOverlaps);
        }

        return new StepwiseResult(current, steps.ToImmutable());
    }

    /// <summary>One-sided Poisson p-value min(P(X ≤ k), P(X ≥ k)), X ~ Poisson(λ).</summary>
    public static double OverlapPValue(long observed, double expected)
    {
        if (!(expected > 0))
        {
            return 1.0;
        }

        // P(X ≤ k) = Q(k + 1, λ) and P(X ≥ k) = P(k, λ), regularized incomplete gamma functions.
        double lowerTail = SpecialFunctions.GammaUpperRegularized(observed + 1, expected);
        double upperTail = observed == 0 ? 1.0 : SpecialFunctions.GammaLowerRegularized(observed, expected);
        return Math.Min(lowerTail, upperTail);
    }

    private static StepwiseStep? BestCandidate(
        ListTable table, LogLinearFit fit, List<ListPair> included, double threshold, bool allowEmptyOverlaps)
    {
        var ranked = ListPair.All(table.ListCount)
            .Where(pair => !included.Contains(pair))
            .Select(pair => Score(table, fit, pair))
            .Where(step => step.PValue < threshold)
            .OrderBy(step => step.PValue)
            .ThenBy(step => step.Pair);
        foreach (var step in ranked)
        {
            if (LogLinearFitter.IsEstimable(table, [.. included, step.Pair], allowEmptyOverlaps))
            {
                return step;
            }
        }

        return null;
    }

    private static StepwiseStep Score(ListTable table, LogLinearFit fit, ListPair pair)
    {
        long observed = table.Overlap(pair);
        double expected = fit.FittedOverlap(pair);
        return new StepwiseStep(pair, observed, expected, OverlapPValue(observed, expected));
    }
}
