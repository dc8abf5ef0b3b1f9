using System.Collections.Immutable;

namespace Reporting.Estimation;

/// <summary>
/// Capture histories of t named lists (sources): the number of distinct individuals seen on exactly
/// each non-empty combination of lists.
/// </summary>
/// <remarks>
/// A pattern (capture history) is a bit mask: bit <c>i</c> set means "seen on list i" (0-based list
/// index, in the column order of the input). Patterns run from 1 to 2^t − 1; the all-zero pattern is
/// the unseen population and is never part of the data. A pattern absent from the input has count 0,
/// which the model needs explicitly (README of the spec: "zero counts included").
/// </remarks>
public sealed class ListTable
{
    /// <summary>Smallest number of lists for which a capture-recapture estimate makes sense.</summary>
    public const int MinLists = 2;

    /// <summary>
    /// Largest number of lists supported: 2^8 − 1 = 255 cells and at most 1 + 8 + 28 parameters keep
    /// every fit small enough to be solved directly.
    /// </summary>
    public const int MaxLists = 8;

    private readonly ImmutableArray<long> _counts;

    private ListTable(ImmutableArray<string> names, ImmutableArray<long> counts)
    {
        ListNames = names;
        _counts = counts;
        ObservedTotal = counts.Aggregate(0L, (sum, c) => checked(sum + c));
    }

    /// <summary>List names, in column order.</summary>
    public ImmutableArray<string> ListNames { get; }

    /// <summary>Number of lists t.</summary>
    public int ListCount => ListNames.Length;

    /// <summary>Number of non-empty patterns, 2^t − 1.</summary>
    public int PatternCount => (1 << ListCount) - 1;

    /// <summary>n: number of distinct individuals seen on at least one list.</summary>
    public long ObservedTotal { get; }

    /// <summary>
    /// Builds a table from list names and counts indexed by pattern (index 0, the unseen, must be 0).
    /// </summary>
    /// <exception cref="ArgumentException">Invalid names or counts (programming error, not bad data:
    /// data files go through <see cref="ListTableCsv"/>, which reports errors by line).</exception>
    public static ListTable Create(IEnumerable<string> listNames, IReadOnlyList<long> countsByPattern)
    {
        ArgumentNullException.ThrowIfNull(listNames);
        ArgumentNullException.ThrowIfNull(countsByPattern);
        var names = listNames.ToImmutableArray();
        if (names.Length is < MinLists or > MaxLists)
        {
            throw new ArgumentException(
                $"Between {MinLists} and {MaxLists} lists are supported, got {names.Length}.", nameof(listNames));
        }

        if (names.Any(string.IsNullOrWhiteSpace) || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new ArgumentException("List names must be non-empty and distinct.", nameof(listNames));
        }

        int size = 1 << names.Length;
        if (countsByPattern.Count != size)
        {
            throw new ArgumentException($"Expected {size} counts (patterns 0..{size - 1}).", nameof(countsByPattern));
        }

        if (countsByPattern[0] != 0)
        {
            throw new ArgumentException("The all-zero pattern (the unseen) cannot be observed.", nameof(countsByPattern));
        }

        if (countsByPattern.Any(c => c < 0))
        {
            throw new ArgumentException("Counts must be non-negative.", nameof(countsByPattern));
        }

        return new ListTable(names, countsByPattern.ToImmutableArray());
    }

    /// <summary>Count of individuals whose capture history is exactly <paramref name="pattern"/>.</summary>
    public long Count(int pattern)
    {
        if (pattern < 1 || pattern > PatternCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pattern));
        }

        return _counts[pattern];
    }

    /// <summary>Number of individuals seen on list <paramref name="list"/> (0-based), whatever the other lists.</summary>
    public long ListTotal(int list) => SumWhere(p => Patterns.Contains(p, list));

    /// <summary>
    /// Observed overlap of two lists: individuals seen on both, whatever the other lists (the N* of the
    /// SparseMSE stepwise rule).
    /// </summary>
    public long Overlap(ListPair pair) => SumWhere(p => Patterns.ContainsPair(p, pair));

    /// <summary>A table with the same lists and new counts (used by the bootstrap).</summary>
    public ListTable WithCounts(IReadOnlyList<long> countsByPattern) => Create(ListNames, countsByPattern);

    /// <summary>Counts indexed by pattern, index 0 (the unseen) being 0.</summary>
    public ImmutableArray<long> CountsByPattern => _counts;

    private long SumWhere(Func<int, bool> predicate)
    {
        long sum = 0;
        for (int p = 1; p <= PatternCount; p++)
        {
            if (predicate(p))
            {
                sum = checked(sum + _counts[p]);
            }
        }

        return sum;
    }
}

/// <summary>Bit-mask helpers for capture patterns.</summary>
public static class Patterns
{
    /// <summary>True when <paramref name="pattern"/> includes list <paramref name="list"/> (0-based).</summary>
    public static bool Contains(int pattern, int list) => (pattern & (1 << list)) != 0;

    /// <summary>True when <paramref name="pattern"/> includes both lists of <paramref name="pair"/>.</summary>
    public static bool ContainsPair(int pattern, ListPair pair) =>
        Contains(pattern, pair.First) && Contains(pattern, pair.Second);

    /// <summary>Pattern written as 0/1 flags in list order, e.g. "101".</summary>
    public static string ToFlags(int pattern, int listCount) =>
        string.Concat(Enumerable.Range(0, listCount).Select(i => Contains(pattern, i) ? '1' : '0'));
}

/// <summary>
/// An unordered pair of lists (0-based indices, <see cref="First"/> &lt; <see cref="Second"/>), i.e.
/// one two-list interaction term. Ordering is the ordinal one used by SparseMSE for ties:
/// (1,2), (1,3), …, (1,t), (2,3), …
/// </summary>
public readonly record struct ListPair : IComparable<ListPair>
{
    /// <summary>Creates a pair, whatever the order of the two indices.</summary>
    public ListPair(int a, int b)
    {
        if (a == b || a < 0 || b < 0)
        {
            throw new ArgumentException("A pair needs two distinct non-negative list indices.");
        }

        First = Math.Min(a, b);
        Second = Math.Max(a, b);
    }

    /// <summary>Smaller list index (0-based).</summary>
    public int First { get; }

    /// <summary>Larger list index (0-based).</summary>
    public int Second { get; }

    /// <inheritdoc />
    public int CompareTo(ListPair other)
    {
        int c = First.CompareTo(other.First);
        return c != 0 ? c : Second.CompareTo(other.Second);
    }

    /// <summary>All pairs of <paramref name="listCount"/> lists, in ordinal order.</summary>
    public static IEnumerable<ListPair> All(int listCount)
    {
        for (int i = 0; i < listCount - 1; i++)
        {
            for (int j = i + 1; j < listCount; j++)
            {
                yield return new ListPair(i, j);
            }
        }
    }

    /// <summary>Name of the term, "LA:NG", from the list names.</summary>
    public string Name(IReadOnlyList<string> listNames) => $"{listNames[First]}:{listNames[Second]}";
}
