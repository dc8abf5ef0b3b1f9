using System.Collections.Immutable;

namespace Reporting.Disclosure;

/// <summary>Verdict of an attack on tables linked by partitions: one <see cref="AuditResult"/> per table, in the group's order.</summary>
public sealed class JointAuditResult(IReadOnlyList<AuditResult> tables)
{
    public IReadOnlyList<AuditResult> Tables { get; } = tables;

    public bool Passed => Tables.All(t => t.Passed);

    public override string ToString() => Passed
        ? "audit passed"
        : "audit failed: " + string.Join("; ", Tables.SelectMany((t, k) => t.Failures.Select(f => FormattableString.Invariant($"table {k}: {f.Message}"))));
}

/// <summary>
/// The audit of tables published together when they are linked (<see cref="Partition"/>): the intruder reads every
/// published cell of every table and combines each table's hierarchy with the partitions at every territory (an intruder
/// who reads the convicted and every sentence but one at a territory knows the last). The pass criteria are those of
/// <see cref="Audit"/> for each table, on the joint bounds (<see cref="JointBounds"/>); a whole table is not checked for
/// necessity here, since a group may have to hide a table whole that would pass on its own. The implied tables of a
/// share (the indices <c>implied</c> of the group) require nothing of a cell that is not small: only the
/// small counts a share would reveal are protected there (a zero whose whole is published is known, and harmless).
/// </summary>
public static class JointAudit
{
    public static JointAuditResult Attack(
        IReadOnlyList<CountTable> tables,
        IReadOnlyList<SuppressionPattern> patterns,
        IReadOnlyList<Partition> partitions,
        DisclosureParameters parameters,
        IReadOnlyCollection<int>? implied = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(parameters);
        if (tables.Count == 0 || tables.Count != patterns.Count)
        {
            throw new ArgumentException("One pattern per table, and at least one table.", nameof(patterns));
        }

        var h = tables[0].Hierarchy;
        if (tables.Any(t => !t.Hierarchy.Regions.SequenceEqual(h.Regions)) || patterns.Any(p => !p.Hierarchy.Regions.SequenceEqual(h.Regions)))
        {
            throw new ArgumentException("The tables and patterns of a group share one hierarchy.", nameof(tables));
        }

        RequireAdditive(tables, partitions);
        var count = tables.Count;
        var (lo, hi) = IntruderModel.Boxes(tables, patterns, parameters);
        var (min, max) = JointBounds.Allocate(count, h.CellCount);
        var required = new long[count][];
        for (var k = 0; k < count; k++)
        {
            required[k] = new long[h.CellCount];
            for (var i = 0; i < h.CellCount; i++)
            {
                required[k][i] = patterns[k].Statuses[i] == SuppressionStatus.Published ? 0 : Required(tables[k], patterns[k], parameters, i, implied?.Contains(k) == true);
            }
        }

        var feasible = JointBounds.Compute(tables, lo, hi, partitions, required, min, max);
        var method = partitions.Count == 0 ? BoundMethod.Network : BoundMethod.Joint;
        var results = new AuditResult[count];
        for (var k = 0; k < count; k++)
        {
            var (table, pattern) = (tables[k], patterns[k]);
            var failures = ImmutableArray.CreateBuilder<AuditFailure>();
            if (!pattern.IsWholeTableHidden)
            {
                Audit.CheckStatuses(table, pattern, parameters, failures);
            }

            var intervals = ImmutableArray.CreateBuilder<CellInterval>();
            if (!feasible)
            {
                failures.Add(new(AuditFailureKind.Infeasible, null, "The intruder's knowledge admits no tables: the statuses contradict the counts."));
            }
            else
            {
                for (var i = 0; i < h.CellCount; i++)
                {
                    if (pattern.Statuses[i] == SuppressionStatus.Published)
                    {
                        continue;
                    }

                    var interval = new CellInterval(h.CellAt(i), pattern.Statuses[i], table.CellValues[i], min[k][i], max[k][i], required[k][i]);
                    intervals.Add(interval);
                    Audit.CheckInterval(interval, failures);
                }
            }

            results[k] = new AuditResult(pattern.IsWholeTableHidden, method, [.. intervals.OrderBy(i => i.Cell)], failures.ToImmutable());
        }

        return new JointAuditResult(results);
    }

    /// <summary>
    /// The width a hidden cell's interval must reach (<see cref="Audit"/>; nothing for a cell of an implied table that is
    /// not small). Nothing for a zero either: the contract publishes zeros, and a zero of a part that its whole's published
    /// zero (or its whole less its published parts) gives away tells nothing about anyone; what a hidden zero protects, the
    /// small counts beside it, keep their own range.
    /// </summary>
    internal static long Required(CountTable table, SuppressionPattern pattern, DisclosureParameters parameters, int cell, bool implied) =>
        table.CellValues[cell] == 0 || (implied && !parameters.IsPrimary(table.CellValues[cell])) ? 0 : Audit.RequiredWidth(table, pattern, parameters, cell);

    /// <summary>A partition that does not add up is a broken catalogue or computation, not bad data.</summary>
    internal static void RequireAdditive(IReadOnlyList<CountTable> tables, IReadOnlyList<Partition> partitions)
    {
        foreach (var partition in partitions)
        {
            if (partition.Parts.Count == 0 || partition.Parts.Append(partition.Whole).Any(k => k < 0 || k >= tables.Count) || partition.Parts.Contains(partition.Whole))
            {
                throw new ArgumentException("A partition names a whole and at least one other table of the group.", nameof(partitions));
            }

            var whole = tables[partition.Whole];
            var sum = partition.Parts.Sum(p => tables[p].France);
            if (sum != whole.France)
            {
                throw new ArgumentException(FormattableString.Invariant($"The parts add up to {sum} for France, the whole is {whole.France}."), nameof(partitions));
            }

            for (var i = 0; i < whole.Hierarchy.CellCount; i++)
            {
                var cell = i;
                var parts = partition.Parts.Sum(p => tables[p].CellValues[cell]);
                if (parts != whole.CellValues[i])
                {
                    throw new ArgumentException(FormattableString.Invariant(
                        $"The parts add up to {parts} in {whole.Hierarchy.CellAt(i)}, the whole is {whole.CellValues[i]}."), nameof(partitions));
                }
            }
        }
    }
}
