using Reporting.Publication.Pdf;
using ScottPlot;
using SkiaSharp;
using Palette = Reporting.Publication.Pdf.Palette;

namespace Reporting.Publication.Charts;

/// <summary>
/// Named series over years: lines with markers, a gap where a value is not published, dashed markers at
/// series breaks, the legend under the chart. Each series differs by line pattern and marker as well as by
/// colour, so that a greyscale print still tells them apart.
/// </summary>
public sealed record LineChart(IReadOnlyList<ChartSeries> Series, string? ValueAxisLabel = null, IReadOnlyList<SeriesBreak>? Breaks = null)
{
    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    private static readonly MarkerShape[] Markers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare];

    /// <summary>Draws the chart into <paramref name="area"/>; pass it to a <see cref="Figure"/> as <c>chart.Draw</c>.</summary>
    public void Draw(SKCanvas canvas, SKRect area)
    {
        var plot = ScottPlotCanvas.NewPlot();
        var years = Series.SelectMany(s => s.Points).Select(p => p.Year).Distinct().Order().ToArray();
        for (var i = 0; i < Series.Count; i++)
        {
            var series = Series[i];
            var points = series.Points.OrderBy(p => p.Year).ToArray();

            // NaN is ScottPlot's gap: the line stops at an unpublished year and starts again after it.
            var scatter = plot.Add.Scatter(
                points.Select(p => (double)p.Year).ToArray(),
                points.Select(p => p.Value ?? double.NaN).ToArray(),
                ScottPlotCanvas.Color(Palette.Series[i % Palette.Series.Count]));
            scatter.LegendText = series.Name;
            scatter.LineWidth = 1.6f;
            scatter.LinePattern = Patterns[i % Patterns.Length];
            scatter.MarkerShape = Markers[i % Markers.Length];
            scatter.MarkerSize = 5;
        }

        foreach (var seriesBreak in Breaks ?? [])
        {
            var line = plot.Add.VerticalLine(seriesBreak.Year - 0.5, 0.8f, ScottPlotCanvas.Color(Palette.Muted), LinePattern.Dashed);
            line.Text = seriesBreak.Label;
            line.LabelOppositeAxis = true;
            line.LabelStyle.FontName = PublicationFonts.FamilyName;
            line.LabelStyle.FontSize = Typography.Chart.Size - 0.5f;
            line.LabelStyle.ForeColor = ScottPlotCanvas.Color(Palette.Muted);
            line.LabelStyle.BackgroundColor = Colors.Transparent;
            line.LabelStyle.Rotation = 0;
            line.ExcludeFromLegend = true;
        }

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
}
