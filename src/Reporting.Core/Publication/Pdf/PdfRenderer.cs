using System.Globalization;
using SkiaSharp;

namespace Reporting.Publication.Pdf;

/// <summary>
/// Renders a <see cref="Document"/> to PDF: every block is measured into boxes, the boxes are paginated,
/// and only then are pages drawn, so that each footer knows the page count.
/// </summary>
public static class PdfRenderer
{
    /// <summary>Creator and producer are fixed: the bytes must not depend on the library's version string.</summary>
    private const string Creator = "Reporting";

    private static readonly DateTime FixedEpoch = DateTime.UnixEpoch;

    public static byte[] Render(Document document)
    {
        var pages = Paginate(document);
        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream, Metadata(document.Info)))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = pdf.BeginPage(PageFrame.Width, PageFrame.Height);
                DrawRunningText(canvas, document.Running, i + 1, pages.Count);
                foreach (var placed in pages[i])
                {
                    placed.Box.Draw(canvas, new SKPoint(PageFrame.Content.Left, PageFrame.Content.Top + placed.Y));
                }

                pdf.EndPage();
            }

            pdf.Close();
        }

        return PdfDates.InUtc(PdfLanguage.Set(stream.ToArray(), DocumentInfo.Language));
    }

    public static void Render(Document document, Stream output) => output.Write(Render(document));

    internal static IReadOnlyList<IReadOnlyList<PlacedBox>> Paginate(Document document)
    {
        var width = PageFrame.Content.Width;
        var boxes = document.Blocks.SelectMany(b => b.Layout(width)).ToArray();
        return Paginator.Paginate(boxes, PageFrame.Content.Height);
    }

    private static SKDocumentPdfMetadata Metadata(DocumentInfo info)
    {
        var date = info.PublicationDate is { } d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : FixedEpoch;
        return new SKDocumentPdfMetadata
        {
            Title = info.Title,
            Author = info.Author,
            Subject = info.Subject,
            Keywords = string.Join(", ", info.Keywords),
            Creator = Creator,
            Producer = Creator,
            Creation = date,
            Modified = date,

            // PDF/A makes Skia write an XMP packet with a random document ID: the bytes would differ on each run.
            PdfA = false,
        };
    }

    private static void DrawRunningText(SKCanvas canvas, RunningText running, int page, int pageCount)
    {
        var left = PageFrame.Content.Left;
        var right = PageFrame.Content.Right;
        var width = PageFrame.Content.Width;
        var style = Typography.RunningText;

        // The footer's left text leaves room for the page number; running texts are single lines.
        void Line(string text, float baseline, TextAlign align)
        {
            var lines = TextLayout.Wrap(text, style, align == TextAlign.Left ? width - 60 : width);
            if (lines.Count > 0)
            {
                lines[0].Draw(canvas, left, baseline - TextLayout.Baseline(style, lines[0].Height), width, align);
            }
        }

        Line(running.HeaderLeft, PageFrame.HeaderRuleY - 5, TextAlign.Left);
        if (running.HeaderRight is not null)
        {
            Line(running.HeaderRight, PageFrame.HeaderRuleY - 5, TextAlign.Right);
        }

        Drawing.Rule(canvas, left, right, PageFrame.HeaderRuleY, Palette.Rule, 0.5f);
        Drawing.Rule(canvas, left, right, PageFrame.FooterRuleY, Palette.Rule, 0.5f);
        var footerBaseline = PageFrame.FooterRuleY + 13;
        Line(running.FooterLeft, footerBaseline, TextAlign.Left);
        Line(string.Create(CultureInfo.InvariantCulture, $"{page} / {pageCount}"), footerBaseline, TextAlign.Right);
    }
}
