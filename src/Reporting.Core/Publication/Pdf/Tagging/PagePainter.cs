using SkiaSharp;

namespace Reporting.Publication.Pdf.Tagging;

/// <summary>What an artifact is (ISO 32000-1, 14.8.2.2): running texts, rules and fills that carry no content.</summary>
internal enum ArtifactKind
{
    /// <summary>The running header, and a table's header row repeated on a new page.</summary>
    Header,

    /// <summary>The running footer and the page number.</summary>
    Footer,

    /// <summary>Rules and decorative shapes.</summary>
    Layout,

    /// <summary>Fills behind content (table rows, key-figure boxes).</summary>
    Background,
}

/// <summary>One piece of a page: a scratch page of Skia's document that is either an element's content or an artifact.</summary>
internal sealed record Piece(int ScratchPage, StructureElement? Element, int Mcid, ArtifactKind Artifact);

/// <summary>
/// Draws one page of a tagged document. SkiaSharp 3.119 cannot tag what it draws (its PDF metadata has no structure
/// tree), so every piece — an element's content, or an artifact — is drawn on a page of its own in a scratch Skia
/// document, at its final place; <see cref="TaggedPdfWriter"/> then stitches each page's pieces into one content
/// stream, each inside its marked-content sequence. A canvas is valid until the next call.
/// </summary>
internal sealed class PagePainter
{
    private readonly Scratch scratch;
    private readonly bool repeated;

    private PagePainter(Scratch scratch, int page, List<Piece> pieces, bool repeated)
    {
        this.scratch = scratch;
        Page = page;
        Pieces = pieces;
        this.repeated = repeated;
    }

    /// <summary>The final page this painter draws (from 0).</summary>
    public int Page { get; }

    public List<Piece> Pieces { get; }

    public static PagePainter Open(SKDocument document, int page) => new(new Scratch(document), page, [], repeated: false);

    /// <summary>The next page, drawn into the same scratch document.</summary>
    public PagePainter Next()
    {
        Close();
        return new PagePainter(scratch, Page + 1, [], repeated: false);
    }

    /// <summary>
    /// The same page for a box drawn again (a table's header row on the page its rows continue on): what it draws is a
    /// header artifact, never new content (PDF/UA-1, 7.5: a repeated header is not read twice).
    /// </summary>
    public PagePainter Repeated() => new(scratch, Page, Pieces, repeated: true);

    /// <summary>A canvas for <paramref name="element"/>'s content; <paramref name="top"/> anchors the outline's link to a heading.</summary>
    public SKCanvas Content(StructureElement element, float? top = null)
    {
        if (repeated)
        {
            return Artifact(ArtifactKind.Header);
        }

        var mcid = Pieces.Count(p => p.Element is not null);
        element.Attach(new MarkedContent(Page, mcid));
        element.Anchor ??= (Page, top ?? 0);
        return Begin(element, mcid, ArtifactKind.Layout);
    }

    public SKCanvas Artifact(ArtifactKind kind) => Begin(null, -1, kind);

    /// <summary>Ends the last piece; the writer reads the scratch document only after every page is closed.</summary>
    public void Close() => scratch.End();

    private SKCanvas Begin(StructureElement? element, int mcid, ArtifactKind kind)
    {
        var canvas = scratch.Begin();
        Pieces.Add(new Piece(scratch.Count - 1, element, mcid, kind));
        return canvas;
    }

    private sealed class Scratch(SKDocument document)
    {
        private bool open;

        public int Count { get; private set; }

        public SKCanvas Begin()
        {
            End();
            open = true;
            Count++;
            return document.BeginPage(PageFrame.Width, PageFrame.Height);
        }

        public void End()
        {
            if (open)
            {
                document.EndPage();
                open = false;
            }
        }
    }
}
