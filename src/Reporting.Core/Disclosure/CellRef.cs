namespace Reporting.Disclosure;

/// <summary>Level of a sub-national cell. France is not a cell of the pattern: it is always published.</summary>
public enum CellLevel
{
    Region = 0,
    Departement = 1,
}

/// <summary>
/// A region or département cell. The level is part of the identity because codes collide across levels
/// (region 01 is Guadeloupe, département 01 is Ain).
/// </summary>
public sealed record CellRef(CellLevel Level, string Code) : IComparable<CellRef>
{
    public static CellRef Region(string code) => new(CellLevel.Region, code);

    public static CellRef Departement(string code) => new(CellLevel.Departement, code);

    /// <summary>Regions before départements, then ordinal code: the only order used for tie-breaks.</summary>
    public int CompareTo(CellRef? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byLevel = ((int)Level).CompareTo((int)other.Level); // not Enum.CompareTo(object), which boxes
        return byLevel != 0 ? byLevel : string.CompareOrdinal(Code, other.Code);
    }

    public override string ToString() => (Level == CellLevel.Region ? "region " : "departement ") + Code;
}

/// <summary>Publication status of a region or département cell.</summary>
public enum SuppressionStatus
{
    /// <summary>The count is published (zeros always are, outside the whole-table case).</summary>
    Published = 0,

    /// <summary>Count from 1 to threshold − 1: hidden by the primary rule.</summary>
    Primary = 1,

    /// <summary>Count of at least the threshold, hidden so that no primary cell can be recomputed.</summary>
    Secondary = 2,

    /// <summary>No zero-publishing pattern protects the table: every sub-national cell is hidden, zeros included.</summary>
    WholeTableHidden = 3,

    /// <summary>
    /// A cell of an implied-count table (<see cref="ImpliedCounts"/>) hidden with its share for another reason than its
    /// own smallness: the other side of the share, or a hidden count the share derives from. The intruder sees a hidden
    /// share and knows only that the count lies in [0, France]; nothing is required of its interval.
    /// </summary>
    Derived = 4,
}
