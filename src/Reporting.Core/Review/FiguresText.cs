using System.Globalization;
using System.Text;
using Reporting.Publication;
using Reporting.Publication.Narrative;

namespace Reporting.Review;

/// <summary>
/// Figures for people: one block per territory and category, the years across (as many as the width allows, the rest
/// in a block below), one line per indicator and source, labelled in French from the vocabulary and the indicator
/// catalogue; statuses and series breaks explained under the table. As a terminal table or as Markdown.
/// </summary>
public static class FiguresText
{
    private const int LabelWidth = 26;
    private const int ValueWidth = 7;

    /// <summary>The superscript marks of series breaks, by note number.</summary>
    private static readonly string[] Marks = ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];

    /// <summary>Colours for a terminal: hidden cells dim, series breaks yellow, titles bold (ANSI; none in a file).</summary>
    public sealed record Style(string Bold, string Dim, string Mark, string Reset)
    {
        public static readonly Style Plain = new(string.Empty, string.Empty, string.Empty, string.Empty);

        public static readonly Style Ansi = new("\u001b[1m", "\u001b[2m", "\u001b[33m", "\u001b[0m");
    }

    public static string Table(FiguresResult result, int width = 100, Style? style = null)
    {
        style ??= Style.Plain;
        var text = new StringBuilder();
        var perBlock = Math.Max(1, (width - LabelWidth) / ValueWidth);
        foreach (var block in Blocks(result))
        {
            foreach (var line in Wrap(BlockTitle(block.Key, result.Edition), width))
            {
                text.Append(style.Bold).Append(line).Append(style.Reset).Append('\n');
            }

            var years = block.Select(r => r.Year).Distinct().Order().ToArray();
            foreach (var chunk in years.Chunk(perBlock))
            {
                text.Append('\n').Append(new string(' ', LabelWidth));
                foreach (var y in chunk)
                {
                    text.Append(y.ToString(CultureInfo.InvariantCulture).PadLeft(ValueWidth));
                }

                text.Append('\n');
                foreach (var indicator in block.GroupBy(r => r.Indicator))
                {
                    text.Append(Clip(indicator.First().IndicatorLabel, width)).Append('\n');
                    foreach (var series in indicator.GroupBy(r => r.Source))
                    {
                        text.Append("  ").Append(Clip(SourceLabel(series.Key), LabelWidth - 2).PadRight(LabelWidth - 2));
                        var byYear = series.ToDictionary(r => r.Year);
                        foreach (var y in chunk)
                        {
                            text.Append(byYear.TryGetValue(y, out var row) ? Cell(row, style) : new string(' ', ValueWidth));
                        }

                        text.Append('\n');
                    }
                }
            }

            text.Append('\n');
        }

        foreach (var line in Legend(result).SelectMany(l => Wrap(l, width)))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    public static string Markdown(FiguresResult result)
    {
        var text = new StringBuilder();
        foreach (var block in Blocks(result))
        {
            text.Append("## ").Append(BlockTitle(block.Key, result.Edition)).Append("\n\n");
            var years = block.Select(r => r.Year).Distinct().Order().ToArray();
            text.Append("| indicateur | source | ").AppendJoin(" | ", years.Select(y => y.ToString(CultureInfo.InvariantCulture))).Append(" |\n");
            text.Append("|---|---|").AppendJoin(string.Empty, years.Select(_ => "---:|")).Append('\n');
            foreach (var series in block.GroupBy(r => (r.Indicator, r.Source)))
            {
                var byYear = series.ToDictionary(r => r.Year);
                text.Append("| ").Append(series.First().IndicatorLabel).Append(" | ").Append(SourceLabel(series.Key.Source)).Append(" | ");
                text.AppendJoin(" | ", years.Select(y => byYear.TryGetValue(y, out var row) ? Shown(row) + (row.Break is { } b ? Marks[Math.Min(b.Number, Marks.Length) - 1] : string.Empty) : string.Empty));
                text.Append(" |\n");
            }

            text.Append('\n');
        }

        foreach (var line in Legend(result))
        {
            text.Append(line).Append("\n\n");
        }

        return text.ToString();
    }

    /// <summary>The value as the publications write it (decimal comma, grouped thousands), or its status symbol.</summary>
    public static string Shown(FigureRow row) => row.Value is { } v
        ? row.Decimals == 0 ? FrenchFormat.Integer(v) : FrenchFormat.Decimal(v, row.Decimals)
        : row.Status;

    public static string SourceLabel(string code) => FiguresPublication.SourceOrder.Contains(code) ? Vocabulary.Source(code) : code;

    public static string CategoryLabel(string code) => Harmonisation.Category.IsKnown(code) ? Vocabulary.Category(code) : code;

    /// <summary>What the symbols mean (only those shown), then each series break by its mark.</summary>
    public static IEnumerable<string> Legend(FiguresResult result)
    {
        var statuses = result.Rows.Select(r => r.Status).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var (symbol, meaning) in Publication.Workbook.Labels.Symbols)
        {
            var plain = symbol.Trim('[', ']');
            if (statuses.Contains(plain))
            {
                yield return $"{plain} : {meaning}.";
            }
        }

        if (statuses.Contains("c"))
        {
            yield return "Une case est aussi masquée pour qu'on ne puisse pas retrouver par différence une autre case masquée (secret secondaire) : "
                + "le total d'une région peut ainsi être masqué alors qu'un de ses départements est publié.";
        }

        foreach (var b in result.Breaks)
        {
            yield return $"{Marks[Math.Min(b.Number, Marks.Length) - 1]} Rupture de série en {b.Year} ({SourceLabel(b.Source)}, {b.Category}) : {b.Note}";
        }
    }

    private static IEnumerable<IGrouping<(FiguresTerritory Territory, string Category), FigureRow>> Blocks(FiguresResult result) =>
        result.Rows.GroupBy(r => (r.Territory, r.Category));

    private static string BlockTitle((FiguresTerritory Territory, string Category) key, string edition) =>
        $"{key.Territory.Title} — {CategoryLabel(key.Category)} ({key.Category}) — publication {edition}";

    private static string Cell(FigureRow row, Style style)
    {
        var mark = row.Break is { } b ? Marks[Math.Min(b.Number, Marks.Length) - 1] : string.Empty;
        var shown = Shown(row);
        var pad = new string(' ', Math.Max(1, ValueWidth - shown.Length - mark.Length));
        var colour = row.Value is null ? style.Dim : string.Empty;
        var reset = row.Value is null ? style.Reset : string.Empty;
        return pad + colour + shown + reset + (mark.Length > 0 ? style.Mark + mark + style.Reset : string.Empty);
    }

    /// <summary>Lines of at most <paramref name="width"/> characters, cut between words.</summary>
    public static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append("  ");
            }

            line.Append(line.Length > 0 && line.ToString() != "  " ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
