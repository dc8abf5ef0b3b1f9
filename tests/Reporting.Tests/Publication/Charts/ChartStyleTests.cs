using System.Globalization;
using AngleSharp.Dom;
using Reporting.Publication.Charts;
using Reporting.Publication.Html;
using Reporting.Publication.Narrative;
using Reporting.Publication.Pdf;
using Reporting.Publication.Report;
using Reporting.Tests.Publication.Html;
using Reporting.Tests.Support;
using SkiaSharp;

namespace Reporting.Tests.Publication.Charts;

/// <summary>
/// Charts that tell the truth about their series: every colour that carries meaning at 3:1 or more against the paper
/// (WCAG 1.4.11, contrast computed here with WCAG's relative luminance), one style per series identity in the report, the
/// sheets and the web edition, series distinguishable without colour, and the total drawn heaviest and on top.
/// </summary>
public sealed class ChartStyleTests
{
    private static readonly Lazy<PublicationContext> Context = new(() => new PublicationContext(SampleRun.Edition, TemplateSet.Load(SampleRun.Parameters.Templates)));

    private static readonly string[] Sheets = ["13", "48", "2A", "974"];

    internal static IReadOnlyList<ChartElement> ReportCharts() => [.. AnnualReport.Compose(Context.Value).Elements.OfType<ChartElement>()];

    private static IReadOnlyList<ChartElement> SheetCharts(string code) => [.. DepartementSheet.Compose(Context.Value, code).Elements.OfType<ChartElement>()];

    /// <summary>WCAG 2 relative luminance: each sRGB channel linearised, weighted 0.2126, 0.7152, 0.0722.</summary>
    private static double Luminance(SKColor c)
    {
        static double Linear(byte channel)
        {
            var v = channel / 255.0;
            return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Linear(c.Red)) + (0.7152 * Linear(c.Green)) + (0.0722 * Linear(c.Blue));
    }

    /// <summary>WCAG 2 contrast ratio: (lighter + 0.05) / (darker + 0.05).</summary>
    private static double Contrast(SKColor a, SKColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static SKColor Parse(string hex) => SKColor.Parse(hex);

    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#767676", "#ffffff", 4.54)]
    [InlineData("#cc79a7", "#ffffff", 3.06)]
    [InlineData("#e8eff7", "#ffffff", 1.16)]
    [InlineData("#9bc48e", "#ffffff", 1.97)]
    public void The_contrast_ratio_is_wcags(string a, string b, double expected) =>
        Assert.Equal(expected, Contrast(Parse(a), Parse(b)), 2);

    [Fact]
    public void Every_colour_that_carries_meaning_stands_at_3_to_1_against_the_paper()
    {
        var colours = new List<(string What, SKColor Colour)>
        {
            ("total", Palette.Total.Colour),
            ("axes and break markers", Palette.Muted),
            ("map tile outline", Palette.TileOutline),
            ("hatching of hidden cells", Palette.Hatch),
            ("chart text", Palette.Ink),
        };
        colours.AddRange(Palette.Styles.Select((s, i) => ($"series style {i}", s.Colour)));
        colours.AddRange(Palette.StyledKeys.Select(k => ($"series {k.Kind}:{k.Code}", Palette.For(k).Colour)));

        Assert.All(colours, c => Assert.True(Contrast(c.Colour, Palette.Paper) >= 3.0, $"{c.What} {c.Colour}: {Contrast(c.Colour, Palette.Paper):0.00}:1 against the paper"));
    }

    [Fact]
    public void Map_classes_too_light_for_3_to_1_are_outlined_by_a_colour_that_is()
    {
        // The lightest classes cannot reach 3:1 in a sequential palette that starts light: their outline carries the contrast.
        Assert.True(Contrast(Palette.Sequential[0], Palette.Paper) < 3.0);
        Assert.True(Contrast(Palette.TileOutline, Palette.Paper) >= 3.0);

        // Classes read from light to dark.
        var luminances = Palette.Sequential.Select(Luminance).ToArray();
        Assert.Equal(luminances.OrderDescending(), luminances);
    }

    [Theory]
    [InlineData(TileState.Published, 0)]
    [InlineData(TileState.NotAvailable, 0)]
    [InlineData(TileState.Secret, 0)]
    public void The_drawn_map_outlines_every_tile(TileState state, int classIndex)
    {
        // Given: Finistère (column 0, row 3) alone, on a map whose tiles are 40 points wide, drawn four times enlarged.
        const int scale = 4;
        var map = new TileMap([new MapTile("29", state, classIndex)], ["a", "b", "c", "d", "e"]);
        using var bitmap = new SKBitmap((int)((150 + (13 * 40)) * scale), 13 * 40 * scale);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            map.Draw(canvas, new SKRect(0, 0, 150 + (13 * 40), 13 * 40));
        }

        // Then: the tile's edge (from 0.6 to 1.1 points inside its cell) is the outline colour, its inside is its fill.
        var top = 3 * 40;
        Assert.Equal(Palette.TileOutline, bitmap.GetPixel((int)(0.85 * scale), (top + 20) * scale));
        Assert.Equal(Palette.TileOutline, bitmap.GetPixel(20 * scale, (int)((top + 0.85) * scale)));
        if (state == TileState.Published)
        {
            Assert.Equal(Palette.Sequential[classIndex], bitmap.GetPixel(4 * scale, (top + 4) * scale));
        }
    }

