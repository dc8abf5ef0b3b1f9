namespace Reporting.Review;

/// <summary>The changed lines of one publication element; <see cref="BelowThreshold"/> changed lines left out by <c>--min-change</c>.</summary>
public sealed record ElementChanges(ElementKind Kind, string Name, IReadOnlyList<TextChange> Changes, int BelowThreshold)
{
    /// <summary>A département sheet's code (<c>Fiche 2A — Corse-du-Sud</c> → <c>2A</c>); the name otherwise.</summary>
    public string ShortName => Kind == ElementKind.Sheet && Name.Split(' ') is [_, var code, ..] ? code : Name;
}

/// <summary>A headline figure that changed: a key figure of the report, or a row of one of the report's tables.</summary>
/// <param name="Section">the report's section</param>
/// <param name="Table">the table's title; null for a key figure</param>
public sealed record HeadlineChange(string Section, string? Table, TextChange Change);

/// <summary>A replacement and the name of the row or key figure where it was first seen.</summary>
public sealed record LabelledSubstitution(string? Label, Substitution Substitution);

/// <summary>Département sheets that changed in the same way: the replacements they share (most often the national and regional figures every sheet repeats).</summary>
public sealed record SheetGroup(IReadOnlyList<string> Sheets, IReadOnlyList<LabelledSubstitution> Shared);

/// <summary>
/// The reviewers' diff of two publication folders, in the order a reviewer reads it: what the editions were made from
/// (inputs, settings), the headline figures (the report's key figures and tables), every publication element's changed
/// lines side by side (report sections, workbook tables, département sheets), and the open-data cells. Nothing is
/// recomputed: both folders are read as published.
/// </summary>
public sealed record PublicationComparison(
    string OldFolder,
    string NewFolder,
    ChangeThreshold Threshold,
    InputComparison Inputs,
    IReadOnlyList<HeadlineChange> Headline,
    IReadOnlyList<ElementChanges> Elements,
    CellComparison Cells,
    int SheetCount)
{
    public bool AnythingChanged => Inputs.AnythingChanged || Headline.Count > 0 || Cells.Count > 0
        || Elements.Any(e => e.Changes.Count + e.BelowThreshold > 0);

    /// <summary>Changed lines of the report, the workbook and the sheets left out by the threshold.</summary>
    public int TextBelowThreshold => Elements.Sum(e => e.BelowThreshold);

    public IEnumerable<ElementChanges> Of(ElementKind kind) => Elements.Where(e => e.Kind == kind && e.Changes.Count > 0);

    /// <summary>
    /// The changed sheets grouped by the replacements they share with other sheets (a replacement, with its row's name,
    /// seen in two sheets or more): one line per group says what every sheet of the group repeats.
    /// </summary>
    public IReadOnlyList<SheetGroup> SheetGroups()
    {
        var shared = SharedSubstitutions();
        return [.. Of(ElementKind.Sheet)
            .Select(s => (s.ShortName, Shared: Labelled(s).Where(shared.Contains).Distinct().ToArray()))
            .Where(s => s.Shared.Length > 0)
            // Grouped by the replacements themselves: sheets that print the same regional figure in different rows go together.
            .GroupBy(s => string.Join('\u0001', s.Shared.Select(x => x.Substitution.Key).Distinct().Order(StringComparer.Ordinal)), StringComparer.Ordinal)
            .Select(g => new SheetGroup([.. g.Select(s => s.ShortName)], [.. g.SelectMany(s => s.Shared).Distinct()]))];
    }

    /// <summary>A sheet's own changed lines: those with a replacement no other sheet shares, and lines that appeared or disappeared.</summary>
    public IReadOnlyList<TextChange> OwnChanges(ElementChanges sheet)
    {
        var shared = SharedSubstitutions();
        return [.. sheet.Changes.Where(c => c.Old is null || c.New is null || c.Substitutions.Count == 0
            || c.Substitutions.Any(s => !shared.Contains(new LabelledSubstitution(c.Label, s))))];
    }

    /// <summary>The replacements seen in two sheets or more, computed once per comparison (the report asks for every sheet).</summary>
    private HashSet<LabelledSubstitution> SharedSubstitutions() => SharedCache.GetValue(this, comparison =>
        [.. comparison.Of(ElementKind.Sheet).SelectMany(s => Labelled(s).Distinct()).GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key)]);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PublicationComparison, HashSet<LabelledSubstitution>> SharedCache = new();

    private static IEnumerable<LabelledSubstitution> Labelled(ElementChanges sheet) =>
        sheet.Changes.SelectMany(c => c.Substitutions.Select(s => new LabelledSubstitution(c.Label, s)));
}
