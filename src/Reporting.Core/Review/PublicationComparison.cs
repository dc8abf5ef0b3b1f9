using Reporting.Indicators;
using Reporting.Publication.OpenData;

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

    private HashSet<LabelledSubstitution> SharedSubstitutions() =>
        [.. Of(ElementKind.Sheet).SelectMany(s => Labelled(s).Distinct()).GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key)];

    private static IEnumerable<LabelledSubstitution> Labelled(ElementChanges sheet) =>
        sheet.Changes.SelectMany(c => c.Substitutions.Select(s => new LabelledSubstitution(c.Label, s)));
}

public static partial class PublicationDiff
{
    /// <summary>Compares two publication folders (see <see cref="PublicationComparison"/>).</summary>
    public static PublicationComparison Compare(string oldFolder, string newFolder, ChangeThreshold threshold, IndicatorCatalogue? catalogue = null)
    {
        catalogue ??= IndicatorCatalogue.Shipped;
        var oldCells = IndicatorCsvReader.Read(IndicatorCsvReader.FindIn(oldFolder)).ToArray();
        var newCells = IndicatorCsvReader.Read(IndicatorCsvReader.FindIn(newFolder)).ToArray();
        var inputs = InputComparison.Compare(oldFolder, newFolder);
        var (headline, elements, sheets) = CompareElements(SnapshotElements.Read(oldFolder), SnapshotElements.Read(newFolder), threshold);
        return new PublicationComparison(oldFolder, newFolder, threshold, inputs, headline, elements, CellComparison.Compare(oldCells, newCells, threshold, catalogue), sheets);
    }

    /// <summary>Every element's changed lines; the report's key figures and table rows set apart as the headline figures.</summary>
    public static (IReadOnlyList<HeadlineChange> Headline, IReadOnlyList<ElementChanges> Elements, int Sheets) CompareElements(
        IReadOnlyList<SnapshotElement> old, IReadOnlyList<SnapshotElement> @new, ChangeThreshold threshold)
    {
        var oldById = old.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newIds = @new.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        // The new edition's order; an element only the old edition had is compared where it stood.
        var order = @new.Concat(old.Where(e => !newIds.Contains(e.Id))).DistinctBy(e => e.Id, StringComparer.Ordinal);
        var headline = new List<HeadlineChange>();
        var elements = new List<ElementChanges>();
        foreach (var element in order)
        {
            var before = oldById.GetValueOrDefault(element.Id)?.Lines ?? [];
            var after = newIds.Contains(element.Id) ? element.Lines : [];
            var header = element.Kind == ElementKind.Workbook ? TableHeader(after.Count > 0 ? after : before) ?? [] : null;
            var blocks = element.Kind == ElementKind.Report ? Blocks(before).Concat(Blocks(after)).DistinctBy(kv => kv.Key).ToDictionary(StringComparer.Ordinal) : null;
            var kept = new List<TextChange>();
            var below = 0;
            foreach (var pair in LineAlignment.Differences(before, after))
            {
                var change = TextChanges.Of(pair, header);
                if (!threshold.Keeps(change))
                {
                    below++;
                }
                else if (blocks is not null && blocks.GetValueOrDefault(pair.New ?? pair.Old!) is { } block)
                {
                    headline.Add(new HeadlineChange(element.Name, block.Length == 0 ? null : block, change));
                }
                else
                {
                    kept.Add(change);
                }
            }

            elements.Add(new ElementChanges(element.Kind, element.Name, kept, below));
        }

        return (headline, elements, @new.Count(e => e.Kind == ElementKind.Sheet));
    }

    /// <summary>
    /// The report's headline lines and where they stand: a key figure (empty title) or a row of a table (the table's title).
    /// A table is a <c>tableau :</c> line and its indented rows; its note is not a figure.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string>> Blocks(IReadOnlyList<string> lines)
    {
        string? table = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("chiffre clé", StringComparison.Ordinal))
            {
                table = null;
                yield return new(line, string.Empty);
            }
            else if (line.StartsWith("tableau", StringComparison.Ordinal))
            {
                table = AfterMark(line);
            }
            else if (!line.StartsWith("  ", StringComparison.Ordinal))
            {
                table = null;
            }
            else if (table is not null && !line.TrimStart().StartsWith("note", StringComparison.Ordinal))
            {
                yield return new(line, table);
            }
        }
    }

    /// <summary>The text after a snapshot mark (<c>tableau : Tableau 1 – …</c> → <c>Tableau 1 – …</c>).</summary>
    private static string AfterMark(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? line : line[(colon + 1)..].Trim();
    }

    /// <summary>A workbook table's column headers: its widest line before the first data row (the header row).</summary>
    private static IReadOnlyList<string>? TableHeader(IReadOnlyList<string> lines)
    {
        var widest = lines.Take(12).Select(l => l.Split(';')).Where(c => c.Length >= 4).MaxBy(c => c.Length);
        return widest;
    }
}
