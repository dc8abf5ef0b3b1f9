using System.Globalization;
using Reporting.Indicators;
using Reporting.Publication.Charts;
using Reporting.Publication.Narrative;
using Reporting.Publication.Pdf;
using Reporting.Publication.Snapshot;

namespace Reporting.Publication.Report;

/// <summary>
/// The publication model of one document: each element is added once and kept in two forms, the PDF block and the
/// plain-text lines of the snapshot (sentences, table rows, chart series), so that the reviewers' snapshot shows exactly
/// what the PDF prints. Figures and tables are numbered here.
/// </summary>
/// <param name="processedBy">who processed the administrations' extracts, as source lines name it (« traitement SSMSI »)</param>
public sealed class Composition(string processedBy)
{
    private readonly List<Block> blocks = [];
    private readonly List<Element> elements = [];
    private readonly List<string> lines = [];
    private int figures;
    private int tables;

    public IReadOnlyList<Block> Blocks => blocks;

    /// <summary>The same document as layout-free elements, in reading order (HTML edition, PDF structure).</summary>
    public IReadOnlyList<Element> Elements => elements;

    public SnapshotSection Snapshot(string title) => new(title, lines.ToArray());

    /// <summary>The finished document in its three forms.</summary>
    public ComposedDocument Compose(DocumentInfo info, RunningText running, string snapshotTitle) =>
        new(new Document(info, running, blocks.ToArray()), elements.ToArray(), Snapshot(snapshotTitle));

    /// <summary>One element in its three forms: the PDF block, the layout-free element, the snapshot's lines.</summary>
    public void Add(Block block, Element element, params string[] text)
    {
        // A figure reads its alternative text from its element's data (PDF/UA: every figure has one).
        block = block is Pdf.Figure figure && AltText.For(element) is { } alt ? figure with { Alt = alt } : block;
        blocks.Add(block);
        elements.Add(element);

        // The snapshot's own marks (« titre : », « série … ; … ») in the same French typography as the text they frame.
        lines.AddRange(text.Select(FrenchTypography.Apply));
    }

    public void Title(string title, string subtitle, string edition) => TitleTypeset(T(title), T(subtitle), T(edition));

    private void TitleTypeset(string title, string subtitle, string edition) =>
        Add(new TitleBlock(title, subtitle, edition), new TitleElement(title, subtitle, edition), $"titre : {title}", $"sous-titre : {subtitle}", $"édition : {edition}");

    public void Heading(int level, string text)
    {
        text = T(text);
        Add(new Heading(level, text), new HeadingElement(level, text), new string('#', level + 1) + " " + text);
    }

    public void Paragraphs(IEnumerable<string> paragraphs)
    {
        foreach (var p in paragraphs.Select(T))
        {
            Add(new Paragraph(p), new ParagraphElement(p), p);
        }
    }

    public void Bullets(IReadOnlyList<string> items) => BulletsTypeset([.. items.Select(T)]);

    /// <summary>How the snapshot marks a list item: a dash held to its text by a no-break space, as French typesets it.</summary>
    public const string ListItemMark = "–\u00A0";

    private void BulletsTypeset(IReadOnlyList<string> items) => Add(BulletList.Of([.. items]), new BulletsElement(items), [.. items.Select(i => ListItemMark + i)]);

    public void KeyFigures(IReadOnlyList<(string Value, string Label)> items) => KeyFiguresTypeset([.. items.Select(i => (i.Value, T(i.Label)))]);

    private void KeyFiguresTypeset(IReadOnlyList<(string Value, string Label)> items) =>
        Add(new KeyFigureRow(items.Select(i => new KeyFigure(i.Value, i.Label)).ToArray()), new KeyFiguresElement(items), [.. items.Select(i => $"chiffre clé : {i.Label} = {i.Value}")]);

