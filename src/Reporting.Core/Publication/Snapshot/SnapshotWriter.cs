using System.Text;
using Reporting.Indicators;
using Reporting.Publication.OpenData;

namespace Reporting.Publication.Snapshot;

/// <summary>A part of the publications rendered as text for the snapshot: a heading and its lines, in a stable order.</summary>
public sealed record SnapshotSection(string Title, IReadOnlyList<string> Lines);

/// <summary>
/// <c>snapshot-N.md</c>: everything published as plain text, one fact per line, in a stable order, so that a line diff
/// between two runs shows exactly what changed. Each publication contributes its sections (tables, chart series,
/// sentences); the cells of the open-data file come first, one per line.
/// </summary>
public static class SnapshotWriter
{
    public const string CellsHeading = "## Indicateurs (fichier open data)";

    public static byte[] Write(int year, IndicatorSet set, IEnumerable<SnapshotSection> sections)
    {
        var text = new StringBuilder();
        text.Append("# Instantané de la publication ").Append(year.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\n\n");
        text.Append("Une ligne par fait publié\u00A0: `indicateur année niveau territoire catégorie source = valeur`\u202F; c secret, x non disponible, z sans objet.\n\n");
        foreach (var section in sections)
        {
            text.Append("## ").Append(section.Title).Append("\n\n");
            foreach (var line in section.Lines)
            {
                text.Append(line).Append('\n');
            }

            text.Append('\n');
        }

        text.Append(CellsHeading).Append("\n\n");
        foreach (var cell in set.Cells)
        {
            var k = cell.Key;
            var shown = cell.Status == CellStatus.Published ? IndicatorCsvWriter.FormatValue(IndicatorCatalogue.Shipped[k.Indicator], cell.Shown) : Cell.StatusCode(cell.Status);
            text.Append(k.Indicator).Append(' ').Append(k.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(' ').Append(Cell.LevelCode(k.Level)).Append(' ')
                .Append(k.Territory).Append(' ').Append(k.Category).Append(' ').Append(k.Source).Append(" = ").Append(shown).Append('\n');
        }

        return new UTF8Encoding(false).GetBytes(text.ToString());
    }
}
