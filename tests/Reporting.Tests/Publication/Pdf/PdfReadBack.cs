using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Reporting.Tests.Publication.Pdf;

/// <summary>A text line as PdfPig reads it back: its letters, in reading order, on one baseline.</summary>
internal sealed record ReadLine(string Text, IReadOnlyList<Letter> Letters)
{
    /// <summary>Top of the line from the top of the page, in points (PdfPig measures from the bottom).</summary>
    public double Top => Reporting.Publication.Pdf.PageFrame.Height - Letters.Max(l => l.BoundingBox.Top);

    public double Left => Letters.Min(l => l.BoundingBox.Left);
}

/// <summary>Reads a rendered PDF back the way a reader's tools would: pages, lines of text, fonts, images.</summary>
internal static class PdfReadBack
{
    public static PdfDocument Open(byte[] pdf) => PdfDocument.Open(pdf);

    /// <summary>The page's lines, top to bottom; letters closer than 1 pt vertically share a line.</summary>
    public static IReadOnlyList<ReadLine> Lines(Page page) =>
        page.Letters.Where(l => l.Value != "\0")
            .GroupBy(l => Math.Round(l.StartBaseLine.Y))
            .OrderByDescending(g => g.Key)
            .Select(g => g.OrderBy(l => l.StartBaseLine.X).ToArray())
            .Select(letters => new ReadLine(string.Concat(letters.Select(l => l.Value)), letters))
            .ToArray();

    /// <summary>Each page's lines of text; read once per PDF (the shared samples run's files are read by several tests).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> PageTexts(byte[] pdf) => Texts.GetValue(pdf, bytes =>
    {
        using var document = Open(bytes);
        return document.GetPages().Select(p => (IReadOnlyList<string>)Lines(p).Select(l => l.Text).ToArray()).ToArray();
    });

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], IReadOnlyList<IReadOnlyList<string>>> Texts = new();
}
