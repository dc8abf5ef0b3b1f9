using System.Globalization;
using System.Text;

namespace Reporting.Publication.OpenData;

/// <summary>One line of a published <c>indicateurs-N.csv</c>, as published (the value is empty unless published).</summary>
public sealed record PublishedCell(string Indicator, int Year, string Level, string Territory, string Category, string Source, string Value, string Status)
{
    public string Key => string.Join(';', Indicator, Year.ToString(CultureInfo.InvariantCulture), Level, Territory, Category, Source);

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

    public static IEnumerable<PublishedCell> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine();
        if (header != string.Join(';', IndicatorCsvWriter.Header))
        {
            throw new InvalidDataException($"{path}, ligne 1 : en-tête du fichier open data attendu");
        }

        var n = 1;
        while (reader.ReadLine() is { } line)
        {
            n++;
            var f = line.Split(';');
            if (f.Length != 8 || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                throw new InvalidDataException($"{path}, ligne {n} : 8 champs attendus");
            }

            yield return new PublishedCell(f[0], year, f[2], f[3], f[4], f[5], f[6], f[7]);
        }
    }
}
