namespace Reporting.Disclosure;

/// <summary>
/// What a published share gives away, protected like a count table. A share published beside its count implies two
/// counts at each territory: the persons it counts (its part, the girls) and those it leaves out (its complement, the
/// boys); both add up over départements, regions and France, since each person has one département. They form two
/// tables over the hierarchy, the implied tables, which an intruder could attack by differences exactly like a published
/// count: the share of a region and of all its départements but one tells the last one's girls and boys.
/// <para>Each implied table is protected like a count (<see cref="Suppression.Protect"/>: primary, secondary of least
/// loss, whole table as the last resort); one share cell publishes both counts, so the share is published below France
/// only where both tables publish the cell, and hidden where a count it derives from is hidden
/// (the forced cells of <see cref="Protect"/>). When either table can only be hidden whole, the share is not
/// published below France. When the share's whole is itself a published count (the two sides then add up to it), the
/// three tables are protected together (<see cref="LinkedProtection"/>, the whole's pattern kept as it is).</para>
/// <para>Statuses of the implied tables: a count 1..threshold − 1 is <see cref="SuppressionStatus.Primary"/> (the
/// intruder is granted that it is small, which only makes the audit stricter); any other hidden cell is
/// <see cref="SuppressionStatus.Derived"/>: a hidden share does not tell that its counts are non-zero.</para>
/// </summary>
public static class ImpliedCounts
{
    /// <summary>The patterns of the two implied tables (one share cell each: hidden in one, hidden in both).</summary>
    public static ImpliedProtection Protect(
        CountTable part,
        CountTable complement,
        IReadOnlySet<CellRef> forced,
        DisclosureParameters parameters,
        (CountTable Table, SuppressionPattern Pattern)? whole = null)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(complement);
        ArgumentNullException.ThrowIfNull(forced);
        ArgumentNullException.ThrowIfNull(parameters);
        var h = part.Hierarchy;
        var own = (Part: Suppression.Protect(part, parameters), Complement: Suppression.Protect(complement, parameters));
        if (own.Part.WholeTableHidden || own.Complement.WholeTableHidden)
        {
            return Checked(part, complement, SuppressionPattern.WholeTable(h), SuppressionPattern.WholeTable(h), parameters, whole);
        }

        var hidden = h.Cells().Select(c => !own.Part.IsPublished(c) || !own.Complement.IsPublished(c) || forced.Contains(c)).ToArray();
        var (p, q) = (Statuses(part, hidden, parameters), Statuses(complement, hidden, parameters));
        if (whole is { } w)
        {
            var (patterns, audit) = LinkedProtection.Protect(
                [new(w.Table, w.Pattern, Adjustable: false, SmallOnly: true), new(part, p, Coupling: 0), new(complement, q, Coupling: 0)],
                [new Partition(0, [1, 2])],
                parameters);
            (p, q) = (patterns[1], patterns[2]);
            if (audit is not null)
            {
                // The group's own last attack is the audit (the two implied tables are hidden together by construction).
                return new(p, q, audit);
            }
        }

        return Checked(part, complement, p, q, parameters, whole);
    }

    /// <summary>
    /// The audit of a share's implied tables under given patterns: each table attacked (jointly with the whole when it is
    /// a published count: then only the small counts of the three tables are checked again, the whole's other cells having
    /// passed its own audit: their requirement, not to be pinned down, keeps a pointless secondary cell out, it protects no
    /// person), the two patterns hiding the same cells, and (when they stand alone) a whole-table pattern only
    /// when one of the two tables has no zero-publishing pattern that protects it; with a published whole, the linked
    /// protection comes to the whole table only after the maximal pattern failed.
    /// </summary>
    public static JointAuditResult Attack(
        CountTable part,
        CountTable complement,
        SuppressionPattern partPattern,
        SuppressionPattern complementPattern,
        DisclosureParameters parameters,
        (CountTable Table, SuppressionPattern Pattern)? whole = null)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(complement);
        ArgumentNullException.ThrowIfNull(partPattern);
        ArgumentNullException.ThrowIfNull(complementPattern);
        var audit = whole is { } w
            ? JointAudit.Attack([w.Table, part, complement], [w.Pattern, partPattern, complementPattern], [new Partition(0, [1, 2])], parameters, [0, 1, 2])
            : JointAudit.Attack([part, complement], [partPattern, complementPattern], [], parameters, [0, 1]);
        var tables = audit.Tables.ToArray();
        var (p, q) = whole is null ? (0, 1) : (1, 2);
        var mismatch = part.Hierarchy.Cells().FirstOrDefault(c => partPattern.IsHidden(c) != complementPattern.IsHidden(c));
        if (mismatch is not null)
        {
            tables[p] = WithFailure(tables[p], new(AuditFailureKind.StatusInconsistent, mismatch,
                $"{mismatch}: one share cell, hidden in one implied table and published in the other."));
        }

        if (whole is null && partPattern.IsWholeTableHidden && Suppression.ZeroPublishingPatternExists(part, parameters) && Suppression.ZeroPublishingPatternExists(complement, parameters))
        {
            tables[q] = WithFailure(tables[q], new(AuditFailureKind.UnnecessaryWholeTable, null,
                "The share is hidden below France although both its implied tables have a zero-publishing pattern that protects them."));
        }

        return new JointAuditResult(tables);
    }

    private static ImpliedProtection Checked(
        CountTable part, CountTable complement, SuppressionPattern p, SuppressionPattern q, DisclosureParameters parameters,
        (CountTable Table, SuppressionPattern Pattern)? whole) =>
        new(p, q, Attack(part, complement, p, q, parameters, whole));

    private static SuppressionPattern Statuses(CountTable table, bool[] hidden, DisclosureParameters parameters) =>
        new(table.Hierarchy, [.. table.CellValues.Select((v, i) =>
            !hidden[i] ? SuppressionStatus.Published : parameters.IsPrimary(v) ? SuppressionStatus.Primary : SuppressionStatus.Derived)]);

    private static AuditResult WithFailure(AuditResult result, AuditFailure failure) =>
        new(result.WholeTableHidden, result.Method, [.. result.Intervals], [.. result.Failures, failure]);
}

/// <summary>The patterns of a share's two implied tables and their audit; a share cell is published where both publish it.</summary>
public sealed class ImpliedProtection(SuppressionPattern part, SuppressionPattern complement, JointAuditResult audit)
{
    public SuppressionPattern Part { get; } = part;

    public SuppressionPattern Complement { get; } = complement;

    public JointAuditResult Audit { get; } = audit;

    /// <summary>The share is not published below France.</summary>
    public bool WholeTableHidden => Part.IsWholeTableHidden;

    public bool IsPublished(CellRef cell) => !Part.IsHidden(cell) && !Complement.IsHidden(cell);
}
