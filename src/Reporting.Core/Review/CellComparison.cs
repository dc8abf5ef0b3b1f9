using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication.OpenData;

namespace Reporting.Review;

public sealed record ValueChange(PublishedCell Old, PublishedCell New)
{
    public decimal Absolute => New.Number!.Value - Old.Number!.Value;

    /// <summary>Relative change in %, null from zero.</summary>
    public decimal? Relative => Old.Number is 0 ? null : Absolute * 100m / Old.Number!.Value;
}

/// <summary>A cell whose status changed: hidden, published, not available, not applicable.</summary>
public sealed record StatusChange(PublishedCell Old, PublishedCell New);

/// <summary>The open-data file of two editions compared cell by cell, each list in publication order.</summary>
public sealed record CellComparison(
    IReadOnlyList<ValueChange> ChangedValues,
    int ChangedValuesBelowThreshold,
    IReadOnlyList<StatusChange> NewlyHidden,
    IReadOnlyList<StatusChange> NewlyPublished,
    IReadOnlyList<StatusChange> OtherStatusChanges,
    IReadOnlyList<PublishedCell> Appeared,
    IReadOnlyList<PublishedCell> Disappeared)
{
    public int Count => ChangedValues.Count + ChangedValuesBelowThreshold + NewlyHidden.Count + NewlyPublished.Count
        + OtherStatusChanges.Count + Appeared.Count + Disappeared.Count;

    public static CellComparison Compare(IEnumerable<PublishedCell> oldCells, IEnumerable<PublishedCell> newCells, ChangeThreshold threshold, IndicatorCatalogue catalogue)
    {
        var order = new PublicationOrder(catalogue);
        var old = oldCells.ToDictionary(c => c.Id);
        var @new = newCells.ToDictionary(c => c.Id);
        var changed = new List<ValueChange>();
        var below = 0;
        var (hidden, published, other) = (new List<StatusChange>(), new List<StatusChange>(), new List<StatusChange>());
        // Most cells are unchanged: the few that changed are found first, then put in publication order (each list by
        // its old cell, as if the old file had been read in that order: the order is total, keys being unique).
        foreach (var o in old.Values)
        {
            if (!@new.TryGetValue(o.Id, out var n))
            {
                continue;
            }

            if (o.Status != n.Status)
            {
                (n.Status == "c" ? hidden : o.Status == "c" ? published : other).Add(new StatusChange(o, n));
            }
            else if (o.Value != n.Value && o.Number is { } ov && n.Number is { } nv)
            {
                var kind = catalogue.Find(o.Indicator)?.Kind ?? IndicatorKind.Count;
                if (threshold.Keeps(kind, ov, nv))
                {
                    changed.Add(new ValueChange(o, n));
                }
                else
                {
                    below++;
                }
            }
        }

        var appeared = @new.Values.Where(c => !old.ContainsKey(c.Id)).OrderBy(c => c, order).ToArray();
        var disappeared = old.Values.Where(c => !@new.ContainsKey(c.Id)).OrderBy(c => c, order).ToArray();
        return new CellComparison(
            [.. changed.OrderBy(c => c.Old, order)], below, [.. hidden.OrderBy(c => c.Old, order)], [.. published.OrderBy(c => c.Old, order)],
            [.. other.OrderBy(c => c.Old, order)], appeared, disappeared);
    }
}

/// <summary>
/// The order in which the publications present figures: the catalogue's indicators in order (victims first), France,
/// then regions, then départements, the latest year first, the categories and sources as the tables list them.
/// </summary>
public sealed class PublicationOrder(IndicatorCatalogue catalogue) : IComparer<PublishedCell>
{
    private static readonly string[] Levels = ["FR", "REG", "DEP"];
    private static readonly string[] Sources = [Availability.AllSources, "police", "ase", "sante", "justice"];

    public int Compare(PublishedCell? x, PublishedCell? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int c;
        if ((c = Rank(x.Indicator).CompareTo(Rank(y.Indicator))) != 0 || (c = string.CompareOrdinal(x.Indicator, y.Indicator)) != 0
            || (c = Index(Levels, x.Level).CompareTo(Index(Levels, y.Level))) != 0 || (c = string.CompareOrdinal(x.Territory, y.Territory)) != 0
            || (c = y.Year.CompareTo(x.Year)) != 0
            || (c = Index(Category.Published, x.Category).CompareTo(Index(Category.Published, y.Category))) != 0
            || (c = string.CompareOrdinal(x.Category, y.Category)) != 0
            || (c = Index(Sources, x.Source).CompareTo(Index(Sources, y.Source))) != 0)
        {
            return c;
        }

        return string.CompareOrdinal(x.Source, y.Source);
    }

    private readonly Dictionary<string, int> ranks = catalogue.All.Select((d, i) => (d.Code, i)).DistinctBy(p => p.Code).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);

    /// <summary>The indicator's place in the catalogue; an unknown code after every known one.</summary>
    public int Rank(string indicator) => ranks.TryGetValue(indicator, out var rank) ? rank : int.MaxValue;

    private static int Index(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
