using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;
using Reporting.Indicators;
using Reporting.Publication;
using Reporting.Publication.OpenData;

namespace Reporting.Review;

/// <summary>
/// Figures on demand: one territory's published cells, pivoted by year, read from a publication folder. They are the
/// published cells themselves, so they hide exactly what the publications hide; nothing is recomputed.
/// </summary>
public static class TerritoryFigures
{
    /// <summary>The territory's cells as a data frame: indicateur, categorie, source, annee, valeur (null unless published), statut.</summary>
    public static DataFrame Load(string publicationFolder, string level, string territory, int fromYear, int toYear, string? category)
    {
        var rows = IndicatorCsvReader.Read(IndicatorCsvReader.FindIn(publicationFolder))
            .Where(c => c.Level == level && c.Territory == territory && c.Year >= fromYear && c.Year <= toYear && (category is null || c.Category == category))
            .ToArray();
        return new DataFrame(
            new StringDataFrameColumn("indicateur", rows.Select(r => r.Indicator)),
            new StringDataFrameColumn("categorie", rows.Select(r => r.Category)),
            new StringDataFrameColumn("source", rows.Select(r => r.Source)),
            new PrimitiveDataFrameColumn<int>("annee", rows.Select(r => r.Year)),
            new PrimitiveDataFrameColumn<decimal>("valeur", rows.Select(r => r.Number)),
            new StringDataFrameColumn("statut", rows.Select(r => r.Status)));
    }

    /// <summary>
    /// A text table: one row per indicator (its catalogue label), category and source, one column per year; hidden cells
    /// as their symbol. An indicator the catalogue does not know (a file of another version) is named by its code.
    /// </summary>
    public static string Render(DataFrame frame, string title, IndicatorCatalogue? catalogue = null)
    {
        catalogue ??= IndicatorCatalogue.Shipped;
        var years = frame.Columns["annee"].Cast<int>().Distinct().Order().ToArray();
        var table = new SortedDictionary<string, Dictionary<int, string>>(StringComparer.Ordinal);
        for (long i = 0; i < frame.Rows.Count; i++)
        {
            var indicator = (string)frame.Columns["indicateur"][i];
            var key = $"{catalogue.Find(indicator)?.Label ?? indicator} | {frame.Columns["categorie"][i]} | {frame.Columns["source"][i]}";
            var status = (string)frame.Columns["statut"][i];
            var value = frame.Columns["valeur"][i] is decimal v ? French(catalogue, indicator, v) : string.Empty;
            if (!table.TryGetValue(key, out var byYear))
            {
                byYear = [];
                table[key] = byYear;
            }

            byYear[(int)frame.Columns["annee"][i]] = status.Length > 0 ? status : value;
        }

        var width = table.Keys.Select(k => k.Length).DefaultIfEmpty(10).Max();
        var text = new StringBuilder();
        text.Append(title).Append('\n');
        text.Append("indicateur | catégorie | source".PadRight(width));
        foreach (var y in years)
        {
            text.Append(y.ToString(CultureInfo.InvariantCulture).PadLeft(9));
        }

        text.Append('\n');
        foreach (var (key, byYear) in table)
        {
            text.Append(key.PadRight(width));
            foreach (var y in years)
            {
                text.Append((byYear.GetValueOrDefault(y) ?? string.Empty).PadLeft(9));
            }

            text.Append('\n');
        }

        text.Append(Vocabulary.Symbols).Append('\n');
        return text.ToString();
    }

    /// <summary>Decimal comma for the ministry's readers; no thousands separator so that columns stay aligned in a terminal.</summary>
    private static string French(IndicatorCatalogue catalogue, string indicator, decimal v) =>
        (catalogue.Find(indicator) is { } d ? IndicatorCsvWriter.FormatValue(d, v) : v.ToString(CultureInfo.InvariantCulture)).Replace('.', ',');
}
