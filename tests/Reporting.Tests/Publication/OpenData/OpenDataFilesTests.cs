using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Parquet;
using Reporting.Tests.Publication.Workbook;
using Reporting.Tests.Support;

namespace Reporting.Tests.Publication.OpenData;

/// <summary>
/// The open data read back as its reusers read it: the data package by the Frictionless rules (every row of every
/// resource), the Parquet file row for row against the CSV, the folder's guide against the files it lists.
/// </summary>
public sealed class OpenDataFilesTests
{
    private static readonly string Csv = $"indicateurs-{SampleRun.Year}.csv";

    /// <summary>The samples' open-data file parsed once for the class (the tests copy what they change).</summary>
    private static readonly Lazy<IReadOnlyList<string[]>> CsvRows = new(() => Rows(SampleRun.File(SampleRun.Outcome, Csv)));

    private static IReadOnlyList<string[]> RowsOf(string path) => path == Csv ? CsvRows.Value : Rows(SampleRun.File(SampleRun.Outcome, path));

    [Fact]
    public void The_data_package_conforms_to_the_frictionless_specifications_and_every_csv_row_to_its_schema()
    {
        var package = Package(SampleRun.File(SampleRun.Outcome, "datapackage.json"));

        var errors = TableSchema.Check(package, RowsOf);

        Assert.Empty(errors);
        var resources = package.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["indicateurs", "dictionnaire-indicateurs", "territoires"], resources);
    }

    [Theory]
    [InlineData("indicateurs", "ESM-PROST", "ESM-INCONNUE", "not in the enum")]
    [InlineData("indicateurs", ";FR;FR;", ";FR;ZZ;", "has no line in territoires")]
    [InlineData("indicateurs", ";toutes;", ";toutes;", "primary key")]
    [InlineData("indicateurs", ";2025;", ";2025.5;", "not a integer")]
    public void A_row_that_breaks_the_schema_is_found(string resource, string from, string to, string expected)
    {
        // The whole file passes (above): one line in fifty of it, every indicator's, is enough to see one broken row found.
        var package = Package(SampleRun.File(SampleRun.Outcome, "datapackage.json"));
        var rows = CsvRows.Value.Where((_, i) => i % 50 == 0).ToList();
        var line = rows.FindIndex(1, r => (";" + string.Join(';', r) + ";").Contains(from, StringComparison.Ordinal));
        var changed = (";" + string.Join(';', rows[line]) + ";").Replace(from, to, StringComparison.Ordinal);
        rows[line] = changed[1..^1].Split(';');
        if (from == to)
        {
            rows.Add(rows[line]);
        }

        var errors = TableSchema.Check(package, path => path == Csv ? rows : RowsOf(path));

        Assert.Contains(errors, e => e.StartsWith(resource, StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_code_of_the_file_is_listed_with_its_label()
    {
        var fields = Package(SampleRun.File(SampleRun.Outcome, "datapackage.json")).GetProperty("resources")[0].GetProperty("schema").GetProperty("fields");
        string Label(string field, string code) => fields.EnumerateArray().Single(f => f.GetProperty("name").GetString() == field)
            .GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("value").GetString() == code).GetProperty("label").GetString()!;

        Assert.Equal("Victimes mineures", Label("indicateur", "victimes_mineurs"));
        Assert.Equal("Prostitution de mineurs (dont recours à la prostitution d'un mineur)", Label("categorie", "ESM-PROST"));
        Assert.Equal("secret statistique", Label("statut", "c"));
        Assert.Equal("Ensemble des sources (personnes comptées une fois)", Label("source", "toutes"));
        var territories = Package(SampleRun.File(SampleRun.Outcome, "datapackage.json")).GetProperty("resources")[2].GetProperty("data").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(v => v.GetString()).ToArray()).ToArray();
        Assert.Contains(territories, r => r is ["DEP", "11", "Aude", "76"]);
        Assert.Contains(territories, r => r is ["REG", "11", "Île-de-France", ""]);
        Assert.Equal(1 + 1 + 18 + 101, territories.Length);
    }

    [Fact]
    public void The_parquet_file_holds_the_rows_of_the_csv()
    {
        var csv = CsvRows.Value;
        var parquet = ReadParquet(SampleRun.File(SampleRun.Outcome, $"indicateurs-{SampleRun.Year}.parquet"));

        Assert.Equal(csv[0], parquet.Columns);
        Assert.Equal(csv.Count - 1, parquet.Rows.Count);
        var value = Array.IndexOf(csv[0], "valeur");
        for (var i = 0; i < parquet.Rows.Count; i++)
        {
            var (line, row) = (csv[i + 1], parquet.Rows[i]);
            var printed = line[value].Length == 0 ? string.Empty : double.Parse(line[value], CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
            if (row.Length != line.Length || row[value] != printed || Enumerable.Range(0, line.Length).Any(c => c != value && row[c] != line[c]))
            {
                var expected = line.ToArray();
                expected[value] = printed;
                Assert.Equal(expected, row);
            }
        }
    }

    [Fact]
    public void The_guide_names_every_file_of_the_folder_and_the_editions_parameters()
    {
        var guide = Encoding.UTF8.GetString(SampleRun.File(SampleRun.Outcome, "LISEZMOI.md"));
        var plain = Typeset.Plain(guide);

        foreach (var file in SampleRun.Outcome.Files.Select(f => f.RelativePath).Where(p => !p.Contains('/', StringComparison.Ordinal)).Append("manifest.json"))
        {
            Assert.Contains($"`{file}`", guide, StringComparison.Ordinal);
        }

        Assert.Contains("`fiches/<département>.pdf` (101 fiches)", plain, StringComparison.Ordinal);
        Assert.Contains("Date de publication : 14 avril 2026.", plain, StringComparison.Ordinal);
        Assert.Contains("un effectif de 1 à 10 personnes n'est pas publié (seuil 11)", plain, StringComparison.Ordinal);
        Assert.Contains("au moins 3 personnes", plain, StringComparison.Ordinal);
    }

    private static JsonElement Package(byte[] bytes) => JsonDocument.Parse(bytes).RootElement;

    /// <summary>A CSV of the folder as its reusers parse it (CsvHelper, the file's own dialect): header first.</summary>
    private static IReadOnlyList<string[]> Rows(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var rows = new List<string[]>();
        while (parser.Read())
        {
            rows.Add(parser.Record!);
        }

        return rows;
    }

    /// <summary>The Parquet file read with Parquet.Net's own reader, each value printed as the CSV prints it.</summary>
    private static (string[] Columns, IReadOnlyList<string[]> Rows) ReadParquet(byte[] bytes) => ReadParquetAsync(bytes).GetAwaiter().GetResult();

    private static async Task<(string[] Columns, IReadOnlyList<string[]> Rows)> ReadParquetAsync(byte[] bytes)
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes));
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(1, reader.RowGroupCount);
        using var group = reader.OpenRowGroupReader(0);
        var count = checked((int)group.RowCount);
        var columns = new List<string[]>();
        foreach (var field in fields)
        {
            string[] values;
            if (field.Name is not ("annee" or "valeur"))
            {
                var strings = new string?[count];
                await group.ReadAsync(field, strings.AsMemory());
                values = strings.Select(s => s ?? string.Empty).ToArray();
            }
            else if (field.Name == "annee")
            {
                var ints = new int[count];
                await group.ReadAsync(field, ints.AsMemory());
                values = ints.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
            }
            else
            {
                var doubles = new double?[count];
                await group.ReadAsync(field, doubles.AsMemory());
                values = doubles.Select(v => v is { } d ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty).ToArray();
            }

            columns.Add(values);
        }

        var rows = Enumerable.Range(0, count).Select(i => columns.Select(c => c[i]).ToArray()).ToArray();
        return (fields.Select(f => f.Name).ToArray(), rows);
    }
}
