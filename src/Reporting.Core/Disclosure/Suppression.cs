namespace Reporting.Disclosure;

/// <summary>
/// Primary and secondary suppression of one count table (outputs.md, "Secret statistique"), ending with an
/// audit that the result must pass.
/// </summary>
public static class Suppression
{
    /// <summary>
    /// Hides every count 1..threshold − 1 (primary), then the fewest and smallest other non-zero cells needed
    /// for the audit to pass (secondary); when no zero-publishing pattern can pass, hides the whole
    /// sub-national table. The result's audit has passed; an internal inconsistency throws
    /// <see cref="InvalidOperationException"/> instead of returning an unprotected table.
    /// </summary>
    public static ProtectedTable Protect(CountTable table, DisclosureParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(parameters);
        var pattern = new PatternSearch(table, parameters).Run();
        var audit = Audit.Attack(table, pattern, parameters);
        if (!audit.Passed)
        {
            throw new InvalidOperationException("Internal error: the suppression pattern fails its own audit: " + audit);
        }

        return new ProtectedTable(table, parameters, pattern, audit);
    }

    /// <summary>
    /// The largest zero-publishing pattern: every non-zero region and département hidden (Primary when small,
    /// Secondary otherwise), zeros published. Any other zero-publishing pattern hides a subset of these cells.
    /// </summary>
    public static SuppressionPattern MaximalPattern(CountTable table, DisclosureParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(parameters);
        return new SuppressionPattern(table.Hierarchy, [.. table.CellValues.Select(v =>
            v == 0 ? SuppressionStatus.Published : parameters.IsPrimary(v) ? SuppressionStatus.Primary : SuppressionStatus.Secondary)]);
    }

    /// <summary>
    /// True when some zero-publishing pattern protects the table. Hiding a cell replaces its published value by a
    /// box that contains it, so the feasible set, hence every interval, can only grow: the maximal pattern is the
    /// most protective one, and it alone decides.
    /// </summary>
    internal static bool ZeroPublishingPatternExists(CountTable table, DisclosureParameters parameters)
    {
        var search = new PatternSearch(table, parameters);
        search.HideAllNonZero();
        return search.TotalDeficiency() == 0;
    }
}
