using Reporting.Disclosure;

namespace Reporting.Tests.Disclosure;

/// <summary>Builders of count tables for the tests. All randomness is seeded.</summary>
internal static class Tables
{
    public static DisclosureParameters Defaults => DisclosureParameters.Default;

    /// <summary>Every département large (100..2000), seeded: nothing is hidden.</summary>
    public static Dictionary<string, long> Large(Hierarchy h, int seed = 1)
    {
        var random = new Random(seed);
        return h.DepartementCodes.ToDictionary(d => d, _ => (long)random.Next(100, 2001), StringComparer.Ordinal);
    }

    /// <summary>A large table with some départements overridden.</summary>
    public static CountTable LargeWith(Hierarchy h, params (string Departement, long Value)[] overrides)
    {
        var deps = Large(h);
        foreach (var (d, v) in overrides)
        {
            deps[d] = v;
        }

        return CountTable.FromDepartements(h, deps);
    }

    /// <summary>Only the given départements are non-zero.</summary>
    public static CountTable Only(Hierarchy h, params (string Departement, long Value)[] cells) =>
        CountTable.FromDepartements(h, cells.ToDictionary(c => c.Departement, c => c.Value, StringComparer.Ordinal));

    /// <summary>
    /// A random table in one of several regimes: a handful of persons (often a whole-table case), sparse (mostly
    /// zeros), mostly small, mixed, and large with a few small cells — the cases that stress secondary suppression.
    /// </summary>
    public static CountTable Random(Hierarchy h, int seed)
    {
        var random = new Random(seed);
        var deps = h.DepartementCodes.ToDictionary(d => d, _ => 0L, StringComparer.Ordinal);
        if (seed % 5 == 4)
        {
            for (var person = random.Next(1, 9); person > 0; person--)
            {
                deps[h.DepartementCodes[random.Next(h.DepartementCodes.Count)]]++;
            }

            return CountTable.FromDepartements(h, deps);
        }

        var (zero, small) = (seed % 5) switch
        {
            0 => (0.85, 0.12),
            1 => (0.2, 0.7),
            2 => (0.4, 0.3),
            _ => (0.05, 0.1),
        };
        foreach (var d in h.DepartementCodes)
        {
            var u = random.NextDouble();
            deps[d] = u < zero ? 0
                : u < zero + small ? random.Next(1, 11)
                : (long)Math.Round(Math.Exp(random.NextDouble() * Math.Log(3000))) + 10;
        }

        return CountTable.FromDepartements(h, deps);
    }

    public static IEnumerable<CellRef> Cells(Hierarchy h) => h.Cells();

    /// <summary>The table whose every département is the sum of the parts' (a whole and its parts).</summary>
    public static CountTable Sum(params CountTable[] parts)
    {
        var h = parts[0].Hierarchy;
        return CountTable.FromDepartements(h, h.DepartementCodes.ToDictionary(
            d => d, d => parts.Sum(p => p.ValueOf(CellRef.Departement(d))), StringComparer.Ordinal));
    }
}
