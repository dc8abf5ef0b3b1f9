using System.Globalization;
using Parquet;
using Parquet.Schema;
using Reporting.Indicators;

namespace Reporting.Publication.OpenData;

/// <summary>
/// <c>indicateurs-N.parquet</c>: the rows of <c>indicateurs-N.csv</c>, in the same order and with the same columns, for
/// R, Python and DuckDB users — typed (the year an integer, the value a double as the CSV prints it, null where the CSV
/// is empty) so that nobody has to tell a reader about <c>;</c>, the BOM or the decimal point. One row group,
/// Snappy-compressed (every Parquet reader has it), nothing that depends on the clock: the same edition gives the same bytes.
/// </summary>
public static class IndicatorParquetWriter
{
    private static readonly DataField<string> Indicator = new("indicateur", nullable: false);
    private static readonly DataField<int> Year = new("annee");
    private static readonly DataField<string> Level = new("niveau", nullable: false);
    private static readonly DataField<string> Territory = new("territoire", nullable: false);
    private static readonly DataField<string> Category = new("categorie", nullable: false);
    private static readonly DataField<string> Source = new("source", nullable: false);
    private static readonly DataField<double?> Value = new("valeur");
    private static readonly DataField<string> Status = new("statut", nullable: true);

    public static readonly ParquetSchema Schema = new(Indicator, Year, Level, Territory, Category, Source, Value, Status);

    public static byte[] Write(IndicatorSet set, IndicatorCatalogue catalogue) => WriteAsync(set, catalogue).GetAwaiter().GetResult();

    private static async Task<byte[]> WriteAsync(IndicatorSet set, IndicatorCatalogue catalogue)
    {
        var cells = set.Cells;
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(Schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(Indicator, cells.Select(c => c.Key.Indicator).ToArray());
            await group.WriteAsync(Year, (ReadOnlyMemory<int>)cells.Select(c => c.Key.Year).ToArray());
            await group.WriteAsync(Level, cells.Select(c => Cell.LevelCode(c.Key.Level)).ToArray());
            await group.WriteAsync(Territory, cells.Select(c => c.Key.Territory).ToArray());
            await group.WriteAsync(Category, cells.Select(c => c.Key.Category).ToArray());
            await group.WriteAsync(Source, cells.Select(c => c.Key.Source).ToArray());
            await group.WriteAsync(Value, (ReadOnlyMemory<double?>)cells.Select(c => AsPrinted(catalogue[c.Key.Indicator], c.Shown)).ToArray());
            await group.WriteAsync(Status, cells.Select(c => Cell.StatusCode(c.Status) is { Length: > 0 } s ? s : null).ToArray());
        }

        return stream.ToArray();
    }

    /// <summary>The value the CSV prints (same decimals, same rounding), as a double.</summary>
    private static double? AsPrinted(IndicatorDefinition indicator, decimal? value) =>
        value is null ? null : double.Parse(IndicatorCsvWriter.FormatValue(indicator, value), CultureInfo.InvariantCulture);
}
