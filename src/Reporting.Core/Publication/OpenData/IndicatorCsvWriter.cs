using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Reporting.Indicators;

namespace Reporting.Publication.OpenData;

/// <summary>
/// <c>indicateurs-N.csv</c> exactly as outputs.md fixes it: UTF-8 with BOM, <c>;</c>, <c>.</c> decimals, one line per
/// cell sorted by the first six columns; counts as integers, other values with one decimal; the value empty unless published.
/// </summary>
public static class IndicatorCsvWriter
{
    public static readonly string[] Header = ["indicateur", "annee", "niveau", "territoire", "categorie", "source", "valeur", "statut"];

    public static byte[] Write(IndicatorSet set, IndicatorCatalogue? catalogue = null)
    {
        catalogue ??= IndicatorCatalogue.Shipped;
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", NewLine = "\n" }))
        {
            foreach (var h in Header)
            {
                csv.WriteField(h);
            }

            csv.NextRecord();
            foreach (var cell in set.Cells)
            {
                var k = cell.Key;
                csv.WriteField(k.Indicator);
                csv.WriteField(k.Year.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(Cell.LevelCode(k.Level));
                csv.WriteField(k.Territory);
                csv.WriteField(k.Category);
                csv.WriteField(k.Source);
                csv.WriteField(FormatValue(catalogue[k.Indicator], cell.Shown));
                csv.WriteField(Cell.StatusCode(cell.Status));
                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The value as the open-data file writes it: the indicator's decimals (outputs.md), invariant culture.</summary>
    public static string FormatValue(IndicatorDefinition indicator, decimal? value) => value switch
    {
        null => string.Empty,
        { } v => v.ToString(indicator.OpenDataDecimals == 0 ? "0" : "0." + new string('0', indicator.OpenDataDecimals), CultureInfo.InvariantCulture),
    };
}
