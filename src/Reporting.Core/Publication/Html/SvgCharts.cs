using System.Globalization;
using Reporting.Publication.Narrative;
using Reporting.Publication.Report;
using static Reporting.Publication.Html.Markup;

namespace Reporting.Publication.Html;

/// <summary>
/// The charts of the web edition as inline SVG, drawn from the element's published values: lines with a gap where a
/// value is not published, horizontal bars with their value written at the end. Each series differs by dash and marker
/// (lines) or by hatching (bars) as well as by colour. The SVG is an image (role="img") named by the figure's title and
/// described from the published data; the data themselves are in a table beside it.
/// </summary>
public static class SvgCharts
{
    /// <summary>Line charts: narrow enough to fit a phone's width with legible ticks.</summary>
    private const double Width = 480;

    /// <summary>Bar charts need room for their group labels and values; they scroll sideways on a phone.</summary>
    private const double BarWidth = 560;
    private const double Left = 52;
    private const double Right = 24;
    private static readonly string[] Dashes = ["", "8 4", "2 3", "10 3 2 3"];

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
            BreakLabel(m, b.Label, x, top - 10);
        }

        for (var i = 0; i < chart.Series.Count; i++)
        {
            var points = chart.Series[i].Points.OrderBy(p => p.Year).ToArray();
            var d = new List<string>();
            var drawing = false;
            foreach (var p in points)
            {
                if (p.Value is { } v)
                {
                    d.Add((drawing ? "L" : "M") + N(X(p.Year)) + " " + N(Y(v)));
                    drawing = true;
                }
                else
                {
                    drawing = false;
                }
            }

            m.Open("path", ("d", string.Join(" ", d)), ("fill", "none"), ("stroke", Colour(i)), ("stroke-width", "2.2"), ("stroke-dasharray", Dash(i))).Close("path").Line();
            foreach (var p in points.Where(p => p.Value is not null))
            {
                Marker(m, i, X(p.Year), Y(p.Value!.Value));
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
                .Open("rect", ("width", "6"), ("height", "6"), ("fill", Colour(s))).Close("rect")
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
                var fill = s == 0 ? Colour(0) : $"url(#{id}-motif-{s.ToString(CultureInfo.InvariantCulture)})";
                var label = v is { } value ? ValueText(value, chart.Axis) : SiteWords.NotPublished;
                if (v is { } w)
                {
                    m.Open("rect", ("x", N(labelWidth)), ("y", N(y + (s * bar) + 1)), ("width", N(X(w) - labelWidth)), ("height", N(bar - 2)), ("fill", fill), ("stroke", Colour(s))).Close("rect");
                }

                var text = names.Count > 1 ? names[s] + " : " + label : label;
                m.Element("text", text, ("x", N(X(v ?? 0) + 4)), ("y", N(y + (s * bar) + 13)), ("class", "value")).Line();
            }

            y += (names.Count * bar) + gap;
        }

        m.Close("svg").Line();
    }

    /// <summary>A series' sample for the legend: its dash and marker on a short line.</summary>
    public static void LegendSample(Markup m, int series)
    {
        m.Open("svg", ("width", "40"), ("height", "14"), ("viewBox", "0 0 40 14"), ("aria-hidden", "true"), ("focusable", "false"))
            .Open("line", ("x1", "1"), ("y1", "7"), ("x2", "39"), ("y2", "7"), ("stroke", Colour(series)), ("stroke-width", "2.2"), ("stroke-dasharray", Dash(series))).Close("line");
        Marker(m, series, 20, 7);
        m.Close("svg");
    }

    /// <summary>A bar series' sample for the legend: its fill, plain or hatched.</summary>
    public static void BarSample(Markup m, string chartId, int series) =>
        m.Open("svg", ("width", "22"), ("height", "14"), ("viewBox", "0 0 22 14"), ("aria-hidden", "true"), ("focusable", "false"))
            .Open("rect", ("x", "1"), ("y", "1"), ("width", "20"), ("height", "12"), ("fill", series == 0 ? Colour(0) : $"url(#{chartId}-motif-{series.ToString(CultureInfo.InvariantCulture)})"), ("stroke", Colour(series))).Close("rect")
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

    private static string Colour(int series) => SitePalette.Series[series % SitePalette.Series.Count];

    private static string? Dash(int series) => Dashes[series % Dashes.Length] is { Length: > 0 } d ? d : null;

    private static void Marker(Markup m, int series, double x, double y)
    {
        var colour = Colour(series);
        var open = series % 6 >= 4;
        var fill = open ? SitePalette.Paper : colour;
        switch (series % 4)
        {
            case 0:
                m.Open("circle", ("cx", N(x)), ("cy", N(y)), ("r", "3.8"), ("fill", fill), ("stroke", colour), ("stroke-width", "1.5")).Close("circle");
                break;
            case 1:
                m.Open("rect", ("x", N(x - 3.5)), ("y", N(y - 3.5)), ("width", "7"), ("height", "7"), ("fill", fill), ("stroke", colour), ("stroke-width", "1.5")).Close("rect");
                break;
            case 2:
                m.Open("path", ("d", $"M{N(x)} {N(y - 4.5)} L{N(x + 4.5)} {N(y + 3.5)} L{N(x - 4.5)} {N(y + 3.5)} Z"), ("fill", fill), ("stroke", colour), ("stroke-width", "1.5")).Close("path");
                break;
            default:
                m.Open("path", ("d", $"M{N(x)} {N(y - 5)} L{N(x + 5)} {N(y)} L{N(x)} {N(y + 5)} L{N(x - 5)} {N(y)} Z"), ("fill", fill), ("stroke", colour), ("stroke-width", "1.5")).Close("path");
                break;
        }
    }
}
