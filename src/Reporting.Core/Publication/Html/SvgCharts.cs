using System.Globalization;
using Reporting.Publication.Charts;
using Reporting.Publication.Narrative;
using Reporting.Publication.Report;
using static Reporting.Publication.Html.Markup;

namespace Reporting.Publication.Html;

/// <summary>
/// The charts of the web edition as inline SVG, drawn from the element's published values: lines drawn as their segments
/// (a gap where a value is not published, none across a series break, see <see cref="ChartSeries.Segments"/>), horizontal
/// bars with their value written at the end. Each series has its identity's style, as in the PDF
/// (<see cref="Pdf.Palette.For"/>): colour, dash and marker (lines) or hatching (bars); the total is the heaviest line,
/// drawn last. The SVG is an image (role="img") named by the figure's title and described from the published data; the
/// data themselves are in a table beside it.
/// </summary>
public static class SvgCharts
{
    /// <summary>Line charts: narrow enough to fit a phone's width with legible ticks.</summary>
    private const double Width = 480;

    /// <summary>Bar charts need room for their group labels and values; they scroll sideways on a phone.</summary>
    private const double BarWidth = 560;
    private const double Left = 52;
    private const double Right = 24;

    /// <summary>Screen pixels per point of the PDF's dash patterns: the lines are thicker on screen, and so are their dashes.</summary>
    private const double DashScale = 1.6;

    public static void Line(Markup m, ChartElement chart, string id, string description)
    {
        const double top = 40, bottom = 36, height = 280;
        var years = chart.Series.SelectMany(s => s.Points).Select(p => p.Year).Distinct().Order().ToArray();
        var (max, step) = Scale(chart.Series.SelectMany(s => s.Points).Select(p => p.Value ?? 0).DefaultIfEmpty(0).Max());
        double X(double year) => years.Length < 2 ? Left + ((Width - Left - Right) / 2) : Left + ((year - years[0] + 0.5) / years.Length * (Width - Left - Right));
        double Y(double v) => top + ((1 - (v / max)) * (height - top - bottom));

        Open(m, id, chart.Numbered, description, Width, height, "chart-svg line-svg");
        m.Element("text", chart.Axis, ("x", "8"), ("y", "18"), ("class", "axis-label")).Line();
        Grid(m, max, step, v => Y(v), Left, Width - Right);
        var yearStep = years.Length > 12 ? 2 : 1;
        for (var i = 0; i < years.Length; i += yearStep)
        {
            m.Element("text", FrenchFormat.Year(years[i]), ("x", N(X(years[i]))), ("y", N(height - bottom + 20)), ("text-anchor", "middle")).Line();
        }

        foreach (var b in chart.Breaks)
        {
            var x = X(b.Year - 0.5);
            m.Open("line", ("x1", N(x)), ("x2", N(x)), ("y1", N(top - 8)), ("y2", N(height - bottom)), ("class", "break")).Close("line");
            BreakLabel(m, b.Short, x, top - 10);
        }

        // The total last, so that no other line runs over it.
        foreach (var (series, style) in chart.Series.Select((s, i) => (s, Pdf.Palette.For(s.Key, i))).OrderBy(s => s.Item2.Emphasised))
        {
            var segments = series.Segments();
            var d = string.Join(" ", segments.Select(segment => string.Join(" ", segment.Points.Select((p, k) => (k == 0 ? "M" : "L") + N(X(p.Year)) + " " + N(Y(p.Value))))));
            var colour = Hex(style);
            m.Open("path", ("d", d), ("fill", "none"), ("stroke", colour), ("stroke-width", StrokeWidth(style)), ("stroke-dasharray", Dash(style)), ("class", "series"), ("data-serie", KeyText(series.Key))).Close("path").Line();
            foreach (var p in segments.SelectMany(segment => segment.Points))
            {
                Marker(m, style, X(p.Year), Y(p.Value));
            }

            m.Line();
        }

        m.Close("svg").Line();
    }

