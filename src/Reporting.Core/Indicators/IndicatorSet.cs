namespace Reporting.Indicators;

/// <summary>The single source of every published number: the CSV, the PDF, the workbook and the snapshot all read it.</summary>
public sealed class IndicatorSet
{
    private readonly Dictionary<CellKey, Cell> byKey;
    private readonly Cell[] sorted;

    public IndicatorSet(IEnumerable<Cell> cells, IReadOnlyList<int> years, IReadOnlyList<OverlapTable> overlaps)
    {
        // Keys are unique (the dictionary below would throw otherwise), so an unstable sort gives the one order there is;
        // Array.Sort does it without the ordered enumerable's key and index arrays (a set has some 200,000 cells).
        sorted = cells.ToArray();
        Array.Sort(sorted, CellOrder.Instance);
        byKey = sorted.ToDictionary(c => c.Key);
        Years = years;
        Overlaps = overlaps;
    }

    private IndicatorSet(Cell[] sorted, Dictionary<CellKey, Cell> byKey, IReadOnlyList<int> years, IReadOnlyList<OverlapTable> overlaps)
    {
        this.sorted = sorted;
        this.byKey = byKey;
        Years = years;
        Overlaps = overlaps;
    }

    public IReadOnlyList<Cell> Cells => sorted;

    public IReadOnlyList<int> Years { get; }

    public IReadOnlyList<OverlapTable> Overlaps { get; }

    public Cell? Find(CellKey key) => byKey.TryGetValue(key, out var c) ? c : null;

    public Cell Get(string indicator, int year, Level level, string territory, string category, string source) =>
        byKey[new CellKey(indicator, year, level, territory, category, source)];

    /// <summary>A new set with some cells replaced (disclosure control, estimation); everything else unchanged.</summary>
    public IndicatorSet With(IEnumerable<Cell> replaced)
    {
        // A replaced cell takes its key's place in the order (found by binary search): no new sort and no new index of
        // the 200,000 cells, unless a cell brings a key the set did not have.
        var copy = new Dictionary<CellKey, Cell>(byKey);
        var cells = (Cell[])sorted.Clone();
        var added = false;
        foreach (var c in replaced)
        {
            var at = Array.BinarySearch(cells, c, CellOrder.Instance);
            if (at >= 0)
            {
                cells[at] = c;
            }
            else
            {
                added = true;
            }

            copy[c.Key] = c;
        }

        return added ? new IndicatorSet(copy.Values, Years, Overlaps) : new IndicatorSet(cells, copy, Years, Overlaps);
    }

    /// <summary>Cells in their keys' order (<see cref="CellKeyComparer"/>).</summary>
    private sealed class CellOrder : IComparer<Cell>
    {
        public static readonly CellOrder Instance = new();

        public int Compare(Cell? x, Cell? y) => CellKeyComparer.Instance.Compare(x!.Key, y!.Key);
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
