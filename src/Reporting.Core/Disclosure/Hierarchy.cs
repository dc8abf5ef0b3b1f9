using System.Collections.Immutable;

namespace Reporting.Disclosure;

/// <summary>A region and its départements (a single one for the overseas regions).</summary>
public sealed record Region
{
    public Region(string code, IEnumerable<string> departements)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(departements);
        Code = code;
        // Ordinal sort: the order of the input must never change a result.
        Departements = [.. departements.Order(StringComparer.Ordinal)];
        if (Departements.Count == 0)
        {
            throw new ArgumentException($"Region {code} has no département.", nameof(departements));
        }
    }

    public string Code { get; }

    /// <summary>Département codes, ordinal order.</summary>
    public IReadOnlyList<string> Departements { get; }

    public bool Equals(Region? other) =>
        other is not null && Code == other.Code && Departements.SequenceEqual(other.Departements);

    public override int GetHashCode() => HashCode.Combine(Code, Departements.Count);
}

/// <summary>
/// The fixed two-level hierarchy France ⊃ regions ⊃ départements. Regions and départements are kept in
/// ordinal code order whatever the input order, so every computation is deterministic.
/// </summary>
public sealed class Hierarchy
{
    private readonly ImmutableDictionary<string, int> regionIndex;
    private readonly ImmutableDictionary<string, int> departementIndex;

    public Hierarchy(IEnumerable<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        Regions = [.. regions.OrderBy(r => r.Code, StringComparer.Ordinal)];

        // At least two regions: with a single one, region = France is published and nothing can be hidden.
        if (Regions.Count < 2)
        {
            throw new ArgumentException("A hierarchy needs at least two regions.", nameof(regions));
        }

        var regionsByCode = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        var departementsByCode = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        var regionOf = ImmutableArray.CreateBuilder<int>();
        var codes = ImmutableArray.CreateBuilder<string>();
        var starts = ImmutableArray.CreateBuilder<int>();
        for (var r = 0; r < Regions.Count; r++)
        {
            if (!regionsByCode.TryAdd(Regions[r].Code, r))
            {
                throw new ArgumentException($"Region {Regions[r].Code} appears twice.", nameof(regions));
            }

            starts.Add(codes.Count);
            foreach (var d in Regions[r].Departements)
            {
                if (!departementsByCode.TryAdd(d, codes.Count))
                {
                    throw new ArgumentException($"Département {d} appears twice.", nameof(regions));
                }

                codes.Add(d);
                regionOf.Add(r);
            }
        }

        starts.Add(codes.Count);
        regionIndex = regionsByCode.ToImmutable();
        departementIndex = departementsByCode.ToImmutable();
        DepartementCodes = codes.ToImmutable();
        RegionOfDepartement = regionOf.ToImmutable();
        DepartementStart = starts.ToImmutable();
    }

    /// <summary>Regions in ordinal code order, each with its départements in ordinal order.</summary>
    public IReadOnlyList<Region> Regions { get; }

    /// <summary>All départements, grouped by region (regions in ordinal order), ordinal order inside a region.</summary>
    public IReadOnlyList<string> DepartementCodes { get; }

    /// <summary>Number of cells of a pattern: regions plus départements.</summary>
    public int CellCount => Regions.Count + DepartementCodes.Count;

    internal ImmutableArray<int> RegionOfDepartement { get; }

    /// <summary>Départements of region r are the indices DepartementStart[r] .. DepartementStart[r+1]-1.</summary>
    internal ImmutableArray<int> DepartementStart { get; }

    public bool ContainsRegion(string code) => regionIndex.ContainsKey(code);

    public bool ContainsDepartement(string code) => departementIndex.ContainsKey(code);

    public bool Contains(CellRef cell) =>
        cell.Level == CellLevel.Region ? ContainsRegion(cell.Code) : ContainsDepartement(cell.Code);

    /// <summary>Code of the region of a département.</summary>
    public string RegionOf(string departement) => Regions[RegionOfDepartement[DepartementIndex(departement)]].Code;

    /// <summary>Every cell, regions first, then départements in hierarchy order.</summary>
    public IEnumerable<CellRef> Cells() =>
        Regions.Select(r => CellRef.Region(r.Code)).Concat(DepartementCodes.Select(CellRef.Departement));

    internal int RegionIndex(string code) =>
        regionIndex.TryGetValue(code, out var i) ? i : throw new ArgumentException($"Unknown region {code}.", nameof(code));

    internal int DepartementIndex(string code) =>
        departementIndex.TryGetValue(code, out var i) ? i : throw new ArgumentException($"Unknown département {code}.", nameof(code));

    /// <summary>Index of a cell in the flat layout used internally: regions 0..R-1, then départements.</summary>
    internal int CellIndex(CellRef cell) =>
        cell.Level == CellLevel.Region ? RegionIndex(cell.Code) : Regions.Count + DepartementIndex(cell.Code);

    internal CellRef CellAt(int index) =>
        index < Regions.Count ? CellRef.Region(Regions[index].Code) : CellRef.Departement(DepartementCodes[index - Regions.Count]);
}
