namespace Reporting.Disclosure;

/// <summary>How the secondary cells are chosen.</summary>
public enum SuppressionMethod
{
    /// <summary>The greedy search of <see cref="PatternSearch"/>: fast, not minimal.</summary>
    Heuristic = 0,

    /// <summary>
    /// The least information loss (<see cref="InformationLoss"/>), by an integer programme (<see cref="OptimalSuppression"/>),
    /// never worse than the heuristic, which is its starting point and fallback.
    /// </summary>
    Optimal = 1,
}

/// <summary>
/// Primary and secondary suppression of one count table (outputs.md, "Secret statistique"), ending with an
/// audit that the result must pass.
/// </summary>
public static class Suppression
{
    /// <summary>
    /// Hides every count 1..threshold − 1 (primary), then the other non-zero cells of least information loss
    /// needed for the audit to pass (secondary; <see cref="SuppressionMethod.Heuristic"/>: the fewest and smallest
    /// the greedy search finds); when no zero-publishing pattern can pass, hides the whole sub-national table. The result's audit has passed; an internal inconsistency throws
    /// <see cref="InvalidOperationException"/> instead of returning an unprotected table.
    /// </summary>
    public static ProtectedTable Protect(CountTable table, DisclosureParameters parameters, SuppressionMethod method = SuppressionMethod.Optimal)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(parameters);
        var heuristic = new PatternSearch(table, parameters).Run();
        var pattern = method == SuppressionMethod.Optimal ? OptimalSuppression.Improve(table, parameters, heuristic) : heuristic;
        var audit = Audit.Attack(table, pattern, parameters);
        if (!audit.Passed)
        {
            throw new InvalidOperationException("Internal error: the suppression pattern fails its own audit: " + audit);
        }

        return new ProtectedTable(table, parameters, pattern, audit);
    }

    /// <summary>
    /// The largest zero-publishing pattern that can pass: every non-zero region and département hidden (Primary when
    /// small, Secondary otherwise), zeros published, except the non-small cells the intruder pins down even then (a
    /// region that is the only non-zero one equals France): publishing them tells him nothing he does not already
    /// know, and a hidden cell must not be pinned down. The whole table may be hidden only when this pattern fails.
    /// </summary>
    public static SuppressionPattern MaximalPattern(CountTable table, DisclosureParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(parameters);
        return new PatternSearch(table, parameters).Maximal();
    }

    /// <summary>
    /// True when some zero-publishing pattern protects the table. Hiding a cell replaces its published value by a
    /// box that contains it, so the feasible set, hence every interval, can only grow; a secondary cell pinned down
    /// is published at no cost. The maximal pattern is therefore the most protective one, and it alone decides.
    /// </summary>
    internal static bool ZeroPublishingPatternExists(CountTable table, DisclosureParameters parameters) =>
        new PatternSearch(table, parameters).HideMaximal();
}
