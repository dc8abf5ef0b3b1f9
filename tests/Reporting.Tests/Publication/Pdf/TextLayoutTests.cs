using Reporting.Publication.Pdf;

namespace Reporting.Tests.Publication.Pdf;

public sealed class TextLayoutTests
{
    [Fact]
    public void Markup_makes_bold_and_italic_runs()
    {
        var paragraph = Paragraph.Markup("En 2025, **2\u202F143 mineurs** ont été _identifiés_.");

        Assert.Equal(
            [new TextRun("En 2025, "), TextRun.Bold("2\u202F143 mineurs"), new TextRun(" ont été "), TextRun.Italic("identifiés"), new TextRun(".")],
            paragraph.Runs);
    }

    [Fact]
    public void Markup_keeps_underscores_inside_words()
    {
        var paragraph = Paragraph.Markup("Le fichier indicateurs_2025.csv est _publié_.");

        Assert.Equal([new TextRun("Le fichier indicateurs_2025.csv est "), TextRun.Italic("publié"), new TextRun(".")], paragraph.Runs);
    }

    [Theory]
    [InlineData("2\u202F143")]
    [InlineData("12,5\u00A0%")]
    public void French_no_break_spaces_never_break_a_line(string figure)
    {
        var text = string.Join(" ", Enumerable.Repeat(figure, 200));

        var lines = TextLayout.Wrap(text, Typography.Body, 120);

        Assert.All(lines, line => Assert.All(
            string.Concat(line.Pieces.Select(p => p.Text)).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            word => Assert.Equal(figure, word)));
    }

    [Fact]
    public void Lines_are_no_wider_than_asked()
    {
        var lines = TextLayout.Wrap(string.Concat(Enumerable.Repeat("mot ", 50)) + new string('x', 300), Typography.Body, 100);

        Assert.All(lines, l => Assert.True(l.Width <= 100.01f, $"{l.Width}"));
    }
}
