using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Reporting.Publication.OpenData;

/// <summary>One line of a published <c>indicateurs-N.csv</c>, as published (the value is empty unless published).</summary>
public sealed record PublishedCell(string Indicator, int Year, string Level, string Territory, string Category, string Source, string Value, string Status)
{
    public string Key => string.Join(';', Indicator, Year.ToString(CultureInfo.InvariantCulture), Level, Territory, Category, Source);

    /// <summary>What the line is about (<see cref="Key"/>'s fields), for lookups: nothing allocated.</summary>
    public (string Indicator, int Year, string Level, string Territory, string Category, string Source) Id => (Indicator, Year, Level, Territory, Category, Source);

    public decimal? Number => Value.Length == 0 ? null : decimal.Parse(Value, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>The value, or the status symbol when not published.</summary>
    public string Display => Status.Length == 0 ? Value : Status;
}

/// <summary>Reads back a published open-data file: for the reviewers' diff and figures on demand, which never recompute.</summary>
public static class IndicatorCsvReader
{
    public static string FindIn(string publicationFolder)
    {
        var files = Directory.Exists(publicationFolder) ? Directory.GetFiles(publicationFolder, "indicateurs-*.csv") : [];
        return files.Length == 1
            ? files[0]
            : throw new FileNotFoundException($"{publicationFolder} : aucun fichier indicateurs-<année>.csv unique (dossier de publication attendu)");
    }

    /// <summary>
    /// The file's lines, read with the same CSV engine that wrote them (CsvHelper's parser, <c>;</c>, RFC 4180 quoting);
    /// the fields' strings are shared (the file repeats a few hundred distinct codes over its lines).
    /// </summary>
    public static IEnumerable<PublishedCell> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", CacheFields = true, BufferSize = 1 << 16 });
        if (!csv.Read() || !csv.Record!.SequenceEqual(IndicatorCsvWriter.Header))
        {
            throw new InvalidDataException($"{path}, ligne 1 : en-tête du fichier open data attendu");
        }

        while (csv.Read())
        {
            if (csv.Count != IndicatorCsvWriter.Header.Length || !int.TryParse(csv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                throw new InvalidDataException($"{path}, ligne {csv.RawRow} : {IndicatorCsvWriter.Header.Length} champs attendus");
            }

            yield return new PublishedCell(csv[0], year, csv[2], csv[3], csv[4], csv[5], csv[6], csv[7]);
        }
    }
}
