using Reporting.Publication.Pdf;
using ScottPlot;
using SkiaSharp;
using Palette = Reporting.Publication.Pdf.Palette;

namespace Reporting.Publication.Charts;

/// <summary>
/// ScottPlot set up for print: the shipped fonts, the publication's palette, no background, and rendering
/// straight onto the page's canvas so that charts stay vectors (paths and text), never bitmaps.
/// </summary>
internal static class ScottPlotCanvas
{
    /// <summary>ScottPlot's font registry is process-wide; the shipped fonts are put first in it, once.</summary>
    private static readonly Lazy<bool> FontsRegistered = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new ShippedFontResolver());
        return true;
    });

    public static Color Color(SKColor color) => new(color.Red, color.Green, color.Blue, color.Alpha);

    public static Plot NewPlot()
    {
        _ = FontsRegistered.Value;
        var plot = new Plot();
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;
        plot.Font.Set(PublicationFonts.FamilyName);

        var ink = Color(Palette.Ink);

        // The axes carry the scale: drawn at 6.9:1 against the paper, where the light grid lines are only a reading aid.
        var axisLine = Color(Palette.Muted);
        var size = Typography.Chart.Size;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontName = PublicationFonts.FamilyName;
            axis.TickLabelStyle.FontSize = size;
            axis.TickLabelStyle.ForeColor = ink;
            axis.Label.FontName = PublicationFonts.FamilyName;
            axis.Label.FontSize = size;
            axis.Label.Bold = false;
            axis.Label.ForeColor = ink;
            axis.MajorTickStyle.Color = axisLine;
            axis.MajorTickStyle.Length = 3;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = axisLine;
            axis.FrameLineStyle.Width = 0.6f;
        }

        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Grid.MajorLineColor = Color(Palette.HeaderFill);
        plot.Grid.MajorLineWidth = 0.6f;

        plot.Legend.FontName = PublicationFonts.FamilyName;
        plot.Legend.FontSize = size;
        plot.Legend.FontColor = ink;
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.BackgroundColor = Colors.Transparent;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }

    /// <summary>
    /// A value axis from 0 to a round number at or above every plotted value, ticked at round steps (1, 2 or 5 times a power
    /// of ten, four to six of them): the last labelled tick is never below the data (a series at 85 under a last tick of 50
    /// read as off the chart).
    /// </summary>
    public static void ValueTicks(IAxis axis, double max)
    {
        max = max <= 0 ? 1 : max;
        var raw = max / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1d, 2d, 5d, 10d }.Select(m => m * magnitude).First(s => s >= raw);
        var top = Math.Ceiling(max / step) * step;
        if (top - max < step * 0.05)
        {
            top += step;
        }

        var ticks = Enumerable.Range(0, (int)Math.Round(top / step) + 1).Select(i => i * step).ToArray();
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, ticks.Select(Narrative.FrenchFormat.Tick).ToArray());
        axis.Min = 0;
        axis.Max = top;
    }

    public static void FrenchTicks(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Narrative.FrenchFormat.Tick, MinorTickGenerator = new ScottPlot.TickGenerators.EvenlySpacedMinorTickGenerator(1) };

    /// <summary>
    /// ScottPlot settles its layout during its first render and, when the layout moved, renders a second time
    /// over the first: invisible on a cleared bitmap, a doubled chart on a PDF page. So the plot is first
    /// rendered onto throwaway recordings until one render is a single pass, then once onto the page.
    /// </summary>
    public static void Render(Plot plot, SKCanvas canvas, SKRect area)
    {
        var rect = new PixelRect(area.Left, area.Right, area.Bottom, area.Top);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var recorder = new SKPictureRecorder();
            var before = plot.RenderManager.RenderCount;
            plot.Render(recorder.BeginRecording(area), rect);
            using var discarded = recorder.EndRecording();
            if (plot.RenderManager.RenderCount == before + 1)
            {
                var count = plot.RenderManager.RenderCount;
                plot.Render(canvas, rect);
                if (plot.RenderManager.RenderCount != count + 1)
                {
                    break;
                }

                return;
            }
        }

        throw new InvalidOperationException("ScottPlot did not settle its layout: the chart would be drawn twice.");
    }

    /// <summary>Hands ScottPlot the shipped faces for the publication's family and nothing for any other, so it never asks the machine.</summary>
    private sealed class ShippedFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == PublicationFonts.FamilyName
                ? PublicationFonts.Typeface(bold ? FontFace.Bold : italic ? FontFace.Italic : FontFace.Regular)
                : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
    }
}
