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
        var old = oldCells.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var @new = newCells.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var changed = new List<ValueChange>();
        var below = 0;
        var (hidden, published, other) = (new List<StatusChange>(), new List<StatusChange>(), new List<StatusChange>());
        foreach (var o in old.Values.OrderBy(c => c, order))
        {
            if (!@new.TryGetValue(o.Key, out var n))
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

        var appeared = @new.Values.Where(c => !old.ContainsKey(c.Key)).OrderBy(c => c, order).ToArray();
        var disappeared = old.Values.Where(c => !@new.ContainsKey(c.Key)).OrderBy(c => c, order).ToArray();
        return new CellComparison(changed, below, hidden, published, other, appeared, disappeared);
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

    public int Rank(string indicator)
    {
        for (var i = 0; i < catalogue.All.Count; i++)
        {
            if (catalogue.All[i].Code == indicator)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

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
