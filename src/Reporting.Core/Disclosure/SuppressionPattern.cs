using System.Collections.Immutable;

namespace Reporting.Disclosure;

/// <summary>
/// The status of every region and département cell of one table. France has no status: it is always
/// published. <see cref="SuppressionStatus.WholeTableHidden"/> is all or nothing: a pattern mixing it with other
/// statuses is a bug and throws.
/// </summary>
public sealed class SuppressionPattern
{
    private readonly ImmutableArray<SuppressionStatus> statuses;

    public SuppressionPattern(
        Hierarchy hierarchy,
        IReadOnlyDictionary<string, SuppressionStatus> regions,
        IReadOnlyDictionary<string, SuppressionStatus> departements)
        : this(hierarchy, Flatten(hierarchy, regions, departements))
    {
    }

    internal SuppressionPattern(Hierarchy hierarchy, ImmutableArray<SuppressionStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        if (statuses.Length != hierarchy.CellCount)
        {
            throw new ArgumentException("One status per region and département is required.", nameof(statuses));
        }

        var whole = statuses.Count(s => s == SuppressionStatus.WholeTableHidden);
        if (whole != 0 && whole != statuses.Length)
        {
            throw new ArgumentException("WholeTableHidden applies to every cell of the table or to none.", nameof(statuses));
        }

        Hierarchy = hierarchy;
        this.statuses = statuses;
        IsWholeTableHidden = whole != 0;
    }

    public Hierarchy Hierarchy { get; }

    public bool IsWholeTableHidden { get; }

    /// <summary>Region statuses, ordinal key order.</summary>
    public ImmutableSortedDictionary<string, SuppressionStatus> Regions =>
        Hierarchy.Regions.ToImmutableSortedDictionary(r => r.Code, r => StatusOf(CellRef.Region(r.Code)), StringComparer.Ordinal);

    /// <summary>Département statuses, ordinal key order.</summary>
    public ImmutableSortedDictionary<string, SuppressionStatus> Departements =>
        Hierarchy.DepartementCodes.ToImmutableSortedDictionary(d => d, d => StatusOf(CellRef.Departement(d)), StringComparer.Ordinal);

    /// <summary>Every hidden cell (any status but Published), regions first, ordinal order.</summary>
    public IReadOnlyList<CellRef> HiddenCells =>
        [.. Enumerable.Range(0, statuses.Length).Where(i => statuses[i] != SuppressionStatus.Published).Select(Hierarchy.CellAt).Order()];

    internal ImmutableArray<SuppressionStatus> Statuses => statuses;

    /// <summary>Nothing hidden.</summary>
    public static SuppressionPattern AllPublished(Hierarchy hierarchy) =>
        Uniform(hierarchy, SuppressionStatus.Published);

    /// <summary>Every sub-national cell hidden, zeros included.</summary>
    public static SuppressionPattern WholeTable(Hierarchy hierarchy) =>
        Uniform(hierarchy, SuppressionStatus.WholeTableHidden);

    public SuppressionStatus StatusOf(CellRef cell) => statuses[Hierarchy.CellIndex(cell)];

    public bool IsHidden(CellRef cell) => StatusOf(cell) != SuppressionStatus.Published;

    /// <summary>A copy with one cell's status changed (used to weaken or strengthen a pattern on purpose).</summary>
    public SuppressionPattern With(CellRef cell, SuppressionStatus status) =>
        new(Hierarchy, statuses.SetItem(Hierarchy.CellIndex(cell), status));

    /// <summary>Same hierarchy and the same status for every cell.</summary>
    public bool SameAs(SuppressionPattern other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Hierarchy.Regions.SequenceEqual(other.Hierarchy.Regions) && statuses.SequenceEqual(other.statuses);
    }

    private static SuppressionPattern Uniform(Hierarchy hierarchy, SuppressionStatus status)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        return new(hierarchy, [.. Enumerable.Repeat(status, hierarchy.CellCount)]);
    }

    private static ImmutableArray<SuppressionStatus> Flatten(
        Hierarchy hierarchy,
        IReadOnlyDictionary<string, SuppressionStatus> regions,
        IReadOnlyDictionary<string, SuppressionStatus> departements)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(departements);
        if (regions.Count != hierarchy.Regions.Count || departements.Count != hierarchy.DepartementCodes.Count
            || !regions.Keys.All(hierarchy.ContainsRegion) || !departements.Keys.All(hierarchy.ContainsDepartement))
        {
            throw new ArgumentException("The pattern must give a status to exactly the cells of the hierarchy.");
        }

        return [.. hierarchy.Regions.Select(r => regions[r.Code]), .. hierarchy.DepartementCodes.Select(d => departements[d])];
    }
}
