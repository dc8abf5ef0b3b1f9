using Reporting.Publication.Pdf;
using UglyToad.PdfPig.Tokens;
using static Reporting.Tests.Publication.Pdf.TestDocuments;

namespace Reporting.Tests.Publication.Pdf;

/// <summary>The tagged PDF (PDF/UA-1) as the layout layer writes it, read back from the file's structure tree.</summary>
public sealed class StructureTreeTests
{
    private static readonly Lazy<TaggedReadBack> Demo = new(() => TaggedReadBack.Read(PdfRenderer.Render(DemoDocument.Build())));

    [Fact]
    public void The_catalogue_declares_a_tagged_document_with_its_title_shown_its_language_and_the_pdf_ua_identifier()
    {
        var catalog = Demo.Value.Catalog;

        var markInfo = Assert.IsType<DictionaryToken>(catalog.Data["MarkInfo"]);
        Assert.True(Assert.IsType<BooleanToken>(markInfo.Data["Marked"]).Data);
        var preferences = Assert.IsType<DictionaryToken>(catalog.Data["ViewerPreferences"]);
        Assert.True(Assert.IsType<BooleanToken>(preferences.Data["DisplayDocTitle"]).Data);
        Assert.Equal("fr-FR", Assert.IsType<StringToken>(catalog.Data["Lang"]).Data);
        Assert.NotNull(Demo.Value.Xmp);
        Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", Demo.Value.Xmp, StringComparison.Ordinal);
        Assert.Contains($"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{DemoDocument.Title}</rdf:li>", Demo.Value.Xmp, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_drawn_outside_a_marked_content_sequence_and_every_mcid_has_its_element()
    {
        Assert.Empty(Demo.Value.Untagged);
        Assert.Empty(Demo.Value.Unowned);
        Assert.All(Demo.Value.Nodes.Where(n => n.ContentCount > 0), n => Assert.NotEqual("Document", n.Role));
    }

    [Fact]
    public void The_document_element_holds_headings_paragraphs_lists_tables_and_figures_in_reading_order()
    {
        var nodes = Demo.Value.Nodes;

        Assert.Equal("Document", nodes[0].Role);
        Assert.Equal(0, nodes[0].Depth);
        var headings = nodes.Where(n => n.Role is "H1" or "H2" or "H3").Select(n => n.Text).ToArray();
        Assert.Equal("Les mineurs victimes d’exploitation sexuelle en 2025", headings[0]);
        Assert.Equal(["1. Chiffres clés", "2. Évolution"], headings.Skip(1).Take(2));
        Assert.Contains(nodes, n => n.Role == "L");
        Assert.Contains(nodes, n => n.Role == "Table");
        Assert.Contains(nodes, n => n.Role == "THead");
        Assert.Contains(nodes, n => n.Role == "TBody");
        Assert.Contains(nodes, n => n.Role == "P" && n.Text.StartsWith("En 2025, 2\u202F143 mineurs", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_figure_has_an_alternative_text_and_every_table_header_cell_a_scope()
    {
        var figures = Demo.Value.Nodes.Where(n => n.Role == "Figure").ToArray();
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.False(string.IsNullOrWhiteSpace(f.Alt)));
        Assert.All(Demo.Value.Nodes.Where(n => n.Role == "TH"), th => Assert.Contains(th.Scope, new[] { "Column", "Row" }));
        Assert.All(Demo.Value.Nodes.Where(n => n.Role == "Note"), note => Assert.False(string.IsNullOrEmpty(note.Id)));
    }

    [Fact]
    public void A_figure_given_an_alternative_text_carries_it_and_one_without_falls_back_on_its_title()
    {
        var tagged = TaggedReadBack.Read(PdfRenderer.Render(With(
            new Figure("Figure 1 – Essai", 120, Drawing("Dessin"), "Source : essai", Alt: "Une courbe qui monte de 1 à 9."),
            new Figure("Figure 2 – Sans texte", 120, Drawing("Autre")))));

        Assert.Equal(["Une courbe qui monte de 1 à 9.", "Figure 2 – Sans texte"], tagged.Nodes.Where(n => n.Role == "Figure").Select(n => n.Alt));
        Assert.Equal(["Caption", "Figure", "P", "Caption", "Figure"], tagged.Nodes.Where(n => n.Depth == 2).Select(n => n.Role));
    }

    [Fact]
    public void A_table_continued_on_new_pages_reads_its_header_row_once_and_each_row_once()
    {
        // Given a table over three pages or more, whose header row is drawn again at the top of each page
        var rows = Enumerable.Range(1, 90).Select(i => new TableRow(["R" + N(i), "libellé " + N(i), "12\u202F345"])).ToArray();
        var table = new Table("Tableau 9 – Essai", [TableColumn.Text("Code"), TableColumn.Text("Libellé", 4), TableColumn.Numeric("Effectif")], rows, "Source : essai", Note: "Note : essai.");

        // When
        var pdf = PdfRenderer.Render(With(table));
        var tagged = TaggedReadBack.Read(pdf);

        // Then the header cells are in the tree once, with a column scope; each row's first cell heads its row
        Assert.True(PdfReadBack.PageTexts(pdf).Count(p => p.Any(l => l.Replace(" ", string.Empty, StringComparison.Ordinal) == "CodeLibelléEffectif")) >= 3);
        Assert.Equal(["Code", "Libellé", "Effectif"], tagged.Nodes.Where(n => n.Scope == "Column").Select(n => n.Text));
        Assert.Equal(Enumerable.Range(1, 90).Select(i => "R" + N(i)), tagged.Nodes.Where(n => n.Scope == "Row").Select(n => n.Text));
        Assert.Equal(91, tagged.Nodes.Count(n => n.Role == "TR"));
        Assert.Equal(["Table", "P", "Note"], tagged.Nodes.Where(n => n.Depth == 1).Select(n => n.Role));
        Assert.Empty(tagged.Untagged);
        Assert.Empty(tagged.Unowned);
    }

    [Fact]
    public void The_outline_mirrors_the_headings_and_their_levels()
    {
        var tagged = TaggedReadBack.Read(PdfRenderer.Render(With(
            new Heading(1, "1. Premier"),
            new Heading(2, "Sous-partie"),
            new Heading(3, "Détail"),
            new Heading(2, "Autre sous-partie"),
            new Heading(1, "2. Second"))));

        Assert.Equal(["1. Premier", "  Sous-partie", "    Détail", "  Autre sous-partie", "2. Second"], tagged.Outline);
    }
}
