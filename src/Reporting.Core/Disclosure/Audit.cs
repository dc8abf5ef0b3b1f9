using System.Collections.Immutable;

namespace Reporting.Disclosure;

/// <summary>
/// Attacks a protected table as an intruder would (outputs.md, "Secret statistique"): for every hidden cell,
/// the exact smallest and largest value consistent with the published cells, additivity, non-negativity and
/// the rules of the secret (see <see cref="IntruderModel"/> for the exact knowledge in both modes).
/// <para>Pass criteria, zero-publishing pattern: no count 1..threshold − 1 published, statuses consistent with
/// the counts, no hidden zero; every hidden cell has Max &gt; Min; every primary cell has
/// Max − Min ≥ protection range.</para>
/// <para>Pass criteria, whole table hidden: every cell has Max &gt; Min; every cell whose count is
/// 1..threshold − 1 has Max − Min ≥ min(protection range, France) — France is always published, so when it is
/// below the range no pattern can do better than [0, France]; and the whole-table fallback is justified: the
/// largest zero-publishing pattern (every non-zero cell hidden, the secondary cells it pins down published) fails.
/// Hiding more cells only widens the
/// intervals (each hidden box contains the published value), so if that pattern fails, every zero-publishing
/// pattern fails.</para>
/// </summary>
public static class Audit
{
    public static AuditResult Attack(
        CountTable table, SuppressionPattern pattern, DisclosureParameters parameters, BoundMethod method = BoundMethod.Network) =>
        Attack(table, pattern, parameters, method, wholeTableMustBeNecessary: true);

    /// <summary>
    /// <paramref name="wholeTableMustBeNecessary"/> false: a whole-table pattern is not itself checked for necessity (the
    /// two implied tables of a share are hidden whole together when either needs it; <see cref="ImpliedCounts"/> checks).
    /// </summary>
    internal static AuditResult Attack(
        CountTable table, SuppressionPattern pattern, DisclosureParameters parameters, BoundMethod method, bool wholeTableMustBeNecessary)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!table.Hierarchy.Regions.SequenceEqual(pattern.Hierarchy.Regions))
        {
            throw new ArgumentException("The pattern and the table have different hierarchies.", nameof(pattern));
        }

        var failures = ImmutableArray.CreateBuilder<AuditFailure>();
        if (!pattern.IsWholeTableHidden)
        {
            CheckStatuses(table, pattern, parameters, failures);
        }

        var intervals = Intervals(table, pattern, parameters, method, failures);
        if (wholeTableMustBeNecessary && pattern.IsWholeTableHidden && Suppression.ZeroPublishingPatternExists(table, parameters))
        {
            failures.Add(new(AuditFailureKind.UnnecessaryWholeTable, null,
                "The whole table is hidden although hiding every non-zero cell and publishing the zeros protects it."));
        }

        return new AuditResult(pattern.IsWholeTableHidden, method, intervals, failures.ToImmutable());
    }

    /// <summary>The primary rule and the meaning of each status, cell by cell.</summary>
    internal static void CheckStatuses(
        CountTable table, SuppressionPattern pattern, DisclosureParameters parameters, ImmutableArray<AuditFailure>.Builder failures)
    {
        var h = table.Hierarchy;
        for (var i = 0; i < h.CellCount; i++)
        {
            var cell = h.CellAt(i);
            var value = table.CellValues[i];
            var small = parameters.IsPrimary(value);
            var failure = pattern.Statuses[i] switch
            {
                SuppressionStatus.Published when small => (AuditFailureKind.SmallCountPublished, "count 1..threshold−1 published"),
                SuppressionStatus.Primary when !small => (AuditFailureKind.StatusInconsistent, "Primary on a count outside 1..threshold−1"),
                SuppressionStatus.Secondary when value == 0 => (AuditFailureKind.HiddenZero, "zero hidden although zeros are published"),
                SuppressionStatus.Secondary when small => (AuditFailureKind.StatusInconsistent, "Secondary on a count 1..threshold−1"),
                SuppressionStatus.Derived when small => (AuditFailureKind.StatusInconsistent, "Derived on a count 1..threshold−1"),
                _ => ((AuditFailureKind, string)?)null,
            };
            if (failure is { } f)
            {
                failures.Add(new(f.Item1, cell, FormattableString.Invariant($"{cell} = {value}: {f.Item2}.")));
            }
        }
    }

    private static ImmutableArray<CellInterval> Intervals(
        CountTable table,
        SuppressionPattern pattern,
        DisclosureParameters parameters,
        BoundMethod method,
        ImmutableArray<AuditFailure>.Builder failures)
    {
        var h = table.Hierarchy;
        var (lo, hi) = IntruderModel.Boxes(table, pattern, parameters);
        var min = new long[h.CellCount];
        var max = new long[h.CellCount];
        var feasible = method == BoundMethod.Simplex
            ? SimplexBounds.Compute(h, table.France, lo, hi, min, max)
            : NetworkBounds.Compute(h, table.France, lo, hi, min, max);
        if (!feasible)
        {
            failures.Add(new(AuditFailureKind.Infeasible, null,
                "The intruder's knowledge admits no table: the statuses contradict the counts."));
            return [];
        }

        var intervals = ImmutableArray.CreateBuilder<CellInterval>();
        for (var i = 0; i < h.CellCount; i++)
        {
            if (pattern.Statuses[i] == SuppressionStatus.Published)
            {
                continue;
            }

            var interval = new CellInterval(
                h.CellAt(i), pattern.Statuses[i], table.CellValues[i], min[i], max[i], RequiredWidth(table, pattern, parameters, i));
            intervals.Add(interval);
            CheckInterval(interval, failures);
        }

        return [.. intervals.OrderBy(i => i.Cell)];
    }

    /// <summary>Protection range for primary cells (whole table: small counts, capped by France); 0 for a derived cell; 1 for the others.</summary>
    internal static long RequiredWidth(CountTable table, SuppressionPattern pattern, DisclosureParameters parameters, int cell)
    {
        if (pattern.IsWholeTableHidden)
        {
            return parameters.IsPrimary(table.CellValues[cell]) ? Math.Max(1, Math.Min(parameters.ProtectionRange, table.France)) : 1;
        }

        return pattern.Statuses[cell] switch
        {
            SuppressionStatus.Primary => parameters.ProtectionRange,
            SuppressionStatus.Derived => 0,
            _ => 1,
        };
    }

    internal static void CheckInterval(CellInterval interval, ImmutableArray<AuditFailure>.Builder failures)
    {
        var cell = interval.Cell;
        if (interval.Value < interval.Min || interval.Value > interval.Max)
        {
            failures.Add(new(AuditFailureKind.ValueOutsideKnowledge, cell, FormattableString.Invariant(
                $"{cell} = {interval.Value} lies outside the intruder's interval [{interval.Min}, {interval.Max}].")));
        }
        else if (interval.Width == 0 && interval.RequiredWidth > 0)
        {
            failures.Add(new(AuditFailureKind.Disclosed, cell, FormattableString.Invariant(
                $"{cell} is pinned down to {interval.Value}.")));
        }
        else if (interval.Width < interval.RequiredWidth)
        {
            failures.Add(new(AuditFailureKind.RangeTooNarrow, cell, FormattableString.Invariant(
                $"{cell} lies in [{interval.Min}, {interval.Max}], narrower than {interval.RequiredWidth}.")));
        }
    }
}
