using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Reporting.Publication.Pdf;
using UglyToad.PdfPig.Tokens;

namespace Reporting.Tests.Publication.Pdf;

public sealed partial class DocumentPropertiesTests
{
    private static readonly Lazy<byte[]> Demo = new(() => PdfRenderer.Render(DemoDocument.Build()));

    [Fact]
    public void The_same_document_gives_the_same_bytes()
    {
        var first = PdfRenderer.Render(DemoDocument.Build());
        var second = PdfRenderer.Render(DemoDocument.Build());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Metadata_come_from_the_document_and_the_publication_date_never_from_the_clock()
    {
        using var document = PdfReadBack.Open(Demo.Value);
        var info = document.Information;

        Assert.Equal(DemoDocument.Info.Title, info.Title);
        Assert.Equal(DemoDocument.Info.Author, info.Author);
        Assert.Equal(DemoDocument.Info.Subject, info.Subject);
        Assert.Equal("mineurs, exploitation sexuelle, prostitution, statistiques", info.Keywords);
        Assert.Equal("Reporting", info.Creator);
        Assert.Equal("Reporting", info.Producer);
        Assert.Equal("D:20260414000000+00'00'", info.CreationDate);
        Assert.Equal("D:20260414000000+00'00'", info.ModifiedDate);
    }

    [Fact]
    public void Without_a_publication_date_the_dates_are_a_fixed_epoch()
    {
        var undated = TestDocuments.With(new Paragraph("Sans date."));
        using var document = PdfReadBack.Open(PdfRenderer.Render(undated));

        Assert.Equal("D:19800101000000+00'00'", document.Information.CreationDate);
    }

    [Fact]
    public void The_catalog_declares_the_french_language()
    {
        using var document = PdfReadBack.Open(Demo.Value);
        var catalog = document.Structure.Catalog.CatalogDictionary;

        Assert.True(catalog.Data.TryGetValue("Lang", out var lang));
        Assert.Equal("fr-FR", Assert.IsType<StringToken>(lang).Data);
    }

    [Fact]
    public void Every_cross_reference_points_at_its_object_after_the_language_is_written()
    {
        var pdf = Demo.Value;
        var text = Encoding.Latin1.GetString(pdf);
        var startXref = int.Parse(StartXref().Matches(text)[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        var table = XrefTable().Match(text, startXref);
        Assert.Equal(startXref, table.Index);

        var count = int.Parse(table.Groups[1].Value, CultureInfo.InvariantCulture);
        for (var number = 1; number < count; number++)
        {
            var entry = text.Substring(table.Index + table.Length + (number * 20), 20);
            var offset = int.Parse(entry[..10], CultureInfo.InvariantCulture);
            Assert.StartsWith($"{number} 0 obj", text[offset..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_font_is_an_embedded_subset_of_the_shipped_noto_sans()
    {
        using var document = PdfReadBack.Open(Demo.Value);

        var letterFonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToArray();
        Assert.All(letterFonts, name => Assert.Matches(ShippedSubset(), name));
        Assert.Equal(3, letterFonts.Length);

        var descriptors = PdfInspection.Fonts(document)
            .Select(font => PdfInspection.Entry(document, font, "FontDescriptor"))
            .Where(descriptor => descriptor is not null)
            .ToArray();
        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, d =>
        {
            Assert.True(d!.Data.ContainsKey("FontFile2"), "a TrueType font program is embedded");
            Assert.Matches(ShippedSubset(), ((NameToken)d.Data["FontName"]).Data);
        });
    }

    [Fact]
    public void Text_reads_back_with_accents_and_french_spaces()
    {
        var text = string.Join("\n", PdfReadBack.PageTexts(Demo.Value).SelectMany(p => p));

        Assert.Contains("2. Évolution", text, StringComparison.Ordinal);
        Assert.Contains("Au cœur de ces chiffres, l’œuvre", text, StringComparison.Ordinal);
        Assert.Contains("Île-de-France", text, StringComparison.Ordinal);

        // The narrow no-break space (U+202F) and the no-break space (U+00A0) come back as themselves.
        Assert.Contains("2\u202F143 mineurs", text, StringComparison.Ordinal);
        Assert.Contains("8,2\u00A0%", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_text_stays_small()
    {
        var page = TestDocuments.With(
            new Heading(1, "1. Une page de texte"),
            TestDocuments.Filler("Texte", 40));

        var pdf = PdfRenderer.Render(page);

        Assert.Equal(1, PdfReadBack.Open(pdf).NumberOfPages);
        Assert.InRange(pdf.Length, 1_000, 40_000);
    }

    [GeneratedRegex(@"^[A-Z]{6}\+NotoSans-(Regular|Bold|Italic)$")]
    private static partial Regex ShippedSubset();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"\Gxref\n0 (\d+)\n")]
    private static partial Regex XrefTable();
}
