using System.Collections.Immutable;

namespace Reporting.Estimation;

/// <summary>What the stepwise rule did with one candidate interaction at one step.</summary>
public enum CandidateVerdict
{
    /// <summary>The pair added at this step (the smallest p below the threshold among the estimable candidates).</summary>
    Added,

    /// <summary>p below the threshold, but another candidate had a smaller p (or came first on a tie).</summary>
    NotBest,

    /// <summary>p at or above the threshold: no evidence against the current model for this pair.</summary>
    Rejected,

    /// <summary>p below the threshold, but the model with the pair fails the existence or identifiability checks (SparseMSE sets p = 1).</summary>
    NotEstimable,
}

/// <summary>One candidate interaction tested at one step: the observed and fitted overlap and the one-sided Poisson p-value.</summary>
public sealed record StepCandidate(ListPair Pair, long ObservedOverlap, double ExpectedOverlap, double PValue, CandidateVerdict Verdict);

/// <summary>One step of the stepwise rule: the interactions already in the model and every candidate tested.</summary>
public sealed record StepRound(ImmutableArray<ListPair> Model, ImmutableArray<StepCandidate> Candidates)
{
    public StepCandidate? Added => Candidates.FirstOrDefault(c => c.Verdict == CandidateVerdict.Added);
}

/// <summary>
/// The stepwise selection told in full, as Rcapture and SparseMSE users expect to read it: at each step every candidate
/// pair with its p-value, the one added, and those rejected, up to the step where nothing passes. It replays
/// <see cref="StepwiseSelection"/> with the same fits and the same rule, and is checked against its additions.
/// </summary>
public static class StepwiseTrace
{
    public static ImmutableArray<StepRound> Replay(ListTable table, MseOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var allowEmpty = options.EmptyOverlaps.AllowsFor(ModelSelection.Stepwise);
        var threshold = options.StepwiseThreshold;
        var rounds = ImmutableArray.CreateBuilder<StepRound>();
        var included = new List<ListPair>();
        var current = LogLinearFitter.Fit(table, [], allowEmpty);
        while (current.Fit is { } fit)
        {
            var scored = ListPair.All(table.ListCount).Where(p => !included.Contains(p))
                .Select(p => (Pair: p, Observed: table.Overlap(p), Expected: fit.FittedOverlap(p)))
                .Select(s => (s.Pair, s.Observed, s.Expected, P: StepwiseSelection.OverlapPValue(s.Observed, s.Expected)))
                .ToArray();
            ListPair? added = null;
            var candidates = new List<StepCandidate>();
            foreach (var s in scored.OrderBy(s => s.P).ThenBy(s => s.Pair))
            {
                CandidateVerdict verdict;
                if (s.P >= threshold)
                {
                    verdict = CandidateVerdict.Rejected;
                }
                else if (added is not null)
                {
                    verdict = CandidateVerdict.NotBest;
                }
                else if (LogLinearFitter.IsEstimable(table, [.. included, s.Pair], allowEmpty))
                {
                    verdict = CandidateVerdict.Added;
                    added = s.Pair;
                }
                else
                {
                    verdict = CandidateVerdict.NotEstimable;
                }

                candidates.Add(new StepCandidate(s.Pair, s.Observed, s.Expected, s.P, verdict));
            }

            rounds.Add(new StepRound([.. included], [.. candidates]));
            if (added is null)
            {
                break;
            }

            included.Add(added.Value);
            current = LogLinearFitter.Fit(table, included, allowEmpty);
        }

        return rounds.ToImmutable();
    }
}