    /// <summary>Horizontal bars, one row per group; the value is written at the end of each bar.</summary>
    public static void Bars(Markup m, ChartElement chart, string id, string description)
    {
        var names = chart.BarSeries!;
        var groups = chart.Bars!;
        const double labelWidth = 180, top = 30, bar = 18, gap = 14, bottom = 34;
        var plotRight = BarWidth - 130;
        var height = top + (groups.Count * ((names.Count * bar) + gap)) + bottom;
        var (max, step) = Scale(groups.SelectMany(g => g.Values).Select(v => v ?? 0).DefaultIfEmpty(0).Max());
        double X(double v) => labelWidth + (v / max * (plotRight - labelWidth));

        Open(m, id, chart.Numbered, description, BarWidth, height, "chart-svg bar-svg");
        m.Open("defs");
        for (var s = 1; s < names.Count; s++)
        {
            m.Open("pattern", ("id", $"{id}-motif-{s.ToString(CultureInfo.InvariantCulture)}"), ("patternUnits", "userSpaceOnUse"), ("width", "6"), ("height", "6"), ("patternTransform", "rotate(45)"))
                .Open("rect", ("width", "6"), ("height", "6"), ("fill", BarColour(chart, s))).Close("rect")
                .Open("line", ("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"), ("stroke", SitePalette.Paper), ("stroke-width", "2")).Close("line")
                .Close("pattern");
        }

        m.Close("defs").Line();
        m.Element("text", chart.Axis, ("x", N(labelWidth)), ("y", "16"), ("class", "axis-label")).Line();
        for (var t = 0.0; t <= max + (step / 2); t += step)
        {
            var x = X(t);
            m.Open("line", ("x1", N(x)), ("x2", N(x)), ("y1", N(top - 4)), ("y2", N(height - bottom)), ("class", t == 0 ? "axis" : "grid")).Close("line");
            m.Element("text", FrenchFormat.Tick(t), ("x", N(x)), ("y", N(height - bottom + 18)), ("text-anchor", "middle")).Line();
        }

        var y = top;
        foreach (var g in groups)
        {
            m.Element("text", g.Label, ("x", N(labelWidth - 8)), ("y", N(y + (names.Count * bar / 2) + 5)), ("text-anchor", "end")).Line();
            for (var s = 0; s < names.Count; s++)
            {
                var v = g.Values[s];
                var fill = s == 0 ? BarColour(chart, 0) : $"url(#{id}-motif-{s.ToString(CultureInfo.InvariantCulture)})";
                var label = v is { } value ? ValueText(value, chart.Axis) : SiteWords.NotPublished;
                if (v is { } w)
                {
                    m.Open("rect", ("x", N(labelWidth)), ("y", N(y + (s * bar) + 1)), ("width", N(X(w) - labelWidth)), ("height", N(bar - 2)), ("fill", fill), ("stroke", BarColour(chart, s))).Close("rect");
                }

                var text = names.Count > 1 ? names[s] + " : " + label : label;
                m.Element("text", text, ("x", N(X(v ?? 0) + 4)), ("y", N(y + (s * bar) + 13)), ("class", "value")).Line();
            }

            y += (names.Count * bar) + gap;
        }

        m.Close("svg").Line();
    }

    /// <summary>A series' sample for the legend: its colour, weight, dash and marker on a short line.</summary>
    public static void LegendSample(Markup m, ChartElement chart, int series)
    {
        var style = Pdf.Palette.For(chart.Series[series].Key, series);
        m.Open("svg", ("width", "40"), ("height", "14"), ("viewBox", "0 0 40 14"), ("aria-hidden", "true"), ("focusable", "false"))
            .Open("line", ("x1", "1"), ("y1", "7"), ("x2", "39"), ("y2", "7"), ("stroke", Hex(style)), ("stroke-width", StrokeWidth(style)), ("stroke-dasharray", Dash(style))).Close("line");
        Marker(m, style, 20, 7);
        m.Close("svg");
    }

    /// <summary>A bar series' sample for the legend: its fill, plain or hatched.</summary>
    public static void BarSample(Markup m, ChartElement chart, string chartId, int series) =>
        m.Open("svg", ("width", "22"), ("height", "14"), ("viewBox", "0 0 22 14"), ("aria-hidden", "true"), ("focusable", "false"))
            .Open("rect", ("x", "1"), ("y", "1"), ("width", "20"), ("height", "12"), ("fill", series == 0 ? BarColour(chart, 0) : $"url(#{chartId}-motif-{series.ToString(CultureInfo.InvariantCulture)})"), ("stroke", BarColour(chart, series))).Close("rect")
            .Close("svg");

    /// <summary>
    /// A chart value as the snapshot writes it (one decimal, none when whole), with « % » on a percentage axis: the
    /// published cell's text for every value the charts carry.
    /// </summary>
    public static string ValueText(double value, string axis)
    {
        var text = FrenchFormat.Decimal((decimal)value).Replace(",0", string.Empty, StringComparison.Ordinal);
        return axis == "%" ? text + FrenchFormat.NoBreakSpace + "%" : text;
    }

