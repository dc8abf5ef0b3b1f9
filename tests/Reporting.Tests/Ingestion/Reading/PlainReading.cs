using System.Globalization;
using Reporting.Ingestion;
using Reporting.Reference;

namespace Reporting.Tests.Ingestion;

/// <summary>
/// The oracle of <see cref="ScopedReadingTests"/>, moved here from the engine, which no longer calls it: every valid line of
/// an extract through the plain reading (<see cref="CsvExtractReader.Read"/>: one thread, one pass, every value a string),
/// made an <see cref="ExtractLine"/> from its strings. The run's reading makes its lines from the validated bytes, over
/// two passes and on every core; both must give the same report and the same in-scope lines.
/// </summary>
internal static class PlainReading
{
    public static FileReport Read(ExtractFile extract, Geography geography, IngestionOptions options, Action<ExtractLine> sink) =>
        CsvExtractReader.Read(extract.Path, extract.Name, ExtractSchema.For(extract.Source), extract.Year, geography, options, row => sink(ToLine(extract, row)));

    private static ExtractLine ToLine(ExtractFile file, ValidRow row)
    {
        var schema = row.Schema;
        var key = schema.Columns.Any(c => c.Name == "cle_chainage") ? row["cle_chainage"] : string.Empty;
        var age = row["age"];
        JusticeDetail? justice = null;
        if (file.Source == Source.Justice)
        {
            var quantum = schema.Columns.Any(c => c.Name == "quantum_mois") ? row["quantum_mois"] : string.Empty;
            var minor = row["victime_mineure"];
            justice = new JusticeDetail(
                row["etape"],
                row["peine"] is { Length: > 0 } sentence ? sentence : null,
                quantum.Length > 0 ? (int)long.Parse(quantum, CultureInfo.InvariantCulture) : null,
                minor switch { "O" => true, "N" => false, _ => null });
        }

        return new ExtractLine(
            file.Source,
            file.Year,
            file.Name,
            row.LineNumber,
            row[schema.PersonIdColumn!],
            key.Length > 0 ? key : null,
            row["departement"],
            row.ReferenceDate!.Value,
            row[ExtractSchema.CodeColumn(file.Source)],
            Values.ParseSex(row["sexe"]),
            age.Length > 0 ? Values.ParseAge(age) : null,
            justice);
    }
}
