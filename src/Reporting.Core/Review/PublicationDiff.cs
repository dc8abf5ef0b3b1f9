using Reporting.Indicators;
using Reporting.Publication.OpenData;

namespace Reporting.Review;

/// <summary>
/// The reviewers' diff of two published folders (<see cref="PublicationComparison"/>): the manifests, the snapshot cut into
/// publication elements and aligned line by line, and the open-data cells compared key by key. It reads publications; it
/// never recomputes.
/// </summary>
public static class PublicationDiff
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