    [Fact]
    public void Every_chart_series_has_an_identity_and_the_series_of_a_chart_differ_without_colour()
    {
        var charts = ReportCharts().Concat(Sheets.SelectMany(SheetCharts)).ToArray();

        foreach (var chart in charts)
        {
            var keys = chart.IsBar ? chart.BarKeys ?? [] : chart.Series.Select(s => s.Key).ToArray();
            var count = chart.IsBar ? chart.BarSeries!.Count : chart.Series.Count;
            Assert.True(keys.Count == count && keys.All(k => k is not null), $"{chart.Numbered}: every series has an identity");
            var styles = keys.Select(k => Palette.For(k)).ToArray();
            Assert.Equal(styles.Length, styles.Select(s => s.Colour).Distinct().Count());
            if (!chart.IsBar)
            {
                Assert.Equal(styles.Length, styles.Select(s => (s.Dash, s.Marker)).Distinct().Count());
            }
        }
    }

    [Fact]
    public void The_same_series_has_the_same_colour_on_every_sheet_and_in_the_report()
    {
        var report = ReportCharts();
        var sheets = Sheets.Select(code => SheetCharts(code).Single(c => !c.IsBar)).ToArray();

        // France on each sheet (three lines in metropolitan France, two overseas) is the total of the report's figures.
        var france = sheets.Select(c => Palette.For(c.Series.Single(s => s.Name == "France").Key).Colour).Distinct();
        var totals = report.Where(c => !c.IsBar).SelectMany(c => c.Series).Where(s => s.Name is "Ensemble" or "Toutes sources").Select(s => Palette.For(s.Key).Colour).Distinct();
        Assert.Equal(Palette.Total.Colour, Assert.Single(france));
        Assert.Equal(Palette.Total.Colour, Assert.Single(totals));

        // The sheet's département: one colour from Bouches-du-Rhône to La Réunion.
        Assert.Single(sheets.Select(c => Palette.For(c.Series[0].Key).Colour).Distinct());

        // A category keeps its colour from the victims (Figure 1) to the convictions (Figure 7), and the girls theirs from bars to lines.
        var lines = report.Where(c => !c.IsBar).ToArray();
        var traite = lines.SelectMany(c => c.Series).Where(s => s.Name == "Traite").Select(s => Palette.For(s.Key).Colour).ToArray();
        Assert.Equal(2, traite.Length);
        Assert.Single(traite.Distinct());
        var bars = report.Single(c => c.IsBar && c.BarSeries!.Contains("Filles"));
        var girlsLine = lines.SelectMany(c => c.Series).Single(s => s.Name == "Filles");
        Assert.Equal(Palette.For(girlsLine.Key).Colour, Palette.For(bars.BarKeys![bars.BarSeries!.ToList().IndexOf("Filles")]).Colour);
    }

    [Fact]
    public void The_web_edition_strokes_each_series_in_its_colour_on_every_page()
    {
        var pages = new[] { "index.html", "regions/93.html" }.Concat(Sheets.Select(code => $"departements/{code}.html"));
        var strokes = pages.SelectMany(p => SitePages.Get(p).QuerySelectorAll("path.series").Select(e => (Page: p, Key: e.GetAttribute("data-serie")!, Stroke: e.GetAttribute("stroke")!)))
            .ToArray();

        Assert.Contains(strokes, s => s.Page == "departements/13.html" && s.Key == "territoire:departement");
        Assert.Contains(strokes, s => s.Page == "departements/974.html" && s.Key == "territoire:departement");
        foreach (var series in strokes.GroupBy(s => s.Key))
        {
            var stroke = Assert.Single(series.Select(s => s.Stroke).Distinct());
            Assert.Equal(SitePalette.Hex(Palette.For(Palette.StyledKeys.Single(k => $"{k.Kind}:{k.Code}" == series.Key)).Colour), stroke);
            Assert.True(Contrast(Parse(stroke), Palette.Paper) >= 3.0, $"{series.Key}: {stroke}");
        }

        Assert.Equal(SitePalette.Hex(Palette.Total.Colour), strokes.Where(s => s.Key == "total:ensemble").Select(s => s.Stroke).Distinct().Single());
    }

    [Fact]
    public void The_total_is_the_heaviest_line_and_drawn_on_top()
    {
        Assert.All(Palette.Styles, s => Assert.True(Palette.Total.LineWidth > s.LineWidth));

        var charts = SitePages.Get("index.html").QuerySelectorAll("svg.line-svg").Concat(SitePages.Get("departements/13.html").QuerySelectorAll("svg.line-svg"));
        var withTotal = 0;
        foreach (var svg in charts)
        {
            var paths = svg.QuerySelectorAll("path.series").ToArray();
            var total = paths.SingleOrDefault(p => p.GetAttribute("data-serie") == "total:ensemble");
            if (total is null)
            {
                continue;
            }

            withTotal++;
            Assert.Same(total, paths[^1]);
            Assert.All(paths.Where(p => p != total), p => Assert.True(Width(total) > Width(p)));
        }

        Assert.Equal(4, withTotal);
    }

    private static double Width(IElement path) => double.Parse(path.GetAttribute("stroke-width")!, CultureInfo.InvariantCulture);
}
