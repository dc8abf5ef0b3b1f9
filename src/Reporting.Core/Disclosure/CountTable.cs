using System.Collections.Immutable;

namespace Reporting.Disclosure;

/// <summary>
/// One table of counts of persons (one indicator, year, source and category) over the hierarchy.
/// Counts are non-negative and additive (France = Σ regions, region = Σ its départements); a table that
/// is not is a bug upstream, not bad data, so construction throws <see cref="ArgumentException"/>.
/// </summary>
public sealed class CountTable
{
    private readonly ImmutableArray<long> cellValues;

    public CountTable(
        Hierarchy hierarchy,
        long france,
        IReadOnlyDictionary<string, long> regions,
        IReadOnlyDictionary<string, long> departements)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(departements);
        Hierarchy = hierarchy;
        France = france;
        RequireNonNegative("France", france);
        RequireExactKeys(regions, hierarchy.ContainsRegion, hierarchy.Regions.Count, "region", nameof(regions));
        RequireExactKeys(departements, hierarchy.ContainsDepartement, hierarchy.DepartementCodes.Count, "département", nameof(departements));

        var values = ImmutableArray.CreateBuilder<long>(hierarchy.CellCount);
        foreach (var region in hierarchy.Regions)
        {
            values.Add(regions[region.Code]);
        }

        foreach (var code in hierarchy.DepartementCodes)
        {
            values.Add(departements[code]);
        }

        cellValues = values.MoveToImmutable();
        RequireAdditive();
        Regions = ToSorted(hierarchy.Regions.Select(r => r.Code), regions);
        Departements = ToSorted(hierarchy.DepartementCodes, departements);
    }

    public Hierarchy Hierarchy { get; }

    public long France { get; }

    /// <summary>Region counts, ordinal key order.</summary>
    public ImmutableSortedDictionary<string, long> Regions { get; }

    /// <summary>Département counts, ordinal key order.</summary>
    public ImmutableSortedDictionary<string, long> Departements { get; }

    /// <summary>
    /// Builds a table from département counts; regions and France are their sums. Départements absent from
    /// <paramref name="departements"/> count zero (an engine only emits départements with persons); an
    /// unknown code throws.
    /// </summary>
    public static CountTable FromDepartements(Hierarchy hierarchy, IReadOnlyDictionary<string, long> departements)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(departements);
        foreach (var code in departements.Keys)
        {
            if (!hierarchy.ContainsDepartement(code))
            {
                throw new ArgumentException($"Unknown département {code}.", nameof(departements));
            }
        }

        var deps = hierarchy.DepartementCodes.ToDictionary(
            d => d, d => departements.TryGetValue(d, out var v) ? v : 0L, StringComparer.Ordinal);
        var regions = hierarchy.Regions.ToDictionary(
            r => r.Code, r => r.Departements.Sum(d => deps[d]), StringComparer.Ordinal);
        return new CountTable(hierarchy, regions.Values.Sum(), regions, deps);
    }

    public long ValueOf(CellRef cell) => cellValues[Hierarchy.CellIndex(cell)];

    /// <summary>Values in the flat internal layout (regions, then départements in hierarchy order).</summary>
    internal ImmutableArray<long> CellValues => cellValues;

    private static ImmutableSortedDictionary<string, long> ToSorted(IEnumerable<string> codes, IReadOnlyDictionary<string, long> source) =>
        codes.ToImmutableSortedDictionary(c => c, c => source[c], StringComparer.Ordinal);

    private static void RequireNonNegative(string what, long value)
    {
        if (value < 0)
        {
            throw new ArgumentException(FormattableString.Invariant($"{what} has a negative count ({value})."));
        }
    }

    private static void RequireExactKeys(
        IReadOnlyDictionary<string, long> counts, Func<string, bool> known, int expected, string what, string parameter)
    {
        foreach (var (code, value) in counts)
        {
            if (!known(code))
            {
                throw new ArgumentException($"Unknown {what} {code}.", parameter);
            }

            RequireNonNegative($"{what} {code}", value);
        }

        if (counts.Count != expected)
        {
            throw new ArgumentException(FormattableString.Invariant($"Every {what} of the hierarchy needs a count ({counts.Count} of {expected} given)."), parameter);
        }
    }

    private void RequireAdditive()
    {
        var h = Hierarchy;
        long total = 0;
        for (var r = 0; r < h.Regions.Count; r++)
        {
            long sum = 0;
            for (var d = h.DepartementStart[r]; d < h.DepartementStart[r + 1]; d++)
            {
                sum += cellValues[h.Regions.Count + d];
            }

            if (sum != cellValues[r])
            {
                throw new ArgumentException(
                    FormattableString.Invariant($"Region {h.Regions[r].Code} = {cellValues[r]} but its départements add up to {sum}."));
            }

            total += cellValues[r];
        }

        if (total != France)
        {
            throw new ArgumentException(FormattableString.Invariant($"France = {France} but the regions add up to {total}."));
        }
    }
}
