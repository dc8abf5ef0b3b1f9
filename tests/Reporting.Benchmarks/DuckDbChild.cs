using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Reporting.Harmonisation;

namespace Reporting.Benchmarks;

/// <param name="Seconds">the query, from sending it to the last row read</param>
/// <param name="OpenSeconds">loading the native library and opening the in-memory database, not part of the comparison</param>
/// <param name="CpuSeconds">processor seconds of the query, every thread</param>
public sealed record DuckDbMeasure(double Seconds, double OpenSeconds, long Rows, long Persons, long PeakBytes, int Threads, double CpuSeconds = 0);

/// <summary>
/// The reference: DuckDB counting distinct minor victims per source, year, département and category over the same files,
/// with the same nomenclature, as the issue words it — read_csv with <c>;</c>, header, all varchar; keep the nomenclature's
/// codes; a minor is age &lt; 18, or no age with a minor-only code; a person is <c>coalesce(cle_chainage, id)</c>.
/// DuckDB validates nothing, propagates no key and decides no département: it is the floor the engine is held to.
/// </summary>
public static partial class DuckDbChild
{
    public const string ResultPrefix = "RESULT ";

    public static int Run(string dataDirectory, TextWriter stdout)
    {
        var sql = Query(dataDirectory, Nomenclature.Shipped());
        var open = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        open.Stop();
        var threads = 0;
        using (var setting = connection.CreateCommand())
        {
            setting.CommandText = "select current_setting('threads')";
            threads = Convert.ToInt32(setting.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long rows = 0;
        long persons = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows++;
                persons += Convert.ToInt64(reader.GetValue(reader.FieldCount - 1), CultureInfo.InvariantCulture);
            }
        }

        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var measure = new DuckDbMeasure(clock.Elapsed.TotalSeconds, open.Elapsed.TotalSeconds, rows, persons, PeakMemory.OfThisProcess(), threads, cpu.TotalSeconds);
        stdout.WriteLine(ResultPrefix + JsonSerializer.Serialize(measure));
        return 0;
    }

    public static string Query(string dataDirectory, Nomenclature nomenclature)
    {
        var files = Directory.EnumerateFiles(dataDirectory, "*.csv")
            .Select(f => (Path: f, Match: ExtractName().Match(Path.GetFileName(f))))
            .Where(f => f.Match.Success)
            .Select(f => (f.Path, Source: f.Match.Groups[1].Value))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToArray();
        var parts = new List<string>();
        foreach (var (source, id, code) in new[] { ("police", "id_victime", "natinf"), ("ase", "id_enfant", "motif"), ("sante", "id_sejour", "motif_reperage") })
        {
            // DuckDB reads UTF-8 unless told otherwise: a Windows-1252 extract (the samples' ASE 2023) is read as latin-1.
            foreach (var group in files.Where(f => f.Source == source).GroupBy(f => IsUtf8(f.Path)))
            {
                var list = string.Join(", ", group.Select(f => $"'{f.Path.Replace("'", "''", StringComparison.Ordinal)}'"));
                var encoding = group.Key ? string.Empty : ", encoding = 'latin-1'";
                parts.Add($$"""
                    select '{{source}}' as source, regexp_extract(filename, '_([0-9]{4})\.csv$', 1) as annee, departement, {{code}} as code, age,
                           coalesce(cle_chainage, {{id}}) as personne
                    from read_csv([{{list}}], delim = ';', header = true, all_varchar = true, filename = true, union_by_name = true{{encoding}})
                    """);
            }
        }

        var nom = string.Join(",\n    ", nomenclature.Entries.Select(e =>
            $"('{e.System}', '{e.Code}', '{e.Category}', '{(e.MinorRequired == MinorRequirement.None ? "N" : "O")}')"));
        var sql = new StringBuilder();
        sql.Append("with nom(systeme, code, categorie, mineur_requis) as (values\n    ").Append(nom).Append("),\n");
        sql.Append("victims as (\n").Append(string.Join("\n    union all\n", parts)).Append(")\n");
        sql.Append("""
            select v.source, v.annee, v.departement, n.categorie, count(distinct v.personne) as personnes
            from victims v
            join nom n on n.systeme = case v.source when 'police' then 'NATINF' when 'ase' then 'ASE' else 'SANTE' end and n.code = v.code
            where try_cast(v.age as integer) < 18 or (v.age is null and n.mineur_requis = 'O')
            group by all
            """);
        return sql.ToString();
    }

    private static bool IsUtf8(string path)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        using var stream = File.OpenRead(path);
        var bytes = new byte[1 << 16];
        var chars = new char[bytes.Length + 4];
        try
        {
            int n;
            while ((n = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
            }

            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    [GeneratedRegex("^(police|justice|ase|sante)_([0-9]{4})\\.csv$", RegexOptions.CultureInvariant)]
    private static partial Regex ExtractName();
}
