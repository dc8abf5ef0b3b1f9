using System.Globalization;
using Reporting.Indicators;
using Reporting.Publication.Narrative;
using Reporting.Publication.Report;
using Reporting.Reference;
using Reporting.Tests.Publication.Pdf;
using Reporting.Tests.Support;
using UglyToad.PdfPig.Tokens;

namespace Reporting.Tests.Publication;

/// <summary>The report and the sheets read back as a reader's tools would (PdfPig), against the cells they come from.</summary>
public sealed class PublishedPdfTests
{
    private static readonly CellReader Cells = new(SampleRun.Outcome.Indicators!, SampleRun.Outcome.Edition!.Catalogue);

    [Fact]
    public void The_report_has_every_section_a_running_header_and_page_n_of_n_on_every_page()
    {
        var pages = PdfReadBack.PageTexts(SampleRun.File(SampleRun.Outcome, "rapport-2025.pdf"));

        Assert.InRange(pages.Count, 8, 20);
        for (var i = 0; i < pages.Count; i++)
        {
            // The running header on every page after the title page (it carries the title itself).
            Assert.Equal(i > 0, pages[i].Any(l => l.Contains("Mineurs victimes d'exploitation sexuelle — 2025", StringComparison.Ordinal)));
            Assert.Contains(pages[i], l => l.EndsWith($"{i + 1} / {pages.Count}", StringComparison.Ordinal));
        }

        var all = pages.SelectMany(p => p).ToArray();
        foreach (var section in new[] { "1. Chiffres clés", "2. Évolution", "3. Les victimes", "4. Les territoires", "5. Croiser les sources", "6. La réponse pénale", "7. La dimension numérique", "8. Méthodologie" })
        {
            Assert.Contains(section, all);
        }
    }

    [Fact]
    public void The_key_figures_and_the_regional_table_print_their_cells()
    {
        var lines = PdfReadBack.PageTexts(SampleRun.File(SampleRun.Outcome, "rapport-2025.pdf")).SelectMany(p => p).ToArray();
        var victims = Cells.Text(IndicatorCodes.MinorVictims, 2025, Level.France, "FR", "ESM", "toutes");
        Assert.Contains(lines, l => l.StartsWith(victims, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"En 2025, {victims} mineurs", StringComparison.Ordinal));

        foreach (var region in Geography.Default.Regions)
        {
            // Names as the report prints them: with the typographic apostrophe (Provence-Alpes-Côte d’Azur).
            var expected = FrenchTypography.Apply(region.Name) + string.Concat(
                new[] { IndicatorCodes.MinorVictims, IndicatorCodes.Rate, IndicatorCodes.Change }.Select(i => Cells.Text(i, 2025, Level.Region, region.Code, "ESM", "toutes")));
            Assert.Contains(expected, lines);
        }
    }

    [Fact]
    public void Every_sheet_has_two_pages_and_prints_its_series_with_the_same_hidden_cells()
    {
        string[] sources = ["police", "ase", "sante", "toutes"];
        var hiddenSeen = 0;
        foreach (var dep in Geography.Default.Departements)
        {
            var pages = PdfReadBack.PageTexts(SampleRun.File(SampleRun.Outcome, $"fiches/{dep.Code}.pdf"));
            Assert.Equal(2, pages.Count);
            Assert.Contains(pages[0], l => l.Contains($"{FrenchTypography.Apply(dep.Name)} ({dep.Code})", StringComparison.Ordinal));
            var lines = pages.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
            foreach (var year in SampleRun.Outcome.Indicators!.Years)
            {
                var values = sources.Select(s => Cells.Text(IndicatorCodes.MinorVictims, year, Level.Departement, dep.Code, "ESM", s))
                    .Append(Cells.Text(IndicatorCodes.Rate, year, Level.Departement, dep.Code, "ESM", "toutes")).ToArray();
                hiddenSeen += values.Count(v => v == "c");
                Assert.Contains(year.ToString(CultureInfo.InvariantCulture) + string.Concat(values), lines);
            }
        }

        Assert.True(hiddenSeen > 100, "the samples should hide many départemental cells");
    }

