using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
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

    public static byte[] Write(IndicatorCatalogue catalogue)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", NewLine = "\n" }))
        {
            foreach (var h in Header)
            {
                csv.WriteField(h);
            }

            csv.NextRecord();
            foreach (var d in catalogue.All)
            {
                csv.WriteField(d.Code);
                csv.WriteField(d.Label);
                csv.WriteField(Kind(d.Kind));
                csv.WriteField(d.Unit);
                csv.WriteField(d.OpenDataDecimals.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(d.NationalOnly ? "FR" : "FR, REG, DEP");
                csv.WriteField(string.Join(", ", d.DerivedFrom.Select(Derivation)));
                csv.WriteField(d.Definition);
                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    private static string Kind(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Count => "effectif",
        IndicatorKind.Rate => "taux",
        IndicatorKind.Share => "part",
        IndicatorKind.Change => "évolution",
        IndicatorKind.Mean => "moyenne",
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
