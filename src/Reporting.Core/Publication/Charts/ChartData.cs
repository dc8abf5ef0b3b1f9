using Reporting.Harmonisation;

namespace Reporting.Publication.Charts;

/// <summary>One year's value; <c>null</c> when the figure is not published (hidden or not available): the line has a gap there.</summary>
public readonly record struct YearValue(int Year, double? Value);

/// <summary>One drawn run of a series: consecutive published years with no series break between them.</summary>
public sealed record SeriesSegment(IReadOnlyList<(int Year, double Value)> Points);

/// <summary>
/// What a series is, whatever chart or sheet draws it: a category, a source, a group of victims or a territory. Its style
/// (colour, weight, dash, marker) comes from this identity alone (<see cref="Pdf.Palette.For"/>), so that « Prostitution »
/// or « France » looks the same in every figure of the report, of the 101 sheets and of the web edition. All categories
/// and all sources, in France, is one identity: the total, drawn emphasised.
/// </summary>
public sealed record SeriesKey(string Kind, string Code)
{
    /// <summary>All categories, all sources, France: the figure every other series is a part of or is compared with.</summary>
    public static SeriesKey Total { get; } = new("total", "ensemble");

    /// <summary>The département of a sheet (any sheet: « the département » is one identity across the 101).</summary>
    public static SeriesKey Departement { get; } = new("territoire", "departement");

    /// <summary>The région of a sheet's département.</summary>
    public static SeriesKey Region { get; } = new("territoire", "region");

    /// <summary>France beside a département: all categories, all sources, France — the total.</summary>
    public static SeriesKey France => Total;

    public static SeriesKey Girls { get; } = new("groupe", "filles");

    public static SeriesKey Under15 { get; } = new("groupe", "moins-15-ans");

    public bool IsTotal => this == Total;

    /// <summary>A step of the penal chain (justice, one category), named by its count: decision, dismissal, prosecution, conviction.</summary>
    public static SeriesKey Step(string indicator) => new("etape", indicator);

    /// <summary>A category of the nomenclature, all sources; all categories is the total.</summary>
    public static SeriesKey Category(string code) => code == Harmonisation.Category.All ? Total : new("categorie", code);

    /// <summary>A source, all categories; all sources is the total.</summary>
    public static SeriesKey Source(string code) => code == Availability.AllSources ? Total : new("source", code);
}

/// <summary>
/// A named series over years, in the words the reader sees ("Police et gendarmerie"), with its identity (its style) and
/// the years from which it is not comparable with the year before (its series breaks).
/// </summary>
/// <param name="Key">what the series is; null only in ad-hoc charts, which then style their series by position</param>
/// <param name="Breaks">years at which this series breaks: no line joins the year before to that year</param>
public sealed record ChartSeries(string Name, IReadOnlyList<YearValue> Points, SeriesKey? Key = null, IReadOnlyList<int>? Breaks = null)
{
    public bool BreaksAt(int year) => Breaks?.Contains(year) == true;

    /// <summary>
    /// The runs a renderer draws as lines: consecutive published years, cut at every year that is not published (or
    /// missing) and at every break of this series. A run of one year is drawn as its marker alone.
    /// </summary>
    public IReadOnlyList<SeriesSegment> Segments()
    {
        var segments = new List<SeriesSegment>();
        List<(int Year, double Value)>? current = null;
        foreach (var point in Points.OrderBy(p => p.Year))
        {
            if (point.Value is not { } value)
            {
                current = null;
                continue;
            }

            if (current is null || current[^1].Year != point.Year - 1 || BreaksAt(point.Year))
            {
                current = [];
                segments.Add(new SeriesSegment(current));
            }

            current.Add((point.Year, value));
        }

        return segments;
    }
}

/// <summary>A break marker on a chart from <paramref name="Year"/> on: a dashed line between that year and the one before, labelled.</summary>
/// <param name="Label">« Rupture de série », then « : » and the series it cuts when it does not cut them all; the chart draws the words before « : »</param>
public sealed record SeriesBreak(int Year, string Label)
{
    /// <summary>The words drawn on the chart beside the marker: the label up to its « : » (before which typography may have put a no-break space).</summary>
    public string Short => Label.IndexOf(':', StringComparison.Ordinal) is var at and > 0 ? Label[..at].TrimEnd() : Label;
}

/// <summary>A group of bars (an age band, a number of sources): one value per series, <c>null</c> when not published.</summary>
public sealed record BarGroup(string Label, IReadOnlyList<double?> Values);

/// <summary>
/// The words charts print themselves, French by default. They live here, in one place, so that a composer
/// reading them from templates can pass its own.
/// </summary>
public sealed record ChartWords(
    string Secret = "secret statistique",
    string NotAvailable = "non disponible",
    string Overseas = "Outre-mer",
    string Break = "Rupture de série",
    string Breaks = "Ruptures de série",
    string BreakNoteEnd = "les courbes sont interrompues, les valeurs de part et d'autre n'étant pas comparables")
{
    public static ChartWords French { get; } = new();
}

/// <summary>
/// The series breaks of a line chart, from its series: one marker per break year, and the figure's note that says which
/// series break where, in one sentence (« Rupture de série en 2019 (Prostitution, Traite) : les courbes sont
/// interrompues, … »).
/// </summary>
public static class ChartBreaks
{
    public static IReadOnlyList<SeriesBreak> Markers(IReadOnlyList<ChartSeries> series, ChartWords? words = null)
    {
        var w = words ?? ChartWords.French;
        return [.. Years(series).Select(year => new SeriesBreak(year, Cut(series, year) is { } names ? $"{w.Break} : {names}" : w.Break))];
    }

    /// <summary>The figure's note: <paramref name="note"/> followed by the breaks' sentence; <paramref name="note"/> alone when no series breaks.</summary>
    public static string? Note(IReadOnlyList<ChartSeries> series, string? note = null, ChartWords? words = null)
    {
        var w = words ?? ChartWords.French;
        var years = Years(series);
        if (years.Count == 0)
        {
            return note;
        }

        var at = string.Join(" et ", years.Select(year => Cut(series, year) is { } names ? $"en {year} ({names})" : $"en {year}"));
        var sentence = $"{(years.Count > 1 ? w.Breaks : w.Break)} {at} : {w.BreakNoteEnd}.";
        return note is null ? sentence : note + " " + sentence;
    }

    private static IReadOnlyList<int> Years(IReadOnlyList<ChartSeries> series) =>
        [.. series.SelectMany(s => s.Breaks ?? []).Distinct().Order()];

    /// <summary>The names of the series cut in <paramref name="year"/>, or null when every series of the chart is.</summary>
    private static string? Cut(IReadOnlyList<ChartSeries> series, int year)
    {
        var cut = series.Where(s => s.BreaksAt(year)).Select(s => s.Name).ToArray();
        return cut.Length == series.Count ? null : string.Join(", ", cut);
    }
}
