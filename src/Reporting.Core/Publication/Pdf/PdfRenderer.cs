using System.Globalization;
using Reporting.Publication.Pdf.Tagging;
using SkiaSharp;

namespace Reporting.Publication.Pdf;

/// <summary>
/// Renders a <see cref="Document"/> to a tagged PDF (PDF/UA-1): every block is measured into boxes and makes its
/// structure elements, the boxes are paginated, and only then are pages drawn, so that each footer knows the page
/// count. Each page draws its running header, its boxes in reading order, then its footer; what is not content is an
/// artifact.
/// </summary>
public static class PdfRenderer
{
    private static readonly DateTime FixedEpoch = DocumentInfo.UndatedEdition.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static byte[] Render(Document document)
    {
        var root = new StructureElement(Roles.Document);
        var pages = Paginate(document, root);
        var pieces = new List<IReadOnlyList<Piece>>();
        using var stream = new MemoryStream();
        using (var scratch = SKDocument.CreatePdf(stream, ScratchMetadata))
        {
            var painter = PagePainter.Open(scratch, 0);
            for (var i = 0; i < pages.Count; i++)
            {
                if (i > 0)
                {
                    painter = painter.Next();
                }

                // The first page opens with the document's own title block: no running header above it.
                if (i > 0)
                {
                    DrawRunningHeader(painter.Artifact(ArtifactKind.Header), document.Running);
                }

                foreach (var placed in pages[i])
                {
                    placed.Box.Draw(placed.Repeated ? painter.Repeated() : painter, new SKPoint(PageFrame.Content.Left, PageFrame.Content.Top + placed.Y));
                }

                DrawFooter(painter.Artifact(ArtifactKind.Footer), document.Running, i + 1, pages.Count);
                pieces.Add(painter.Pieces);
            }

            painter.Close();
            scratch.Close();
        }

        var date = document.Info.PublicationDate is { } d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : FixedEpoch;
        return TaggedPdfWriter.Write(SkiaPdfFile.Read(stream.ToArray()), pieces, root, document.Info, date);
    }

    public static void Render(Document document, Stream output) => output.Write(Render(document));

    internal static IReadOnlyList<IReadOnlyList<PlacedBox>> Paginate(Document document, StructureElement? root = null)
    {
        var width = PageFrame.Content.Width;
        root ??= new StructureElement(Roles.Document);
        var boxes = document.Blocks.SelectMany(b => b.Layout(width, root)).ToArray();
        return Paginator.Paginate(boxes, PageFrame.Content.Height);
    }

    /// <summary>
    /// Skia's own document is a scratch copy, one page per piece, that the tagged writer reads back: its metadata are
    /// not kept. PDF/A stays off, since it makes Skia write an XMP packet with a random document ID.
    /// </summary>
    private static SKDocumentPdfMetadata ScratchMetadata => new()
    {
        Creation = FixedEpoch,
        Modified = FixedEpoch,
        PdfA = false,
    };

    private static void Line(SKCanvas canvas, string text, float baseline, TextAlign align)
    {
        var style = Typography.RunningText;

        // The footer's left text leaves room for the page number; running texts are single lines.
        var width = PageFrame.Content.Width;
        var lines = TextLayout.Wrap(text, style, align == TextAlign.Left ? width - 60 : width);
        if (lines.Count > 0)
        {
            lines[0].Draw(canvas, PageFrame.Content.Left, baseline - TextLayout.Baseline(style, lines[0].Height), width, align);
        }
    }

    private static void DrawRunningHeader(SKCanvas canvas, RunningText running)
    {
        Line(canvas, running.HeaderLeft, PageFrame.HeaderRuleY - 5, TextAlign.Left);
        if (running.HeaderRight is not null)
        {
            Line(canvas, running.HeaderRight, PageFrame.HeaderRuleY - 5, TextAlign.Right);
        }

        Drawing.Rule(canvas, PageFrame.Content.Left, PageFrame.Content.Right, PageFrame.HeaderRuleY, Palette.Rule, 0.5f);
    }

    private static void DrawFooter(SKCanvas canvas, RunningText running, int page, int pageCount)
    {
        Drawing.Rule(canvas, PageFrame.Content.Left, PageFrame.Content.Right, PageFrame.FooterRuleY, Palette.Rule, 0.5f);
        var footerBaseline = PageFrame.FooterRuleY + 13;
        Line(canvas, running.FooterLeft, footerBaseline, TextAlign.Left);
        Line(canvas, string.Create(CultureInfo.InvariantCulture, $"{page} / {pageCount}"), footerBaseline, TextAlign.Right);
    }
}
