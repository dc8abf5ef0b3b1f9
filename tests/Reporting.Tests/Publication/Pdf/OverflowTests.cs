using Reporting.Publication.Pdf;
using UglyToad.PdfPig.Content;
using static Reporting.Tests.Publication.Pdf.TestDocuments;

namespace Reporting.Tests.Publication.Pdf;

public sealed class OverflowTests
{
    private const double Tolerance = 0.1;
    private const double InkOverhang = 1.0;

    [Theory]
    [InlineData("Anticonstitutionnellement", 40)]
    [InlineData("1234567890", 30)]
    [InlineData("https://exemple.fr/un/chemin/tres/long/sans/aucune/espace/", 12)]
    public void Long_words_and_numbers_never_leave_the_text_frame(string piece, int repeat)
    {
        var word = string.Concat(Enumerable.Repeat(piece, repeat));
        var pdf = PdfRenderer.Render(With(
            new Heading(1, word),
            new Paragraph("Début " + word + " fin."),
            Paragraph.Markup("**" + word + "** _" + word + "_"),
            BulletList.Of(word)));

        using var document = PdfReadBack.Open(pdf);
        var letters = document.GetPages().SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToArray();
        Assert.NotEmpty(letters);
        Assert.All(letters, l => AssertWithin(l, PageFrame.Content.Left, PageFrame.Content.Right));

        // Nothing is lost: every character of the long word is still there, in order.
        var text = string.Concat(letters.Select(l => l.Value));
        Assert.Contains(word, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_numbers_never_leave_their_table_column()
    {
        // Given a 60 pt first column holding digits only, and letters only elsewhere
        const float width = 60;
        var rows = Enumerable.Range(1, 5)
            .Select(i => new TableRow([string.Concat(Enumerable.Repeat("9876543210", i * 3)), "libellé", "total"]))
            .ToArray();
        var table = new Table(null, [new TableColumn("N", ColumnWidth.Points(width), TextAlign.Right), TableColumn.Text("Libellé"), TableColumn.Text("Note")], rows);

        using var document = PdfReadBack.Open(PdfRenderer.Render(With(table)));
        var digits = document.GetPages().SelectMany(p => p.Letters)
            .Where(l => char.IsAsciiDigit(l.Value[0]) && l.StartBaseLine.Y > PageFrame.Height - PageFrame.Content.Bottom)
            .ToArray();

        Assert.Equal(rows.Sum(r => r.Cells[0].Length), digits.Length);
        Assert.All(digits, l => AssertWithin(l, PageFrame.Content.Left, PageFrame.Content.Left + width));
    }

    /// <summary>
    /// The letter's advance (origin to end, what layout places) stays inside; its ink may overhang by a hair,
    /// as a bold capital's or an italic's does by design.
    /// </summary>
    private static void AssertWithin(Letter letter, double left, double right)
    {
        Assert.InRange(letter.StartBaseLine.X, left - Tolerance, right + Tolerance);
        Assert.InRange(letter.EndBaseLine.X, left - Tolerance, right + Tolerance);
        Assert.InRange(letter.BoundingBox.Left, left - InkOverhang, right + InkOverhang);
        Assert.InRange(letter.BoundingBox.Right, left - InkOverhang, right + InkOverhang);
    }
}