    /// <summary>A numbered table with what stands under it: its sources, Champ, Lecture, notes (<see cref="Apparatus"/>).</summary>
    public void Table(string title, IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows, Apparatus apparatus)
    {
        title = T(title);
        var (source, captions) = (T(apparatus.SourceLine(processedBy)), apparatus.Captions.Select(T).ToArray());
        columns = [.. columns.Select(c => c with { Header = T(c.Header) })];
        rows = [.. rows.Select(r => r with { Cells = [.. r.Cells.Select(T)] })];
        var numbered = string.Create(CultureInfo.InvariantCulture, $"Tableau {++tables} – {title}");
        var text = new List<string> { "tableau : " + numbered, "  " + string.Join(" | ", columns.Select(c => c.Header)) };
        text.AddRange(rows.Select(r => "  " + string.Join(" | ", r.Cells)));
        text.AddRange(Captions(source, captions));
        Add(new Table(numbered, columns, rows, source, Note: Joined(captions)), new TableElement(numbered, [.. columns.Select(c => c.Header)], [.. columns.Select(c => c.Align == TextAlign.Right)], rows, captions, source), [.. text]);
    }

    /// <summary>
    /// What stands under the figure just added (a chart or the map): its sources, Champ, Lecture and notes, the figure's own
    /// note first among them. Given apart from the chart's construction, which it leaves as it is.
    /// </summary>
    public void Under(Apparatus apparatus)
    {
        var (source, captions) = (T(apparatus.SourceLine(processedBy)), apparatus.Captions.Select(T).ToList());
        var (figure, element) = (blocks[^1] as Pdf.Figure, elements[^1]);
        var own = element switch
        {
            ChartElement c => c.Notes,
            MapElement m => m.Notes,
            _ => throw new InvalidOperationException("Under() follows a chart or the map: nothing to put its source under."),
        };

        // The figure's own note (« Note : … ») keeps its place after Champ and Lecture.
        captions.InsertRange(captions.TakeWhile(l => l.StartsWith("Champ", StringComparison.Ordinal) || l.StartsWith("Lecture", StringComparison.Ordinal)).Count(), own);
        elements[^1] = element switch
        {
            ChartElement c => c with { Notes = [.. captions], Source = source },
            MapElement m => m with { Notes = [.. captions], Source = source },
            _ => element,
        };
        blocks[^1] = figure! with { Source = source, Note = Joined(captions) };
        lines.AddRange(Captions(source, captions));
    }

    /// <summary>An encadré: a titled aside (definitions, sources and methods, glossary, references).</summary>
    /// <param name="level">its title's level: 1 for « À retenir », before the first section; 2 inside a section</param>
    public void Aside(string title, IReadOnlyList<string> paragraphs, bool items = false, int level = 2)
    {
        (title, paragraphs) = (T(title), [.. paragraphs.Select(T)]);
        var element = new AsideElement(level, title, paragraphs, items);
        blocks.Add(new Framed([new Heading(level, title), .. items ? [BulletList.Of([.. paragraphs])] : paragraphs.Select(p => (Block)new Paragraph(p))]));

        elements.Add(element);
        lines.Add(T("encadré : " + title));
        lines.AddRange(paragraphs.Select(p => (items ? ListItemMark : string.Empty) + p));
    }

    public void LineChart(string title, float height, IReadOnlyList<ChartSeries> series, string axis, IReadOnlyList<SeriesBreak> breaks, string? note = null)
    {
        (title, axis, note) = (T(title), T(axis), TNull(note));
        series = [.. series.Select(x => x with { Name = T(x.Name) })];
        breaks = [.. breaks.Select(b => b with { Label = T(b.Label) })];
        var numbered = NextFigure(title);
        var text = new List<string> { "graphique : " + numbered };
        text.AddRange(series.Select(s => $"  série {s.Name} : " + string.Join(" ; ", s.Points.Select(p => $"{p.Year}={Point(p.Value)}"))));
        text.AddRange(breaks.Select(b => $"  rupture {b.Year} : {b.Label}"));
        Add(new Pdf.Figure(numbered, height, new LineChart(series, axis, breaks).Draw, VictimSourceLine, OwnNote(note)), new ChartElement(numbered, axis, series, breaks, null, null, OwnNotes(note), VictimSourceLine), [.. text]);
    }

