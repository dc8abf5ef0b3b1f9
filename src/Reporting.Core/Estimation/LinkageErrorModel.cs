using System.Collections.Immutable;

namespace Reporting.Estimation;

/// <summary>One list's detections and how many carry a usable linkage key.</summary>
/// <param name="Persons">n_s, the records of the list (a key-less record is one person of its own)</param>
/// <param name="Keyed">K_s, those with a key; π̂_s = K_s / n_s</param>
public readonly record struct ListKeyRate(long Persons, long Keyed)
{
    public double Rate => Persons == 0 ? 1.0 : Keyed / (double)Persons;

    /// <summary>Binomial variance of π̂_s, π̂(1 − π̂)/n_s.</summary>
    public double RateVariance => Persons == 0 ? 0.0 : Rate * (1 - Rate) / Persons;
}

/// <summary>
/// The linkage-error model (issue 19, item 1). <b>Assumption</b>: each detection of a person by list s carries a usable
/// key with probability π_s, independently of the person's other detections and of which other lists saw it (keys
/// missing at random given the source). Linkage is by key only and exact: two keyed records of one person are always
/// joined, a key-less record is never joined to anything.
/// <para>
/// <b>The map from true histories to observed records.</b> A person whose true capture history is h (the lists that saw
/// it) has its keys present on a subset K ⊆ h with probability P(K | h) = Π_{s∈K} π_s Π_{s∈h∖K} (1 − π_s). It then
/// appears as one keyed record of pattern K (when K is not empty) and as one key-less single-list record for each list of
/// h ∖ K: a police+ASE history is observed as police+ASE (both keys, π_p π_a), or as police-only plus ASE-only. The keyed
/// records of each pattern K are therefore Poisson with mean m_K = Σ_{h⊇K} μ_h P(K | h), independently across K; the
/// key-less records say only how many detections each list has (n_s − K_s), which is what estimates π_s.
/// </para>
/// <para>
/// π̂_s = K_s / n_s is the maximum-likelihood estimate under the model: every detection by s is either in a keyed record
/// containing s or is a key-less record of s, whatever the unobserved true histories.
/// </para>
/// </summary>
public sealed class LinkageErrorModel
{
    private readonly double[][] probability; // [h][K], P(K | h), 0 unless K ⊆ h

    private LinkageErrorModel(ImmutableArray<ListKeyRate> lists, ImmutableArray<double> rates)
    {
        Lists = lists;
        Rates = rates;
        var size = 1 << rates.Length;
        probability = new double[size][];
        for (var h = 0; h < size; h++)
        {
            probability[h] = new double[size];
            for (var k = 0; k < size; k++)
            {
                probability[h][k] = (k & ~h) != 0 ? 0.0 : Probability(k, h);
            }
        }
    }

    /// <summary>The lists' counts, in list order.</summary>
    public ImmutableArray<ListKeyRate> Lists { get; }

    /// <summary>π_s in list order.</summary>
    public ImmutableArray<double> Rates { get; }

    public int ListCount => Rates.Length;

    /// <summary>True when every detection carries a key: the observed table is the true one.</summary>
    public bool IsComplete => Rates.All(r => r >= 1.0);

    /// <summary>The model with the rates estimated from each list's counts.</summary>
    public static LinkageErrorModel Estimated(IReadOnlyList<ListKeyRate> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        return new LinkageErrorModel([.. lists], [.. lists.Select(l => l.Rate)]);
    }

    /// <summary>The model with given rates (simulation, sensitivity); the counts are kept for the variances.</summary>
    public LinkageErrorModel WithRates(IReadOnlyList<double> rates) => new(Lists, [.. rates]);

    /// <summary>Complete keys: π_s = 1 for every list.</summary>
    public static LinkageErrorModel Complete(int listCount) =>
        new([.. Enumerable.Repeat(new ListKeyRate(0, 0), listCount)], [.. Enumerable.Repeat(1.0, listCount)]);

    /// <summary>P(K | h): the keys present on exactly the lists of K among those of h (0 unless K ⊆ h).</summary>
    public double KeyPattern(int keyed, int history) => probability[history][keyed];

    /// <summary>
    /// The keyed records by pattern K from the observed table (every person seen by two lists or more is keyed, since
    /// only keys join records) and the lists' keyed counts: the keyed single-list records of s are K_s minus the keyed
    /// records of s seen elsewhere too. Null when the counts contradict the table (more keyed than seen).
    /// </summary>
    public ListTable? KeyedRecords(ListTable observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var counts = observed.CountsByPattern.ToArray();
        for (var s = 0; s < ListCount; s++)
        {
            var single = 1 << s;
            long elsewhere = 0;
            for (var p = 1; p < counts.Length; p++)
            {
                if (p != single && Patterns.Contains(p, s))
                {
                    elsewhere += counts[p];
                }
            }

            var keyedSingle = Lists[s].Keyed - elsewhere;
            if (keyedSingle < 0 || keyedSingle > counts[single] || Lists[s].Persons != observed.ListTotal(s))
            {
                return null;
            }

            counts[single] = keyedSingle;
        }

        return observed.WithCounts(counts);
    }

    private double Probability(int keyed, int history)
    {
        var p = 1.0;
        for (var s = 0; s < ListCount; s++)
        {
            if (Patterns.Contains(history, s))
            {
                p *= Patterns.Contains(keyed, s) ? Rates[s] : 1 - Rates[s];
            }
        }

        return p;
    }
}
