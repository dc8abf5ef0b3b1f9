using System.Globalization;
using Reporting.Indicators;

namespace Reporting.Publication.OpenData;

/// <summary>
/// <c>dictionnaire-indicateurs.csv</c>: what each indicator of the open-data file is, from the catalogue — code, label,
/// kind, unit, decimals, levels, what it is computed from, its definition — in the open-data file's own format (UTF-8 with
/// BOM, <c>;</c>, LF), so that a reuser never has to guess a code.
/// </summary>
public static class DataDictionaryWriter
{
    public static readonly string[] Header = ["indicateur", "libelle", "nature", "unite", "decimales", "niveaux", "calcule_a_partir_de", "definition"];

    public static byte[] Write(IndicatorCatalogue catalogue) => OpenDataCsv.Write(Header, catalogue.All.Select(d => (IReadOnlyList<string>)
    [
        d.Code,
        d.Label,
        Kind(d.Kind),
        d.Unit,
        d.OpenDataDecimals.ToString(CultureInfo.InvariantCulture),
        d.NationalOnly ? "FR" : "FR, REG, DEP",
        string.Join(", ", d.DerivedFrom.Select(Derivation)),
        d.Definition,
    ]));

    public static string Kind(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Count => "effectif",
        IndicatorKind.Rate => "taux",
        IndicatorKind.Share => "part",
        IndicatorKind.Change => "évolution",
        IndicatorKind.Mean => "moyenne",
        IndicatorKind.Median => "médiane",
        IndicatorKind.Estimate => "estimation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Derivation(Derivation d) => d.Year switch
    {
        DerivedYear.Previous => d.From + " (année précédente)",
        DerivedYear.First => d.From + " (première année de la série)",
        _ => d.From,
    };
}
