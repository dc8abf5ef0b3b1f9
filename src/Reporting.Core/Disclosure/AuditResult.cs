using System.Collections.Immutable;

namespace Reporting.Disclosure;

/// <summary>How the audit computes the feasible intervals. Both are exact; they must always agree.</summary>
public enum BoundMethod
{
    /// <summary>Interval propagation on the hierarchy tree, proven equal to the LP bounds (see NetworkBounds). Fast.</summary>
    Network = 0,

    /// <summary>Two exact rational simplex LPs per hidden cell. Slow; an independent cross-check.</summary>
    Simplex = 1,

    /// <summary>
    /// Tables linked by partitions (<see cref="JointBounds"/>): two floating-point LPs per hidden cell over every table
    /// of the group, the optima rounded inwards to integers.
    /// </summary>
    Joint = 2,
}

public enum AuditFailureKind
{
    /// <summary>A region or département count from 1 to threshold − 1 is published.</summary>
    SmallCountPublished,

    /// <summary>A status contradicts the count: Primary on a count outside 1..threshold − 1, or Secondary on a small count.</summary>
    StatusInconsistent,

    /// <summary>A zero is hidden in a zero-publishing pattern (the intruder would then wrongly assume it is ≥ 1).</summary>
    HiddenZero,

    /// <summary>The intruder's knowledge admits no table at all (only possible with inconsistent statuses).</summary>
    Infeasible,

    /// <summary>A hidden cell's value is outside what the intruder's knowledge allows (inconsistent statuses).</summary>
    ValueOutsideKnowledge,

    /// <summary>A hidden cell is pinned down: its feasible interval is a single value.</summary>
    Disclosed,

    /// <summary>A primary cell's feasible interval is narrower than the protection range.</summary>
    RangeTooNarrow,

    /// <summary>The whole table is hidden although a pattern publishing zeros protects it.</summary>
    UnnecessaryWholeTable,
}

/// <summary>One reason why a table fails the audit. <see cref="Cell"/> is null for table-level reasons.</summary>
public sealed record AuditFailure(AuditFailureKind Kind, CellRef? Cell, string Message);

/// <summary>
/// What the intruder can infer about one hidden cell: every value in [Min, Max] is consistent with everything
/// published and the rules, and no other value is.
/// </summary>
public sealed record CellInterval(CellRef Cell, SuppressionStatus Status, long Value, long Min, long Max, long RequiredWidth)
{
    public long Width => Max - Min;

    public bool IsProtected => Width >= RequiredWidth && (Width >= 1 || RequiredWidth == 0);
}

/// <summary>Verdict of an attack on one protected table.</summary>
public sealed class AuditResult
{
    internal AuditResult(
        bool wholeTableHidden, BoundMethod method, ImmutableArray<CellInterval> intervals, ImmutableArray<AuditFailure> failures)
    {
        WholeTableHidden = wholeTableHidden;
        Method = method;
        Intervals = intervals;
        Failures = failures;
    }

    /// <summary>True when no failure was found: no hidden cell can be pinned down or narrowed below its range.</summary>
    public bool Passed => Failures.Count == 0;

    public bool WholeTableHidden { get; }

    public BoundMethod Method { get; }

    /// <summary>One interval per hidden cell, in <see cref="CellRef"/> order (empty when the knowledge is infeasible).</summary>
    public IReadOnlyList<CellInterval> Intervals { get; }

    public IReadOnlyList<AuditFailure> Failures { get; }

    /// <summary>The interval of a hidden cell; throws for a published cell.</summary>
    public CellInterval IntervalOf(CellRef cell) =>
        Intervals.FirstOrDefault(i => i.Cell == cell)
        ?? throw new ArgumentException($"{cell} is not hidden (or the audit found the knowledge infeasible).", nameof(cell));

    public override string ToString() =>
        Passed ? "audit passed" : "audit failed: " + string.Join("; ", Failures.Select(f => f.Message));
}
