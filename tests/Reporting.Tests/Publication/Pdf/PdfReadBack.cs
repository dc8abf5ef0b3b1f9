using System.Runtime.ExceptionServices;
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
    public static IReadOnlyList<IReadOnlyList<string>> PageTexts(byte[] pdf) => Read(pdf).Texts;

    /// <summary>
    /// How many letters of each page PdfPig reads back as U+0000: characters drawn as .notdef, that the font lacks.
    /// Counted in the same reading as <see cref="PageTexts"/>.
    /// </summary>
    public static IReadOnlyList<int> MissingGlyphs(byte[] pdf) => Read(pdf).Missing;

    /// <summary>The structure tree and marked content (<see cref="TaggedReadBack"/>), from the same reading.</summary>
    public static TaggedReadBack Tagged(byte[] pdf)
    {
        var read = Read(pdf);
        read.TaggedFailure?.Throw();
        return read.Tagged!;
    }

    /// <summary>
    /// One reading of each PDF for every test that reads it (PdfPig's pages are the costly part: the samples' 102 PDFs
    /// are read by the snapshot, glyph, tagging and traceability tests).
    /// </summary>
    private static ReadPages Read(byte[] pdf) => Pages.GetValue(pdf, bytes =>
    {
        using var document = Open(bytes);
        var pages = document.GetPages().ToArray();
        var (tagged, failure) = ((TaggedReadBack?)null, (ExceptionDispatchInfo?)null);
        try
        {
            tagged = TaggedReadBack.Read(document, pages);
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e); // an untagged PDF (a chart's) still has texts; asking for its tags fails
        }

        return new ReadPages(
            [.. pages.Select(p => (IReadOnlyList<string>)Lines(p).Select(l => l.Text).ToArray())],
            [.. pages.Select(p => p.Letters.Count(l => l.Value == "\0"))],
            tagged,
            failure);
    });

    private sealed record ReadPages(IReadOnlyList<IReadOnlyList<string>> Texts, IReadOnlyList<int> Missing, TaggedReadBack? Tagged, ExceptionDispatchInfo? TaggedFailure);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], ReadPages> Pages = new();
}
