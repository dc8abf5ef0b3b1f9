using System.Globalization;
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
        return OpenDataCsv.Write(Header, set.Cells.Select(cell => (IReadOnlyList<string>)
        [
            cell.Key.Indicator,
            cell.Key.Year.ToString(CultureInfo.InvariantCulture),
            Cell.LevelCode(cell.Key.Level),
            cell.Key.Territory,
            cell.Key.Category,
            cell.Key.Source,
            FormatValue(catalogue[cell.Key.Indicator], cell.Shown),
            Cell.StatusCode(cell.Status),
        ]));
    }

    /// <summary>The value as the open-data file writes it: the indicator's decimals (outputs.md), invariant culture.</summary>
    public static string FormatValue(IndicatorDefinition indicator, decimal? value) => value switch
    {
        null => string.Empty,
        { } v => v.ToString(indicator.OpenDataDecimals == 0 ? "0" : "0." + new string('0', indicator.OpenDataDecimals), CultureInfo.InvariantCulture),
    };
}
