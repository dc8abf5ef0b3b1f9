using System.Text;
using Reporting.Publication.Charts;
using Reporting.Publication.Pdf;
using Reporting.Tests.Publication.Pdf;

namespace Reporting.Tests.Publication.Charts;

public sealed class ChartTests
{
    private static readonly int[] Years = [2016, 2017, 2018, 2019, 2020, 2021];

    private static Document ChartsOnly()
    {
        var line = new LineChart(
            [
                new ChartSeries("Police", Years.Select(y => new YearValue(y, y == 2018 ? null : 1000 + (y - 2016) * 150)).ToArray()),
                new ChartSeries("Hôpitaux", Years.Select(y => new YearValue(y, 400 + (y - 2016) * 30)).ToArray()),
            ],
            "Nombre de mineurs",
            [new SeriesBreak(2019, "Rupture de série")]);
        var bars = new BarChart(["Filles", "Garçons"], [new BarGroup("15 à 17 ans", [48.4, 10.8]), new BarGroup("11 à 14 ans", [28.5, null])]);
        var map = new TileMap([MapTile.InClass("75", 4), MapTile.Secret("48"), MapTile.NotAvailable("976")], ["a", "b", "c", "d", "e"]);
        return TestDocuments.With(
            new Figure("Figure 1", 200, line.Draw),
            new Figure("Figure 2", 150, bars.Draw),
            new Figure("Figure 3", 280, map.Draw));
    }

    [Fact]
    public void Charts_are_vectors_drawn_with_the_shipped_font()
    {
        var pdf = PdfRenderer.Render(ChartsOnly());
        using var document = PdfReadBack.Open(pdf);

        Assert.All(document.GetPages(), p => Assert.Equal(0, p.NumberOfImages));
        Assert.DoesNotContain("Image", PdfInspection.XObjectSubtypes(document));
        Assert.DoesNotContain("/Subtype /Image", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.All(document.GetPages().SelectMany(p => p.Letters), l => Assert.Contains("NotoSans-", l.FontName, StringComparison.Ordinal));

        // Chart text is real text: tick labels in French format, legends, the break label, tile codes.
        var text = string.Join("\n", PdfReadBack.PageTexts(pdf).SelectMany(p => p));
        foreach (var expected in new[] { "2016", "2021", "1\u202F000", "Police", "Hôpitaux", "Rupture de série", "Filles", "15 à 17 ans", "2A", "976", "secret statistique", "non disponible" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Chart_tick_labels_follow_french_typography()
    {
        Assert.Equal("12\u202F500", Reporting.Publication.Narrative.FrenchFormat.Tick(12_500));
        Assert.Equal("2,5", Reporting.Publication.Narrative.FrenchFormat.Tick(2.5));
        Assert.Equal("\u22125", Reporting.Publication.Narrative.FrenchFormat.Tick(-5));
        Assert.Equal("0", Reporting.Publication.Narrative.FrenchFormat.Tick(-1e-12));
        Assert.Equal("2016", Reporting.Publication.Narrative.FrenchFormat.Year(2016));
    }

    [Fact]
    public void A_tile_map_refuses_a_code_that_is_not_a_departement()
    {
        var map = new TileMap([MapTile.InClass("20", 1)], ["a", "b", "c", "d", "e"]);

        Assert.Throws<ArgumentException>(() => PdfRenderer.Render(TestDocuments.With(new Figure("Carte", 200, map.Draw))));
    }
}
