using Reporting.Publication.Charts;

namespace Reporting.Publication.Report;

/// <summary>
/// One element of a composed document, whatever its layout: the PDF lays out its blocks from the same calls, the HTML
/// edition and the PDF's structure tree read these. Every number in them is already French text from a cell, or a
/// chart value from a cell; a renderer formats and places, nothing else.
/// </summary>
public abstract record Element;

public sealed record TitleElement(string Title, string Subtitle, string Edition) : Element;

/// <summary>
/// What stands under a figure or a table, as official statistics print it: its source line, naming only the sources its
/// figures come from, then « Champ : … » (what it covers), « Lecture : … » (how to read one of its own published values)
/// and its notes, each a line of its own (<see cref="Apparatus.Captions"/>).
/// </summary>
/// <param name="Sources">the codes of the sources its figures come from (<see cref="Vocabulary.SourceName"/>)</param>
/// <param name="Scope">« Champ : » without its label</param>
/// <param name="Reading">« Lecture : » without its label; null when none of its values is published</param>
/// <param name="Notes">each « Note : » without its label</param>
/// <param name="Symbols">whether its cells may show c, x or z (the line that explains them closes the captions)</param>
public sealed record Apparatus(IReadOnlyList<string> Sources, string Scope, string? Reading = null, IReadOnlyList<string>? Notes = null, bool Symbols = false)
{
    public string SourceLine(string processedBy) => Vocabulary.SourceLine(Sources, processedBy);

    /// <summary>The lines after the source, labelled: Champ, Lecture, each note, the symbols.</summary>
    public IReadOnlyList<string> Captions =>
    [
        "Champ : " + Scope + (Scope.EndsWith('.') ? string.Empty : "."),
        .. Reading is null ? Array.Empty<string>() : ["Lecture : " + Reading],
        .. (Notes ?? []).Select(n => "Note : " + n),
        .. Symbols ? [Vocabulary.Symbols] : Array.Empty<string>(),
    ];
}

public sealed record HeadingElement(int Level, string Text) : Element;

public sealed record ParagraphElement(string Text) : Element;

public sealed record BulletsElement(IReadOnlyList<string> Items) : Element;

public sealed record KeyFiguresElement(IReadOnlyList<(string Value, string Label)> Items) : Element;

/// <param name="Numbered">"Tableau 3 – …"</param>
/// <param name="Numeric">for each column, whether it holds figures (right-aligned, a header cell per row)</param>
/// <param name="Notes">the lines under it after its source: Champ, Lecture, notes (<see cref="Apparatus.Captions"/>)</param>
public sealed record TableElement(string Numbered, IReadOnlyList<string> Headers, IReadOnlyList<bool> Numeric, IReadOnlyList<Pdf.TableRow> Rows, IReadOnlyList<string> Notes, string Source) : Element;

/// <summary>A chart: line or bar, with its data (published cells; null where a value is not published).</summary>
/// <param name="Numbered">"Figure 2 – …"</param>
/// <param name="BarKeys">what each bar series is (its colour), in the order of <paramref name="BarSeries"/></param>
public sealed record ChartElement(string Numbered, string Axis, IReadOnlyList<ChartSeries> Series, IReadOnlyList<SeriesBreak> Breaks, IReadOnlyList<string>? BarSeries, IReadOnlyList<BarGroup>? Bars, IReadOnlyList<string> Notes, string Source, IReadOnlyList<SeriesKey?>? BarKeys = null) : Element
{
    public bool IsBar => Bars is not null;
}

/// <summary>The map: each département's class or state, the class labels and each département's published text.</summary>
public sealed record MapElement(string Numbered, IReadOnlyList<MapTile> Tiles, IReadOnlyList<string> ClassLabels, string Legend, IReadOnlyDictionary<string, string> Shown, IReadOnlyList<string> Notes, string Source) : Element;

/// <summary>
/// An encadré: a boxed aside with its own title — definitions, sources and methods, À retenir — read apart from the
/// running text. In the PDF a titled section (H2 and its paragraphs or list), in the web edition an <c>aside</c>.
/// </summary>
/// <param name="Level">its title's level, as a <see cref="HeadingElement"/>'s</param>
/// <param name="Items">a list (a glossary's terms, references) rather than paragraphs</param>
public sealed record AsideElement(int Level, string Title, IReadOnlyList<string> Paragraphs, bool Items = false) : Element;

public sealed record PageBreakElement : Element;

/// <summary>A composed document in its three forms: laid out for the PDF, as elements, as the snapshot's text.</summary>
public sealed record ComposedDocument(Pdf.Document Pdf, IReadOnlyList<Element> Elements, Snapshot.SnapshotSection Snapshot);
