using Reporting.Publication.Pdf;
using ScottPlot;
using SkiaSharp;
using Palette = Reporting.Publication.Pdf.Palette;

namespace Reporting.Publication.Charts;

/// <summary>
/// Named series over years: each series drawn as its segments (<see cref="ChartSeries.Segments"/>), so that no line
/// crosses an unpublished year or a series break; a dashed marker labelled at each break; the legend under the chart, in
/// the series' order. Each series has its identity's style (<see cref="Palette.For"/>): colour, dash and marker, so that
/// a greyscale print or a colour-blind reader still tells them apart; the total is the heaviest line, drawn last, on top.
/// </summary>
public sealed record LineChart(IReadOnlyList<ChartSeries> Series, string? ValueAxisLabel = null, IReadOnlyList<SeriesBreak>? Breaks = null)
{
    /// <summary>Draws the chart into <paramref name="area"/>; pass it to a <see cref="Figure"/> as <c>chart.Draw</c>.</summary>
    public void Draw(SKCanvas canvas, SKRect area)
    {
        var plot = ScottPlotCanvas.NewPlot();
        var years = Series.SelectMany(s => s.Points).Select(p => p.Year).Distinct().Order().ToArray();

        foreach (var seriesBreak in Breaks ?? [])
        {
            var line = plot.Add.VerticalLine(seriesBreak.Year - 0.5, 0.9f, ScottPlotCanvas.Color(Palette.Muted), LinePattern.Dashed);
            line.Text = seriesBreak.Short;
            line.LabelOppositeAxis = true;
            line.LabelStyle.FontName = PublicationFonts.FamilyName;
            line.LabelStyle.FontSize = Typography.Chart.Size - 0.5f;
            line.LabelStyle.ForeColor = ScottPlotCanvas.Color(Palette.Muted);
            line.LabelStyle.BackgroundColor = Colors.Transparent;
            line.LabelStyle.Rotation = 0;
            line.ExcludeFromLegend = true;
        }

        var styled = Series.Select((s, i) => (Series: s, Style: Palette.For(s.Key, i))).ToArray();

        // The total last, so that no other line runs over it.
        foreach (var (series, style) in styled.OrderBy(s => s.Style.Emphasised))
        {
            foreach (var segment in series.Segments())
            {
                var scatter = plot.Add.Scatter(
                    segment.Points.Select(p => (double)p.Year).ToArray(),
                    segment.Points.Select(p => p.Value).ToArray(),
                    ScottPlotCanvas.Color(style.Colour));
                scatter.LineWidth = style.LineWidth;
                scatter.LinePattern = Pattern(style);
                scatter.MarkerShape = Shape(style.Marker);
                scatter.MarkerSize = style.MarkerSize;
                scatter.LegendText = string.Empty;
            }
        }

        // The legend reads in the composer's order, whatever the drawing order; a series with no published year is listed too.
        plot.Legend.ManualItems.AddRange(styled.Select(s => new LegendItem
        {
            LabelText = s.Series.Name,
            LineColor = ScottPlotCanvas.Color(s.Style.Colour),
            LineWidth = s.Style.LineWidth,
            LinePattern = Pattern(s.Style),
            MarkerShape = Shape(s.Style.Marker),
            MarkerSize = s.Style.MarkerSize,
            MarkerFillColor = ScottPlotCanvas.Color(s.Style.Colour),
            MarkerLineColor = ScottPlotCanvas.Color(s.Style.Colour),
        }));

        if (years.Length > 0)
        {
            var step = years.Length > 12 ? 2 : 1;
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                years.Where((_, i) => i % step == 0).Select(y => (double)y).ToArray(),
                years.Where((_, i) => i % step == 0).Select(Narrative.FrenchFormat.Year).ToArray());
            plot.Axes.SetLimitsX(years[0] - 0.5, years[^1] + 0.5);
        }

        var max = Series.SelectMany(s => s.Points).Select(p => p.Value ?? 0).DefaultIfEmpty(0).Max();
        ScottPlotCanvas.ValueTicks(plot.Axes.Left, max);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.Left.Label.Text = ValueAxisLabel ?? string.Empty;
        plot.ShowLegend(Edge.Bottom);
        ScottPlotCanvas.Render(plot, canvas, area);
    }

    private static LinePattern Pattern(SeriesStyle style) =>
        style.Dash == SeriesDash.Solid ? LinePattern.Solid : new LinePattern([.. style.DashIntervals], 0, style.Dash.ToString());

    private static MarkerShape Shape(SeriesMarker marker) => marker switch
    {
        SeriesMarker.Square => MarkerShape.FilledSquare,
        SeriesMarker.Triangle => MarkerShape.FilledTriangleUp,
        SeriesMarker.Diamond => MarkerShape.FilledDiamond,
        SeriesMarker.OpenCircle => MarkerShape.OpenCircle,
        _ => MarkerShape.FilledCircle,
    };
}
