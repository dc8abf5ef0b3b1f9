namespace Reporting.Indicators;

/// <summary>The single source of every published number: the CSV, the PDF, the workbook and the snapshot all read it.</summary>
public sealed class IndicatorSet
{
    private readonly Dictionary<CellKey, Cell> byKey;

    public IndicatorSet(IEnumerable<Cell> cells, IReadOnlyList<int> years, IReadOnlyList<OverlapTable> overlaps)
    {
        // Keys are unique (the dictionary below would throw otherwise), so an unstable sort gives the one order there is;
        // Array.Sort does it without the ordered enumerable's key and index arrays (a set has some 200,000 cells).
        var sorted = cells.ToArray();
        Array.Sort(sorted, static (a, b) => CellKeyComparer.Instance.Compare(a.Key, b.Key));
        Cells = sorted;
        byKey = Cells.ToDictionary(c => c.Key);
        Years = years;
        Overlaps = overlaps;
    }

    public IReadOnlyList<Cell> Cells { get; }

    public IReadOnlyList<int> Years { get; }

    public IReadOnlyList<OverlapTable> Overlaps { get; }

    public Cell? Find(CellKey key) => byKey.TryGetValue(key, out var c) ? c : null;

    public Cell Get(string indicator, int year, Level level, string territory, string category, string source) =>
        byKey[new CellKey(indicator, year, level, territory, category, source)];

    /// <summary>A new set with some cells replaced (disclosure control, estimation); everything else unchanged.</summary>
    public IndicatorSet With(IEnumerable<Cell> replaced)
    {
        var copy = new Dictionary<CellKey, Cell>(byKey);
        foreach (var c in replaced)
        {
            copy[c.Key] = c;
        }

        return new IndicatorSet(copy.Values, Years, Overlaps);
    }
}

/// <summary>The order of the open-data file: the first six columns as written, compared ordinally.</summary>
public sealed class CellKeyComparer : IComparer<CellKey>
{
    public static readonly CellKeyComparer Instance = new();

    public int Compare(CellKey x, CellKey y)
    {
        var c = string.CompareOrdinal(x.Indicator, y.Indicator);
        if (c != 0)
        {
            return c;
        }

        c = x.Year.CompareTo(y.Year);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(Cell.LevelCode(x.Level), Cell.LevelCode(y.Level));
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Territory, y.Territory);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Category, y.Category);
        return c != 0 ? c : string.CompareOrdinal(x.Source, y.Source);
    }
}
