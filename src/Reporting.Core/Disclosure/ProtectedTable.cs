using System.Collections.Immutable;

namespace Reporting.Disclosure;

/// <summary>Number of region and département cells under each status (France is not counted).</summary>
public sealed record SuppressionCounts(int Published, int Primary, int Secondary, int WholeTableHidden)
{
    public int Hidden => Primary + Secondary + WholeTableHidden;

    internal static SuppressionCounts Of(SuppressionPattern pattern) => new(
        pattern.Statuses.Count(s => s == SuppressionStatus.Published),
        pattern.Statuses.Count(s => s == SuppressionStatus.Primary),
        pattern.Statuses.Count(s => s == SuppressionStatus.Secondary),
        pattern.Statuses.Count(s => s == SuppressionStatus.WholeTableHidden));
}

/// <summary>A table with its suppression pattern and the audit that the pattern passed.</summary>
public sealed class ProtectedTable
{
    /// <summary>The words every publication prints when <see cref="WholeTableHidden"/> is set (outputs.md).</summary>
    public const string WholeTableHiddenNotice = "effectifs trop faibles pour une publication départementale";

    internal ProtectedTable(CountTable table, DisclosureParameters parameters, SuppressionPattern pattern, AuditResult audit)
    {
        Table = table;
        Parameters = parameters;
        Pattern = pattern;
        Audit = audit;
        Counts = SuppressionCounts.Of(pattern);
    }

    public CountTable Table { get; }

    public DisclosureParameters Parameters { get; }

    public SuppressionPattern Pattern { get; }

    /// <summary>The audit of <see cref="Pattern"/>; always passed (Protect throws otherwise).</summary>
    public AuditResult Audit { get; }

    public SuppressionCounts Counts { get; }

    /// <summary>No zero-publishing pattern protects the table: every region and département is hidden.</summary>
    public bool WholeTableHidden => Pattern.IsWholeTableHidden;

    public ImmutableSortedDictionary<string, SuppressionStatus> RegionStatuses => Pattern.Regions;

    public ImmutableSortedDictionary<string, SuppressionStatus> DepartementStatuses => Pattern.Departements;

    public SuppressionStatus StatusOf(CellRef cell) => Pattern.StatusOf(cell);

    public bool IsPublished(CellRef cell) => !Pattern.IsHidden(cell);
}