    [Fact]
    public void No_hidden_value_reaches_a_sheet_table()
    {
        var set = SampleRun.Outcome.Indicators!;
        foreach (var cell in set.Cells.Where(c => c.Key.Level == Level.Departement && c.Status == CellStatus.Confidential && c.Key.Indicator == IndicatorCodes.MinorVictims))
        {
            var k = cell.Key;
            Assert.Equal("c", Cells.Text(k.Indicator, k.Year, k.Level, k.Territory, k.Category, k.Source));
            Assert.Null(Figure.Of(cell).Value);
        }
    }

    [Fact]
    public void The_report_carries_its_metadata_and_embeds_only_the_shipped_fonts()
    {
        using var document = PdfReadBack.Open(SampleRun.File(SampleRun.Outcome, "rapport-2025.pdf"));

        Assert.Equal("Les mineurs victimes d'exploitation sexuelle en 2025", document.Information.Title);
        Assert.False(string.IsNullOrEmpty(document.Information.Author));
        Assert.False(string.IsNullOrEmpty(document.Information.Subject));
        Assert.False(string.IsNullOrEmpty(document.Information.Keywords));
        Assert.True(document.Structure.Catalog.CatalogDictionary.Data.TryGetValue("Lang", out var lang));
        Assert.Equal("fr-FR", Assert.IsType<StringToken>(lang).Data);
        var fonts = PdfInspection.Fonts(document).Where(f => f.Data.ContainsKey("BaseFont")).Select(f => ((NameToken)f.Data["BaseFont"]).Data).Distinct().ToArray();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+NotoSans", f));
    }

    [Fact]
    public void Every_character_printed_has_a_glyph_in_the_shipped_font()
    {
        // A character the font lacks is drawn as .notdef: PdfPig reads it back as U+0000, and the reader sees nothing
        // (a minus sign lost that way turns a fall into a rise).
        foreach (var file in SampleRun.Outcome.Files.Where(f => f.RelativePath.EndsWith(".pdf", StringComparison.Ordinal)))
        {
            var missing = PdfReadBack.MissingGlyphs(file.Content);
            Assert.True(missing.All(n => n == 0), $"{file.RelativePath}: letters without a glyph on pages {string.Join(", ", missing.Select((n, i) => (n, Page: i + 1)).Where(p => p.n > 0).Select(p => p.Page))}");
        }
    }

    [Fact]
    public void The_report_and_every_sheet_are_tagged_with_each_element_of_their_composition_in_reading_order()
    {
        var context = new PublicationContext(SampleRun.Edition, TemplateSet.Load(SampleRun.Parameters.Templates));
        var documents = Geography.Default.Departements
            .Select(d => (File: $"fiches/{d.Code}.pdf", Composed: DepartementSheet.Compose(context, d.Code)))
            .Prepend(("rapport-2025.pdf", AnnualReport.Compose(context)));
        foreach (var (file, composed) in documents)
        {
            var tagged = TaggedReadBack.Read(SampleRun.File(SampleRun.Outcome, file));

            // Every heading, paragraph, list item, key figure, table cell, caption, note and figure, in the composition's order
            var expected = composed.Elements.SelectMany(Expected).Select(e => (e.Role, Squeeze(e.Text))).ToArray();
            var actual = tagged.Nodes.Where(n => n.ContentCount > 0).Select(n => (n.Role, Squeeze(n.Role == "Figure" ? n.Alt ?? string.Empty : n.Text))).ToArray();
            Assert.Equal(expected, actual);

            // PDF/UA's machine-checkable conditions that apply (see TaggedReadBack)
            Assert.Empty(tagged.Untagged);
            Assert.Empty(tagged.Unowned);
            Assert.All(tagged.Nodes.Where(n => n.Role == "Figure"), f => Assert.False(string.IsNullOrWhiteSpace(f.Alt), file));
            Assert.All(tagged.Nodes.Where(n => n.Role == "TH"), th => Assert.NotNull(th.Scope));
            Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", tagged.Xmp, StringComparison.Ordinal);
            Assert.True(((BooleanToken)((DictionaryToken)tagged.Catalog.Data["ViewerPreferences"]).Data["DisplayDocTitle"]).Data);
            var headings = composed.Elements.Select(e => e switch
            {
                TitleElement t => (Level: 1, Text: t.Title),
                HeadingElement h => (Level: h.Level, Text: h.Text),
                AsideElement a => (Level: a.Level, Text: a.Title),
                _ => (Level: 0, Text: string.Empty),
            }).Where(h => h.Level > 0);
            Assert.Equal(headings.Select(h => new string(' ', 2 * (h.Level - 1)) + h.Text), tagged.Outline);
        }
    }

