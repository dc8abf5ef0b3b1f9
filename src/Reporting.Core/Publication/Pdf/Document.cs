namespace Reporting.Publication.Pdf;

/// <summary>
/// What the PDF says about itself. <paramref name="PublicationDate"/> becomes the creation and modification
/// dates (midnight UTC), so that a PDF depends on its content only, never on the clock.
/// </summary>
public sealed record DocumentInfo(string Title, string Author, string Subject, IReadOnlyList<string> Keywords, DateOnly? PublicationDate = null)
{
    /// <summary>The language of every publication, written into the catalog as <c>/Lang</c>.</summary>
    public const string Language = "fr-FR";
}

/// <summary>The running header (left: the publication's title; right: optional) and footer (left: source or edition; right: page n / N).</summary>
public sealed record RunningText(string HeaderLeft, string FooterLeft, string? HeaderRight = null);

/// <summary>A whole document: its metadata, its running texts and its blocks in reading order.</summary>
public sealed record Document(DocumentInfo Info, RunningText Running, IReadOnlyList<Block> Blocks);
