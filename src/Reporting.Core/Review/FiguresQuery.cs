using System.Text.Json;
using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication.OpenData;

namespace Reporting.Review;

/// <summary>A territory as the publications name it: <c>FR</c>/<c>FR</c>, <c>REG</c>/<c>93</c>, <c>DEP</c>/<c>2A</c>.</summary>
public sealed record FiguresTerritory(string Level, string Code, string Name)
{
    public string Title => Level == "FR" ? Name : $"{Name} ({Code})";
}

/// <summary>What to show; a null set means everything the publication holds.</summary>
public sealed record FiguresQuery(
    IReadOnlyList<FiguresTerritory> Territories,
    IReadOnlySet<string>? Indicators = null,
    IReadOnlySet<string>? Categories = null,
    IReadOnlySet<string>? Sources = null,
    int FromYear = int.MinValue,
    int ToYear = int.MaxValue);

/// <summary>A series break as the quality report of the publication lists it: the year is not comparable with the one before.</summary>
public sealed record FiguresBreak(int Number, string Source, string Category, int Year, string Note);

/// <summary>One published figure, labelled: the value is null unless published, the status says why (c, x, z).</summary>
public sealed record FigureRow(
    FiguresTerritory Territory,
    string Indicator,
    string IndicatorLabel,
    IndicatorKind? Kind,
    string Category,
    string Source,
    int Year,
    decimal? Value,
    string Status,
    FiguresBreak? Break)
{
    public int Decimals => Kind is null or IndicatorKind.Count ? 0 : 1;
}

/// <summary>The rows of a query in reading order, and the breaks they carry, numbered in order of first use.</summary>
public sealed record FiguresResult(string Edition, IReadOnlyList<FigureRow> Rows, IReadOnlyList<FiguresBreak> Breaks);

/// <summary>
/// Figures on demand from a publication folder: its open-data cells (so exactly what the publications hide is hidden,
/// nothing is recomputed) and the series breaks of its quality report.
/// </summary>
public sealed class FiguresPublication
{
    /// <summary>The order of sources in every table: each source, then all sources together.</summary>
    public static readonly IReadOnlyList<string> SourceOrder = ["police", "ase", "sante", "justice", Availability.AllSources];

    private readonly IndicatorCatalogue catalogue;
    private readonly IReadOnlyList<PublishedCell> cells;
    private readonly IReadOnlyList<(string Source, string Category, int Year, string Note)> breaks;

