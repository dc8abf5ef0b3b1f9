using Reporting.Publication.Pdf;
using static Reporting.Tests.Publication.Pdf.TestDocuments;

namespace Reporting.Tests.Publication.Pdf;

public sealed class PaginationTests
{
    /// <summary>Lines inside the content frame, top to bottom, without the running header and footer.</summary>
    private static IReadOnlyList<IReadOnlyList<ReadLine>> ContentLines(byte[] pdf)
    {
        using var document = PdfReadBack.Open(pdf);
        return document.GetPages()
            .Select(p => (IReadOnlyList<ReadLine>)PdfReadBack.Lines(p)
                .Where(l => l.Top > PageFrame.HeaderRuleY + 1 && l.Top < PageFrame.FooterRuleY - 1)
                .ToArray())
            .ToArray();
    }

    [Fact]
    public void A_table_longer_than_a_page_repeats_its_header_on_each_page_and_never_splits_a_row()
    {
        // Given 90 rows, every fifth one wrapping over three lines, each ending with its own tag
        var rows = Enumerable.Range(1, 90).Select(i => new TableRow(
        [
            "R" + N(i),
            (i % 5 == 0 ? string.Join(" ", Enumerable.Repeat("libellé long qui passe à la ligne", 6)) + " " : "libellé ") + "fin" + N(i),
            "12\u202F345",
        ])).ToArray();
        var table = new Table("Tableau 9 – Essai", [TableColumn.Text("Code"), TableColumn.Text("Libellé", 4), TableColumn.Numeric("Effectif")], rows, "Source : essai");

        // When
        var pages = ContentLines(PdfRenderer.Render(With(new Paragraph("Avant le tableau."), table)));

        // Then every page the table continues on opens with its title marked « (suite) » and its header row, and each
        // row's first and last lines share a page
        Assert.True(pages.Count >= 3);
        foreach (var page in pages.Skip(1))
        {
            Assert.Equal("Tableau9–Essai(suite)", page[0].Text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal));
            Assert.Equal("CodeLibelléEffectif", page[1].Text.Replace(" ", string.Empty, StringComparison.Ordinal));
        }

        for (var i = 1; i <= 90; i++)
        {
            var code = "R" + N(i);
            var end = "fin" + N(i);
            var start = pages.Select((p, n) => (p, n)).Single(x => x.p.Any(l => l.Text.StartsWith(code, StringComparison.Ordinal))).n;
            var finish = pages.Select((p, n) => (p, n)).Single(x => x.p.Any(l => l.Text.Contains(end, StringComparison.Ordinal))).n;
            Assert.Equal(start, finish);
        }

        Assert.Contains(pages[^1], l => l.Text == "Source : essai");
    }

    [Fact]
    public void A_heading_is_never_the_last_line_of_a_page()
    {
        // Given headings between paragraphs of many lengths, so that some headings fall at a page's foot
        var blocks = new List<Block>();
        for (var i = 0; i < 60; i++)
        {
            blocks.Add(new Heading(1 + (i % 3), "Titre " + N(i)));
            blocks.Add(Filler("Corps " + N(i), 1 + (i * 7 % 6)));
        }

        // When
        var pages = ContentLines(PdfRenderer.Render(With([.. blocks])));

        // Then no page ends with a heading, and every heading is followed by its text on its page
        Assert.True(pages.Count >= 4);
        foreach (var page in pages)
        {
            Assert.DoesNotContain("Titre", page[^1].Text, StringComparison.Ordinal);
            for (var l = 0; l < page.Count; l++)
            {
                if (page[l].Text.StartsWith("Titre ", StringComparison.Ordinal))
                {
                    Assert.StartsWith("Corps " + page[l].Text["Titre ".Length..], page[l + 1].Text, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void A_figure_never_separates_from_its_caption_and_source()
    {
        var blocks = new List<Block>();
        for (var i = 0; i < 12; i++)
        {
            blocks.Add(Filler("Corps " + N(i), 2 + (i % 4)));
            blocks.Add(new Figure("Figure " + N(i) + " – Essai", 150 + (i % 3 * 40), Drawing("Dessin" + N(i)), "Source " + N(i)));
        }

        var pages = ContentLines(PdfRenderer.Render(With([.. blocks])));

        for (var i = 0; i < 12; i++)
        {
            var page = pages.Single(p => p.Any(l => l.Text.StartsWith("Figure " + N(i), StringComparison.Ordinal)));
            Assert.Contains(page, l => l.Text.Contains("Dessin" + N(i), StringComparison.Ordinal));
            Assert.Contains(page, l => l.Text == "Source " + N(i));
        }
    }

    [Fact]
    public void Blocks_kept_together_share_a_page_and_a_page_break_starts_a_page()
    {
        var pages = ContentLines(PdfRenderer.Render(With(
            Filler("Avant", 50),
            new KeepTogether([new Heading(3, "Groupe"), Filler("Premier", 3), Filler("Second", 3)]),
            new PageBreak(),
            new Paragraph("Après le saut de page."))));

        var group = pages.Single(p => p.Any(l => l.Text == "Groupe"));
        Assert.Contains(group, l => l.Text.StartsWith("Premier", StringComparison.Ordinal));
        Assert.Contains(group, l => l.Text.StartsWith("Second", StringComparison.Ordinal));
        Assert.Equal("Après le saut de page.", pages[^1][0].Text);
        Assert.Single(pages[^1]);
    }

    [Fact]
    public void Every_page_but_the_title_page_has_the_running_header_and_every_page_its_number_out_of_the_page_count()
    {
        using var document = PdfReadBack.Open(PdfRenderer.Render(DemoDocument.Build()));
        var count = document.NumberOfPages;
        foreach (var page in document.GetPages())
        {
            var lines = PdfReadBack.Lines(page);
            if (page.Number == 1)
            {
                // The title page opens with the document's own title block.
                Assert.DoesNotContain(lines, l => l.Top < PageFrame.HeaderRuleY);
            }
            else
            {
                Assert.Equal(DemoDocument.Running.HeaderLeft + DemoDocument.Running.HeaderRight, lines[0].Text);
                Assert.True(lines[0].Top < PageFrame.HeaderRuleY);
            }

            Assert.Equal($"{DemoDocument.Running.FooterLeft}{page.Number} / {count}", lines[^1].Text);
            Assert.True(lines[^1].Top > PageFrame.FooterRuleY);
        }
    }
}