    [Fact]
    public void A_figure_s_alternative_text_gives_its_published_data_and_says_where_its_table_is()
    {
        var tagged = TaggedReadBack.Read(SampleRun.File(SampleRun.Outcome, "rapport-2025.pdf"));
        var first = tagged.Nodes.First(n => n.Role == "Figure").Alt!;
        var start = Cells.Text(IndicatorCodes.MinorVictims, SampleRun.Edition.Years.Min(), Level.France, "FR", "ESM", "toutes");
        var end = Cells.Text(IndicatorCodes.MinorVictims, 2025, Level.France, "FR", "ESM", "toutes");

        Assert.Contains($"de {start} en {SampleRun.Edition.Years.Min()} à {end} en 2025", first, StringComparison.Ordinal);
        Assert.Contains("Rupture de série en 2019", first, StringComparison.Ordinal);
        Assert.All(tagged.Nodes.Where(n => n.Role == "Figure"), f => Assert.Contains("tableaux-2025.xlsx", f.Alt, StringComparison.Ordinal));
    }

    /// <summary>The structure elements with content that an element of the composition makes, in reading order.</summary>
    private static IEnumerable<(string Role, string Text)> Expected(Element element) => element switch
    {
        TitleElement t => [("H1", t.Title), ("P", t.Subtitle), ("P", t.Edition)],
        HeadingElement h => [("H" + h.Level.ToString(CultureInfo.InvariantCulture), h.Text)],
        ParagraphElement p => [("P", p.Text)],
        BulletsElement b => b.Items.SelectMany(i => new[] { ("Lbl", "•"), ("LBody", i) }),
        KeyFiguresElement k => k.Items.SelectMany(i => new[] { ("P", i.Value), ("P", i.Label) }),
        TableElement t =>
        [
            ("Caption", t.Numbered),
            .. t.Headers.Select(h => ("TH", h)),
            .. t.Rows.SelectMany(r => r.Cells.Select((c, i) => (i == 0 && t.Headers.Count > 1 && !t.Numeric[0] ? "TH" : "TD", c))),
            ("P", t.Source),
            .. t.Notes.Select(n => ("Note", n)),
        ],
        ChartElement c => [("Caption", c.Numbered), ("Figure", AltText.For(c)!), ("P", c.Source), .. c.Notes.Select(n => ("Note", n))],
        MapElement m => [("Caption", m.Numbered), ("Figure", AltText.For(m)!), ("P", m.Source), .. m.Notes.Select(n => ("Note", n))],
        AsideElement a => [("H" + a.Level.ToString(CultureInfo.InvariantCulture), a.Title), .. a.Items ? a.Paragraphs.SelectMany(i => new[] { ("Lbl", "•"), ("LBody", i) }) : a.Paragraphs.Select(p => ("P", p))],
        _ => [],
    };

    /// <summary>Texts compared without their spaces: lines break at spaces, which a reader puts back from the layout.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