    private static void Open(Markup m, string id, string title, string description, double width, double height, string classes)
    {
        m.Open("svg", ("class", classes), ("viewBox", $"0 0 {N(width)} {N(height)}"), ("role", "img"), ("aria-labelledby", $"{id}-titre {id}-desc"), ("focusable", "false")).Line();
        m.Element("title", title, ("id", $"{id}-titre")).Line();
        m.Element("desc", description, ("id", $"{id}-desc")).Line();
    }

    /// <summary>
    /// A break's label beside its line, on whichever side it fits; a label too long for either side is cut to its first
    /// words (« Rupture »): the whole label is written in the list under the chart.
    /// </summary>
    private static void BreakLabel(Markup m, string label, double x, double y)
    {
        const double charWidth = 6.6;
        var width = label.Length * charWidth;
        if (x + 4 + width <= Width - Right)
        {
            m.Element("text", label, ("x", N(x + 4)), ("y", N(y)), ("class", "break-label")).Line();
        }
        else if (x - 4 - width >= 0)
        {
            m.Element("text", label, ("x", N(x - 4)), ("y", N(y)), ("text-anchor", "end"), ("class", "break-label")).Line();
        }
        else
        {
            var colon = label.IndexOf(" : ", StringComparison.Ordinal);
            m.Element("text", colon > 0 ? label[..colon] : label, ("x", N(x + 4)), ("y", N(y)), ("class", "break-label")).Line();
        }
    }

    private static void Grid(Markup m, double max, double step, Func<double, double> y, double left, double right)
    {
        for (var t = 0.0; t <= max + (step / 2); t += step)
        {
            m.Open("line", ("x1", N(left)), ("x2", N(right)), ("y1", N(y(t))), ("y2", N(y(t))), ("class", t == 0 ? "axis" : "grid")).Close("line");
            m.Element("text", FrenchFormat.Tick(t), ("x", N(left - 6)), ("y", N(y(t) + 4)), ("text-anchor", "end")).Line();
        }
    }

    /// <summary>A scale from 0 to a round number above the largest value, in about five steps of 1, 2, 2.5 or 5 × 10ⁿ.</summary>
    private static (double Max, double Step) Scale(double largest)
    {
        if (largest <= 0)
        {
            return (1, 0.25);
        }

        var raw = largest * 1.1 / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var norm = raw / magnitude;
        var step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
        return (Math.Ceiling(largest * 1.1 / step) * step, step);
    }

    private static string BarColour(ChartElement chart, int series) => SitePalette.For(chart.BarKeys?.ElementAtOrDefault(series), series);

    private static string Hex(Pdf.SeriesStyle style) => SitePalette.Hex(style.Colour);

    /// <summary>The total's line is the heaviest of the chart; every other is the same lighter weight.</summary>
    private static string StrokeWidth(Pdf.SeriesStyle style) => style.Emphasised ? "3.6" : "2";

    private static string? Dash(Pdf.SeriesStyle style) =>
        style.DashIntervals.Count == 0 ? null : string.Join(" ", style.DashIntervals.Select(d => N(d * DashScale)));

    private static string KeyText(SeriesKey? key) => key is null ? string.Empty : key.Kind + ":" + key.Code;

    private static void Marker(Markup m, Pdf.SeriesStyle style, double x, double y)
    {
        var colour = Hex(style);
        var size = style.Emphasised ? 1.2 : 1.0;
        switch (style.Marker)
        {
            case Pdf.SeriesMarker.Square:
                m.Open("rect", ("x", N(x - (3.5 * size))), ("y", N(y - (3.5 * size))), ("width", N(7 * size)), ("height", N(7 * size)), ("fill", colour), ("stroke", colour), ("stroke-width", "1.5")).Close("rect");
                break;
            case Pdf.SeriesMarker.Triangle:
                m.Open("path", ("d", $"M{N(x)} {N(y - 4.5)} L{N(x + 4.5)} {N(y + 3.5)} L{N(x - 4.5)} {N(y + 3.5)} Z"), ("fill", colour), ("stroke", colour), ("stroke-width", "1.5")).Close("path");
                break;
            case Pdf.SeriesMarker.Diamond:
                m.Open("path", ("d", $"M{N(x)} {N(y - 5)} L{N(x + 5)} {N(y)} L{N(x)} {N(y + 5)} L{N(x - 5)} {N(y)} Z"), ("fill", colour), ("stroke", colour), ("stroke-width", "1.5")).Close("path");
                break;
            default:
                var open = style.Marker == Pdf.SeriesMarker.OpenCircle;
                m.Open("circle", ("cx", N(x)), ("cy", N(y)), ("r", N(3.8 * size)), ("fill", open ? SitePalette.Paper : colour), ("stroke", colour), ("stroke-width", open ? "2" : "1.5")).Close("circle");
                break;
        }
    }
}
