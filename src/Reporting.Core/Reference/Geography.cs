using System.Collections.Frozen;

namespace Reporting.Reference;

/// <summary>
/// A place's name with its grammar: INSEE's type of name (<c>TNCC</c> of the code officiel géographique: 0 no article,
/// consonant; 1 no article, vowel; 2 « le »; 3 « la »; 4 « les »; 5 « l' ») and how French says "in" it, which usage
/// decides and no rule gives (« en Ardèche » but « dans l'Ain », « dans la Somme » but « en Gironde »): written by hand
/// for each of the 119 names (Reference/Data/geo.csv and regions.csv).
/// </summary>
public sealed record PlaceName(string Name, int Tncc, string In)
{
    /// <summary>The name with its article, as a sentence's subject: « l'Ain », « les Bouches-du-Rhône », « Paris ».</summary>
    public string WithArticle => Tncc switch
    {
        2 => "le " + Name,
        3 => "la " + Name,
        4 => "les " + Name,
        5 => "l'" + Name,
        _ => Name,
    };

    /// <summary>« de » and the name: « de l'Ain », « des Bouches-du-Rhône », « du Nord », « d'Île-de-France », « de Paris ».</summary>
    public string Of => Tncc switch
    {
        1 => "d'" + Name,
        2 => "du " + Name,
        3 => "de la " + Name,
        4 => "des " + Name,
        5 => "de l'" + Name,
        _ => "de " + Name,
    };
}

public sealed record Departement(string Code, string Name, string RegionCode, string RegionName, int ApproxPopulationThousands)
{
    public PlaceName Place { get; init; } = new(Name, 0, "en " + Name);
}

public sealed record Region(string Code, string Name, IReadOnlyList<string> Departements)
{
    public PlaceName Place { get; init; } = new(Name, 0, "en " + Name);

    /// <summary>An overseas département is its own region: comparing them would compare a figure with itself.</summary>
    public bool IsSingleDepartement => Departements.Count == 1;
}

/// <summary>
/// The 101 départements and 18 regions (INSEE codes), shipped with the engine as <c>geo.csv</c>.
/// Codes are ordered ordinally everywhere, so that <c>21</c> &lt; <c>2A</c> &lt; <c>2B</c> &lt; <c>30</c> (outputs.md).
/// </summary>
public sealed class Geography
{
    private static readonly Lazy<Geography> DefaultInstance = new(() => Parse(ReferenceData.ReadText("geo.csv"), ReferenceData.ReadText("regions.csv")));

    private readonly FrozenDictionary<string, Departement> byCode;

    private Geography(IReadOnlyList<Departement> departements, IReadOnlyDictionary<string, PlaceName> regionPlaces)
    {
        Departements = departements.OrderBy(d => d.Code, StringComparer.Ordinal).ToArray();
        byCode = Departements.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
        Regions = Departements
            .GroupBy(d => d.RegionCode, StringComparer.Ordinal)
            .Select(g => new Region(g.Key, g.First().RegionName, g.Select(d => d.Code).ToArray()) { Place = regionPlaces[g.Key] })
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

    private static Geography Parse(string departements, string regions)
    {
        var rows = Rows(departements)
            .Select(f => new Departement(f[0], f[1], f[2], f[3], Int(f[4])) { Place = new PlaceName(f[1], Int(f[5]), f[6]) })
            .ToArray();
        var places = Rows(regions).ToDictionary(f => f[0], f => new PlaceName(f[1], Int(f[2]), f[3]), StringComparer.Ordinal);
        return new Geography(rows, places);
    }

    private static IEnumerable<string[]> Rows(string text) => text.Split('\n').Skip(1)
        .Select(l => l.TrimEnd('\r'))
        .Where(l => l.Length > 0)
        .Select(l => l.Split(';'));

    private static int Int(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}

public readonly record struct DepartementParse(string? Code, bool LeadingZeroRestored);