    private FiguresPublication(string edition, IReadOnlyList<PublishedCell> cells, IReadOnlyList<(string, string, int, string)> breaks, IndicatorCatalogue catalogue)
    {
        Edition = edition;
        this.cells = cells;
        this.breaks = breaks;
        this.catalogue = catalogue;
        // The four lists in one pass over the cells.
        var (indicators, categories, sources, years) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), new HashSet<int>());
        foreach (var c in cells)
        {
            indicators.Add(c.Indicator);
            categories.Add(c.Category);
            sources.Add(c.Source);
            years.Add(c.Year);
        }

        Indicators = [.. indicators.OrderBy(IndicatorRank).ThenBy(c => c, StringComparer.Ordinal)];
        Categories = [.. categories.OrderBy(c => Rank(Category.Published, c)).ThenBy(c => c, StringComparer.Ordinal)];
        Sources = [.. sources.OrderBy(s => Rank(SourceOrder, s)).ThenBy(s => s, StringComparer.Ordinal)];
        Years = [.. years.Order()];
    }

    /// <summary>The edition's name: the publication folder's (<c>2025</c>).</summary>
    public string Edition { get; }

    public IReadOnlyList<string> Indicators { get; }

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<string> Sources { get; }

    public IReadOnlyList<int> Years { get; }

    public static FiguresPublication Load(string folder, IndicatorCatalogue? catalogue = null)
    {
        var cells = IndicatorCsvReader.Read(IndicatorCsvReader.FindIn(folder)).ToArray();
        var quality = Directory.GetFiles(folder, "qualite-*.json");
        var breaks = quality.Length == 1 ? ReadBreaks(quality[0]) : [];
        return new FiguresPublication(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), cells, breaks, catalogue ?? IndicatorCatalogue.Shipped);
    }

    /// <summary>The territories the publication holds a figure for, at a level (<c>DEP</c>, <c>REG</c>).</summary>
    public bool Holds(FiguresTerritory territory) => cells.Any(c => c.Level == territory.Level && c.Territory == territory.Code);

    public FiguresResult Select(FiguresQuery query)
    {
        var territories = query.Territories.Select((t, i) => (t, i)).ToDictionary(p => (p.t.Level, p.t.Code), p => p);
        var selected = cells
            .Where(c => territories.ContainsKey((c.Level, c.Territory))
                && c.Year >= query.FromYear && c.Year <= query.ToYear
                && (query.Indicators is null || query.Indicators.Contains(c.Indicator))
                && (query.Categories is null || query.Categories.Contains(c.Category))
                && (query.Sources is null || query.Sources.Contains(c.Source)))
            .OrderBy(c => territories[(c.Level, c.Territory)].i)
            .ThenBy(c => Rank(Categories, c.Category))
            .ThenBy(c => Rank(Indicators, c.Indicator))
            .ThenBy(c => Rank(Sources, c.Source))
            .ThenBy(c => c.Year)
            .ToArray();

        var numbered = new Dictionary<(string, string, int), FiguresBreak>();
        var rows = new List<FigureRow>(selected.Length);
        foreach (var c in selected)
        {
            FiguresBreak? mark = null;
            if (breaks.FirstOrDefault(b => b.Source == c.Source && b.Category == c.Category && b.Year == c.Year) is { Note: not null } b)
            {
                if (!numbered.TryGetValue((b.Source, b.Category, b.Year), out mark))
                {
                    mark = new FiguresBreak(numbered.Count + 1, b.Source, b.Category, b.Year, b.Note);
                    numbered.Add((b.Source, b.Category, b.Year), mark);
                }
            }

            var definition = catalogue.Find(c.Indicator);
            rows.Add(new FigureRow(territories[(c.Level, c.Territory)].t, c.Indicator, definition?.Label ?? c.Indicator, definition?.Kind, c.Category, c.Source, c.Year, c.Number, c.Status, mark));
        }

        return new FiguresResult(Edition, rows, [.. numbered.Values]);
    }

    /// <summary>
    /// Victims first, then rates, changes and shares, then the penal response (the chain, then the sentences), then the
    /// digital dimension, as the report reads; the national-only figures of the crossing of sources and the estimate last;
    /// the catalogue's order within each group. An unknown code goes last.
    /// </summary>
    private int IndicatorRank(string code)
    {
        var index = catalogue.All.Select((d, i) => (d, i)).FirstOrDefault(p => p.d.Code == code);
        if (index.d is not { } d)
        {
            return int.MaxValue;
        }

        var group = d switch
        {
            { NationalOnly: true } => 6,
            _ when Digital.Contains(d.Code) => 5,
            _ when d.Tables.Contains(WorkbookTable.Justice) => 4,
            { Kind: IndicatorKind.Count } => 0,
            { Kind: IndicatorKind.Rate } => 1,
            { Kind: IndicatorKind.Change } => 2,
            _ => 3,
        };
        return (group * 1000) + index.i;
    }

    /// <summary>The digital dimension's figures (issue 18), of the police and the justice alike: read after the penal response.</summary>
    private static readonly HashSet<string> Digital = new(StringComparer.Ordinal) { IndicatorCodes.DigitalVictims, IndicatorCodes.DigitalAuthors, IndicatorCodes.ShareDigital };

    private static int Rank<T>(IReadOnlyList<T> order, T value)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(order[i], value))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The « ruptures » section of <c>qualite-N.json</c>: source, categorie, annee, note.</summary>
    private static (string, string, int, string)[] ReadBreaks(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!json.RootElement.TryGetProperty("sections", out var sections) || !sections.TryGetProperty("ruptures", out var section))
        {
            return [];
        }

        return [.. section.GetProperty("lignes").EnumerateArray().Select(l => (
            l.GetProperty("source").GetString()!,
            l.GetProperty("categorie").GetString()!,
            int.Parse(l.GetProperty("annee").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            l.GetProperty("note").GetString()!))];
    }
}
