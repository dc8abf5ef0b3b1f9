namespace Reporting.Publication.Pdf;

/// <summary>
/// What the PDF says about itself. <paramref name="PublicationDate"/> becomes the creation and modification
/// dates (midnight UTC), so that a PDF depends on its content only, never on the clock.
/// </summary>
public sealed record DocumentInfo(string Title, string Author, string Subject, IReadOnlyList<string> Keywords, DateOnly? PublicationDate = null)
{
    /// <summary>The language of every publication, written into the catalog as <c>/Lang</c>.</summary>
    public const string Language = "fr-FR";

    /// <summary>
    /// The date every format carries for an undated working edition (the engine never reads the clock): 1 January 1980,
    /// the earliest date a workbook's ZIP entries can hold, in the PDFs and the workbook alike.
    /// </summary>
    public static readonly DateOnly UndatedEdition = new(1980, 1, 1);
}

/// <summary>The running header (left: the publication's title; right: optional) and footer (left: source or edition; right: page n / N).</summary>
public sealed record RunningText(string HeaderLeft, string FooterLeft, string? HeaderRight = null);

/// <summary>A whole document: its metadata, its running texts and its blocks in reading order.</summary>
public sealed record Document(DocumentInfo Info, RunningText Running, IReadOnlyList<Block> Blocks);
