using System.Globalization;
using System.Text.RegularExpressions;
using Reporting.Publication.Charts;
using Reporting.Publication.Narrative;

namespace Reporting.Publication.Report;

/// <summary>
/// The alternative text of each chart and of the map (PDF/UA-1, 7.3; Matterhorn 13-004), written from the element's
/// own published data: what a reader who cannot see the figure needs, the range of each series and its breaks (which
/// series they cut), the groups of bars, the map's classes. A value that is not published is never in it: the element holds null for it, and
/// the text says "non publié". It ends with where the figure's data are, as a table (the edition's workbook and
/// open-data file). The words are here, in one place, until the templates carry them.
/// </summary>
public static partial class AltText
{
    private const string NotPublished = "non publié";

    /// <summary>The alternative text of a figure element; null for any other element.</summary>
    public static string? For(Element element) => element switch
    {
        ChartElement { IsBar: true } bars => Bars(bars),
        ChartElement lines => Lines(lines),
        MapElement map => Map(map),
        _ => null,
    };

    private static string Lines(ChartElement chart)
    {
        var years = chart.Series.SelectMany(s => s.Points).Select(p => p.Year).DefaultIfEmpty().ToArray();
        var parts = new List<string> { Title(chart.Numbered) + ".", $"Graphique en courbes ({Unit(chart.Axis)}), de {Year(years.Min())} à {Year(years.Max())}." };
        foreach (var series in chart.Series)
        {
            var points = series.Points.OrderBy(p => p.Year).ToArray();
            var published = points.Where(p => p.Value is not null).ToArray();
            if (published.Length == 0)
            {
                parts.Add($"{series.Name} : {NotPublished}.");
                continue;
            }

            var low = published.MinBy(p => p.Value!.Value);
            var high = published.MaxBy(p => p.Value!.Value);
            var text = $"{series.Name} : de {Value(published[0], chart.Axis)} en {Year(published[0].Year)} à {Value(published[^1], chart.Axis)} en {Year(published[^1].Year)}";
            var ends = new[] { published[0].Year, published[^1].Year };
            if (!ends.Contains(low.Year))
            {
                text += $", au plus bas {Value(low, chart.Axis)} en {Year(low.Year)}";
            }

            if (!ends.Contains(high.Year))
            {
                text += $", au plus haut {Value(high, chart.Axis)} en {Year(high.Year)}";
            }

            var missing = points.Where(p => p.Value is null).Select(p => Year(p.Year)).ToArray();
            if (missing.Length > 0)
            {
                text += $" ; {NotPublished} en {string.Join(", ", missing)}";
            }

            parts.Add(text + ".");
        }

        parts.AddRange(chart.Breaks.OrderBy(b => b.Year).Select(b => Break(chart, b.Year)));
        parts.Add(Data(chart.Numbered, chart.Series.SelectMany(s => s.Points).Select(p => p.Year)));
        return string.Join(" ", parts);
    }

    /// <summary>A break as the chart draws it: which series it cuts, and that no line joins the year before to it.</summary>
    private static string Break(ChartElement chart, int year)
    {
        var cut = chart.Series.Where(s => s.BreaksAt(year)).Select(s => s.Name).ToArray();
        var gap = $"les courbes sont interrompues entre {Year(year - 1)} et {Year(year)}";
        return cut.Length == 0 ? $"Rupture de série en {Year(year)}."
            : cut.Length == chart.Series.Count ? $"Rupture de série en {Year(year)} : {gap}."
            : $"Rupture de série en {Year(year)} ({string.Join(", ", cut)}) : {gap}.";
    }

    private static string Bars(ChartElement chart)
    {
        var names = chart.BarSeries ?? [];
        var groups = chart.Bars!.Select(g => $"{g.Label} : " + string.Join(", ", g.Values.Select((v, i) =>
            (names.Count > 1 ? names[i] + " " : string.Empty) + (v is { } x ? Number(x, chart.Axis) : NotPublished))));
        return string.Join(" ", Title(chart.Numbered) + ".", $"Graphique en barres ({Unit(chart.Axis)}).", string.Join(" ; ", groups) + ".", Data(chart.Numbered, []));
    }

    private static string Map(MapElement map)
    {
        var counts = map.ClassLabels.Select((label, i) => (label, n: map.Tiles.Count(t => t.State == TileState.Published && t.Class == i)))
            .Select(c => $"{c.label} : {Departements(c.n)}");
        var secret = map.Tiles.Count(t => t.State == TileState.Secret);
        var missing = map.Tiles.Count(t => t.State == TileState.NotAvailable);
        var top = map.ClassLabels.Count - 1;
        var highest = map.Tiles.Where(t => t.State == TileState.Published && t.Class == top).Select(t => t.Code).Order(StringComparer.Ordinal).ToArray();
        var parts = new List<string>
        {
            Title(map.Numbered) + ".",
            $"Carte des {map.Tiles.Count} départements en {map.ClassLabels.Count} classes ({Unit(map.Legend)}) : {string.Join(" ; ", counts)} ; secret statistique : {Departements(secret)} ; non disponible : {Departements(missing)}.",
        };
        if (highest.Length > 0)
        {
            parts.Add($"Classe la plus élevée : {string.Join(", ", highest.Select(code => $"{code} ({map.Shown[code]})"))}.");
        }

        parts.Add(Data(map.Numbered, []));
        return string.Join(" ", parts);
    }

    /// <summary>Where the figure's data are as a table: the workbook and open-data file of the figure's year.</summary>
    private static string Data(string numbered, IEnumerable<int> years)
    {
        var year = years.DefaultIfEmpty().Max() is var y and > 0 ? Year(y) : TrailingYear().Match(numbered) is { Success: true } m ? m.Groups[1].Value : null;
        return year is null
            ? "Données de la figure : classeur de tableaux et fichier de données ouvertes de l'édition."
            : $"Données de la figure : classeur tableaux-{year}.xlsx et fichier de données ouvertes indicateurs-{year}.csv.";
    }

    /// <summary>The title without its number ("Figure 2 – "), which the caption already reads.</summary>
    private static string Title(string numbered) => numbered.IndexOf(" – ", StringComparison.Ordinal) is var at and >= 0 ? numbered[(at + 3)..] : numbered;

    private static string Unit(string axis) => axis == "%" ? "en %" : axis.ToLowerInvariant();

    private static string Departements(int n) => n switch { 0 => "aucun département", 1 => "1 département", _ => $"{n} départements" };

    private static string Value(YearValue point, string axis) => Number(point.Value!.Value, axis);

    /// <summary>As the snapshot writes a chart value (one decimal, none when whole), with the unit when it is a share.</summary>
    private static string Number(double value, string axis)
    {
        var text = FrenchFormat.Decimal((decimal)value).Replace(",0", string.Empty, StringComparison.Ordinal);
        return axis == "%" ? text + FrenchFormat.NoBreakSpace + "%" : text;
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d{4})\D*$")]
    private static partial Regex TrailingYear();
}
