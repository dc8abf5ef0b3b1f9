using Reporting.Publication.Charts;

namespace Reporting.Publication.Report;

/// <summary>
/// One element of a composed document, whatever its layout: the PDF lays out its blocks from the same calls, the HTML
/// edition and the PDF's structure tree read these. Every number in them is already French text from a cell, or a
/// chart value from a cell; a renderer formats and places, nothing else.
/// </summary>
public abstract record Element;

public sealed record TitleElement(string Title, string Subtitle, string Edition) : Element;

public sealed record HeadingElement(int Level, string Text) : Element;

public sealed record ParagraphElement(string Text) : Element;

public sealed record BulletsElement(IReadOnlyList<string> Items) : Element;

public sealed record KeyFiguresElement(IReadOnlyList<(string Value, string Label)> Items) : Element;

/// <param name="Numbered">"Tableau 3 – …"</param>
/// <param name="Numeric">for each column, whether it holds figures (right-aligned, a header cell per row)</param>
public sealed record TableElement(string Numbered, IReadOnlyList<string> Headers, IReadOnlyList<bool> Numeric, IReadOnlyList<Pdf.TableRow> Rows, string? Note, string Source) : Element;

/// <summary>A chart: line or bar, with its data (published cells; null where a value is not published).</summary>
/// <param name="Numbered">"Figure 2 – …"</param>
/// <param name="BarKeys">what each bar series is (its colour), in the order of <paramref name="BarSeries"/></param>
public sealed record ChartElement(string Numbered, string Axis, IReadOnlyList<ChartSeries> Series, IReadOnlyList<SeriesBreak> Breaks, IReadOnlyList<string>? BarSeries, IReadOnlyList<BarGroup>? Bars, string? Note, string Source, IReadOnlyList<SeriesKey?>? BarKeys = null) : Element
{
    public bool IsBar => Bars is not null;
}

/// <summary>The map: each département's class or state, the class labels and each département's published text.</summary>
public sealed record MapElement(string Numbered, IReadOnlyList<MapTile> Tiles, IReadOnlyList<string> ClassLabels, string Legend, IReadOnlyDictionary<string, string> Shown, string? Note, string Source) : Element;

public sealed record PageBreakElement : Element;

/// <summary>A composed document in its three forms: laid out for the PDF, as elements, as the snapshot's text.</summary>
public sealed record ComposedDocument(Pdf.Document Pdf, IReadOnlyList<Element> Elements, Snapshot.SnapshotSection Snapshot);
