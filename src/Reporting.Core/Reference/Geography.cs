using System.Collections.Frozen;

namespace Reporting.Reference;

public sealed record Departement(string Code, string Name, string RegionCode, string RegionName, int ApproxPopulationThousands);

public sealed record Region(string Code, string Name, IReadOnlyList<string> Departements);

/// <summary>
/// The 101 départements and 18 regions (INSEE codes), shipped with the engine as <c>geo.csv</c>.
/// Codes are ordered ordinally everywhere, so that <c>21</c> &lt; <c>2A</c> &lt; <c>2B</c> &lt; <c>30</c> (outputs.md).
/// </summary>
public sealed class Geography
{
    private static readonly Lazy<Geography> DefaultInstance = new(() => Parse(ReferenceData.ReadText("geo.csv")));

    private readonly FrozenDictionary<string, Departement> byCode;

    private Geography(IReadOnlyList<Departement> departements)
    {
        Departements = departements.OrderBy(d => d.Code, StringComparer.Ordinal).ToArray();
        byCode = Departements.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
        Regions = Departements
            .GroupBy(d => d.RegionCode, StringComparer.Ordinal)
            .Select(g => new Region(g.Key, g.First().RegionName, g.Select(d => d.Code).ToArray()))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToArray();
    }

    public static Geography Default => DefaultInstance.Value;

    public IReadOnlyList<Departement> Departements { get; }

    public IReadOnlyList<Region> Regions { get; }

    public bool IsDepartement(string code) => byCode.ContainsKey(code);

    public Departement this[string code] => byCode[code];

    public Region RegionOf(string departement) => Regions.First(r => r.Code == byCode[departement].RegionCode);

    public Region GetRegion(string code) => Regions.First(r => r.Code == code);

    /// <summary>
    /// A code that lost its leading zero (<c>1</c>..<c>9</c>) is restored with a warning; anything that is not
    /// one of the 101 codes (<c>20</c>, <c>975</c>, <c>99</c>, empty) is refused (extracts.md).
    /// </summary>
    public DepartementParse ParseDepartement(string raw)
    {
        if (byCode.ContainsKey(raw))
        {
            return new DepartementParse(raw, LeadingZeroRestored: false);
        }

        if (raw.Length == 1 && raw[0] is >= '1' and <= '9')
        {
            return new DepartementParse("0" + raw, LeadingZeroRestored: true);
        }

        return new DepartementParse(null, LeadingZeroRestored: false);
    }

    private static Geography Parse(string text)
    {
        var rows = new List<Departement>();
        foreach (var line in text.Split('\n').Skip(1))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0)
            {
                continue;
            }

            var f = trimmed.Split(';');
            rows.Add(new Departement(f[0], f[1], f[2], f[3], int.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new Geography(rows);
    }
}

public readonly record struct DepartementParse(string? Code, bool LeadingZeroRestored);
