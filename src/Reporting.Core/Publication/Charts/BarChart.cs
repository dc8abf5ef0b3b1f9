using Reporting.Publication.Pdf;
using ScottPlot;
using SkiaSharp;
using Palette = Reporting.Publication.Pdf.Palette;

namespace Reporting.Publication.Charts;

/// <summary>
/// Bars by group (age band, sex, number of sources), one bar per series in each group; horizontal when
/// labels are long. Values are printed at the end of each bar as the caller formatted them; a group whose
/// value is not published has no bar and prints its <paramref name="MissingLabel"/>. Each series has its identity's colour
/// (<paramref name="SeriesKeys"/>, see <see cref="Palette.For"/>), the same as in the line charts.
/// </summary>
public sealed record BarChart(
    IReadOnlyList<string> SeriesNames,
    IReadOnlyList<BarGroup> Groups,
    string? ValueAxisLabel = null,
    bool Horizontal = false,
    Func<double, string>? ValueLabel = null,
    string MissingLabel = "s",
    IReadOnlyList<SeriesKey?>? SeriesKeys = null)
{
    private const double GroupWidth = 0.8;

    public void Draw(SKCanvas canvas, SKRect area)
    {
        if (Groups.Any(g => g.Values.Count != SeriesNames.Count))
        {
            throw new ArgumentException($"Every bar group must have {SeriesNames.Count} values, one per series.");
        }

        var plot = ScottPlotCanvas.NewPlot();
        var count = Groups.Count;
        var barSize = GroupWidth / Math.Max(1, SeriesNames.Count);
        var labelFormat = ValueLabel ?? Narrative.FrenchFormat.Tick;

        // In a horizontal chart the first group reads first, at the top.
        double Position(int group) => Horizontal ? count - 1 - group : group;

        for (var s = 0; s < SeriesNames.Count; s++)
        {
            var color = ScottPlotCanvas.Color(Palette.For(SeriesKeys?.ElementAtOrDefault(s), s).Colour);
            var bars = new List<Bar>();
            for (var g = 0; g < count; g++)
            {
                var value = Groups[g].Values[s];
                var offset = ((s - ((SeriesNames.Count - 1) / 2.0)) * barSize) * (Horizontal ? -1 : 1);
                bars.Add(new Bar
                {
                    Position = Position(g) + offset,
                    Value = value ?? 0,
                    Size = barSize * 0.92,
                    FillColor = color,
                    LineWidth = 0,
                    Label = value is { } v ? labelFormat(v) : MissingLabel,
                    CenterLabel = false,
                    Orientation = Horizontal ? Orientation.Horizontal : Orientation.Vertical,
                });
            }

            var plottable = plot.Add.Bars(bars);
            plottable.Color = color;
            plottable.Horizontal = Horizontal;
            plottable.LegendText = SeriesNames.Count > 1 ? SeriesNames[s] : string.Empty;
            plottable.ValueLabelStyle.FontName = PublicationFonts.FamilyName;
            plottable.ValueLabelStyle.FontSize = Typography.Chart.Size - 0.5f;
            plottable.ValueLabelStyle.ForeColor = ScottPlotCanvas.Color(Palette.Ink);
        }

        var categoryAxis = Horizontal ? (IAxis)plot.Axes.Left : plot.Axes.Bottom;
        var valueAxis = Horizontal ? (IAxis)plot.Axes.Bottom : plot.Axes.Left;
        categoryAxis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, count).Select(Position).ToArray(),
            Groups.Select(g => g.Label).ToArray());
        categoryAxis.MajorTickStyle.Length = 0;
        ScottPlotCanvas.FrenchTicks(valueAxis);
        valueAxis.Label.Text = ValueAxisLabel ?? string.Empty;

        var max = Groups.SelectMany(g => g.Values).Select(v => v ?? 0).DefaultIfEmpty(0).Max();
        var valueMax = max <= 0 ? 1 : max * 1.15;
        if (Horizontal)
        {
            plot.Axes.SetLimits(0, valueMax, -0.6, count - 0.4);
            plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        }
        else
        {
            plot.Axes.SetLimits(-0.6, count - 0.4, 0, valueMax);
            plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        }

        if (SeriesNames.Count > 1)
        {
            plot.ShowLegend(Edge.Bottom);
        }
        else
        {
            plot.HideLegend();
        }

        ScottPlotCanvas.Render(plot, canvas, area);
    }
}