    public void BarChart(string title, float height, IReadOnlyList<string> seriesNames, IReadOnlyList<BarGroup> groups, string axis, bool horizontal, Func<double, string> valueLabel, string? note = null, IReadOnlyList<SeriesKey?>? seriesKeys = null)
    {
        (title, axis, note) = (T(title), T(axis), TNull(note));
        seriesNames = [.. seriesNames.Select(T)];
        groups = [.. groups.Select(g => g with { Label = T(g.Label) })];
        var numbered = NextFigure(title);
        var text = new List<string> { "graphique : " + numbered };
        text.AddRange(groups.Select(g => $"  {g.Label} : " + string.Join(" ; ", g.Values.Select((v, i) => $"{seriesNames[i]}={Point(v)}"))));
        Add(new Pdf.Figure(numbered, height, new BarChart(seriesNames, groups, axis, horizontal, valueLabel, "c", seriesKeys).Draw, VictimSourceLine, OwnNote(note)), new ChartElement(numbered, axis, [], [], seriesNames, groups, OwnNotes(note), VictimSourceLine, seriesKeys), [.. text]);
    }

    public void Map(string title, float height, IReadOnlyList<MapTile> tiles, IReadOnlyList<string> classLabels, string legend, IReadOnlyDictionary<string, string> shown, string? note = null)
    {
        (title, legend, note) = (T(title), T(legend), TNull(note));
        classLabels = [.. classLabels.Select(T)];
        var numbered = NextFigure(title);
        var text = new List<string> { "carte : " + numbered, "  classes : " + string.Join(" ; ", classLabels) };
        text.AddRange(shown.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"  {kv.Key} = {kv.Value}"));
        Add(new Pdf.Figure(numbered, height, new TileMap(tiles, classLabels, legend).Draw, VictimSourceLine, OwnNote(note)), new MapElement(numbered, tiles, classLabels, legend, shown, OwnNotes(note), VictimSourceLine), [.. text]);
    }

    public void PageBreak()
    {
        blocks.Add(new PageBreak());
        elements.Add(new PageBreakElement());
    }

    /// <summary>French typography on every published word that enters the composition (<see cref="FrenchTypography"/>).</summary>
    private static string T(string text) => FrenchTypography.Apply(text);

    private static string? TNull(string? text) => text is null ? null : T(text);

    /// <summary>A figure's source until <see cref="Under"/> names its own: the three victim sources.</summary>
    private string VictimSourceLine => T(Vocabulary.SourceLine(Vocabulary.VictimSources, processedBy));

    private static string? OwnNote(string? note) => note is null ? null : T("Note : " + note);

    private static IReadOnlyList<string> OwnNotes(string? note) => note is null ? [] : [T("Note : " + note)];

    /// <summary>The lines under a figure or table, one per PDF line: the PDF breaks its note text at each line feed.</summary>
    private static string? Joined(IReadOnlyList<string> captions) => captions.Count == 0 ? null : string.Join('\n', captions);

    private static IEnumerable<string> Captions(string source, IEnumerable<string> captions) => captions.Prepend(source).Select(l => "  " + l);

    private string NextFigure(string title) => string.Create(CultureInfo.InvariantCulture, $"Figure {++figures} – {title}");

    /// <summary>Chart values are published cells; a gap is written as such in the snapshot.</summary>
    private static string Point(double? v) => v is { } x ? FrenchFormat.Decimal((decimal)x).Replace(",0", string.Empty, StringComparison.Ordinal) : "—";
}

/// <summary>Reads cells for the composers: as French text for tables, as numbers for charts (null unless published).</summary>
public sealed class CellReader(IndicatorSet set, IndicatorCatalogue catalogue)
{
    public IndicatorSet Set => set;

    public Cell? Cell(string indicator, int year, Level level, string territory, string category, string source) =>
        set.Find(new CellKey(indicator, year, level, territory, category, source));

    public Narrative.Figure Figure(string indicator, int year, Level level, string territory, string category, string source) =>
        Narrative.Figure.Of(Cell(indicator, year, level, territory, category, source), catalogue);

    /// <summary>In tables a figure not published is its symbol (c, x, z), explained under the table.</summary>
    public string Text(string indicator, int year, Level level, string territory, string category, string source)
    {
        var cell = Cell(indicator, year, level, territory, category, source);
        if (cell is null)
        {
            return "x";
        }

        return cell.Status == CellStatus.Published ? Narrative.Figure.Of(cell, catalogue).Text() : Indicators.Cell.StatusCode(cell.Status);
    }

    public double? Number(string indicator, int year, Level level, string territory, string category, string source) =>
        Cell(indicator, year, level, territory, category, source)?.Shown is { } v ? (double)v : null;
}
