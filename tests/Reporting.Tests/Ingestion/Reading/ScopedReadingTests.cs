using System.Text;
using Reporting.Harmonisation;
using Reporting.Ingestion;
using Reporting.Reference;
using Reporting.Tests.Support;

namespace Reporting.Tests.Ingestion;

/// <summary>
/// The run's reading (in-scope lines only, blocks in parallel) against the plain reading of every valid line: on every
/// file of the samples, cut into many small blocks, both must give the same report and the same in-scope lines, and the
/// out-of-scope lines must all be counted by code.
/// </summary>
public sealed class ScopedReadingTests : IDisposable
{
    private const string PoliceHeader = "id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    public static TheoryData<string> SampleFiles() =>
        [.. Directory.GetFiles(RepositoryPaths.DataSamples, "*_*.csv").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Keeps_the_in_scope_lines_of_the_plain_reading_and_counts_the_others(string name)
    {
        var nomenclature = Nomenclature.Shipped();
        var extract = DataDirectory.Discover(RepositoryPaths.DataSamples).Extracts.Single(e => e.Name == name);
        var plain = new List<ExtractLine>();
        var plainReport = PlainReading.Read(extract, Geography.Default, IngestionOptions.Default, plain.Add);

        // When: blocks of 4 KB, so that a sample file is read as dozens of blocks over both cores.
        var scoped = CsvExtractReader.ReadInScope(extract, Geography.Default, IngestionOptions.Default with { BlockSize = 4096 }, nomenclature.Scope());

        AssertSameReport(plainReport, scoped.Report);
        Assert.Equal(plain.Where(l => nomenclature.Find(l.Source, l.Code) is not null), scoped.Lines);
        var outOfScope = plain.Where(l => nomenclature.Find(l.Source, l.Code) is null).CountBy(l => l.Code).ToDictionary(StringComparer.Ordinal);
        Assert.Equal(outOfScope.OrderBy(kv => kv.Key, StringComparer.Ordinal), scoped.OutOfScopeCodes.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Keeps_the_keys_of_out_of_scope_lines_for_ids_with_in_scope_lines_only()
    {
        // Given: V1's key only on an out-of-scope line before its in-scope line, V2's only after; V9 is out of scope alone;
        // V3's key is on an error line, which passes nothing.
        var path = dir.Write("police_2024.csv", PoliceHeader + "\n"
            + $"P1;V1;PN;;2024-01-05;7875;75;F;15;{Keys.A}\n"
            + "P1;V1;PN;;2024-01-05;23364;75;F;15;\n"
            + $"P9;V9;PN;;2024-01-05;7875;75;F;40;{Keys.C}\n"
            + "P2;V2;PN;;2024-01-05;23364;75;F;15;\n"
            + $"P2;V2;GN;;2024-01-05;7151;75;F;15;{Keys.B}\n"
            + $"P3;V3;GN;;2024-01-05;7151;75;X;15;{Keys.D}\n"
            + "P3;V3;GN;;2024-01-05;23364;75;F;15;\n");

        var scoped = CsvExtractReader.ReadInScope(new ExtractFile(path, "police_2024.csv", Source.Police, 2024), Geography.Default, IngestionOptions.Default with { MaxErrorShare = 0.5 }, Nomenclature.Shipped().Scope());

        Assert.Equal([("V1", Keys.A, 2), ("V2", Keys.B, 6)], scoped.Keys.Select(k => (k.PersonId, k.Key, k.LineNumber)));
        Assert.Equal([3, 5, 8], scoped.Lines.Select(l => l.LineNumber));
        Assert.Equal(3, scoped.OutOfScopeCodes.Values.Sum());
    }

    [Fact]
    public void A_malformed_quote_is_an_error_of_its_own_line()
    {
        // The CsvHelper reader reported it on the next line and kept the line itself.
        var path = dir.Write("police_2024.csv", PoliceHeader + "\n"
            + "P1;V\"1;PN;;2024-01-05;23364;75;F;15;\n"
            + "P2;V2;PN;;2024-01-05;23364;75;F;15;\n"
            + "P3;V3;PN;;2024-01-05;23364;75;F;15;x\"y\n");

        var rows = new List<ValidRow>();
        var report = CsvExtractReader.Read(path, "police_2024.csv", ExtractSchema.Police, 2024, Geography.Default, new IngestionOptions(1.0), rows.Add);

        Assert.Equal([(2, "*", Rule.BadQuotes), (4, "*", Rule.BadQuotes)], report.Issues.Select(i => (i.Line, i.Column, i.Rule)));
        Assert.Equal([3], rows.Select(r => r.LineNumber));
    }

    [Fact]
    public void Rejects_a_quoted_multi_line_field_and_numbers_the_lines_after_it_as_before()
    {
        // A record is numbered by the physical line it starts on (the quality report points the administration there).
        // Issue #11: no value holds a line break, even in a column the contract does not know, so a record over two lines
        // is rejected (a closed quote cannot be told from a stray one closed by another, lines later).
        var path = dir.Write("police_2024.csv", PoliceHeader + ";commentaire\r\n"
            + "P1;V1;PN;;2024-01-05;23364;75;F;15;;\"deux\r\nlignes\"\r\n"
            + "\r\n"
            + "P2;\"V\"\"2\";PN;;2024-01-05;23364;75;F;15;;\r\n");

        var scoped = CsvExtractReader.ReadInScope(new ExtractFile(path, "police_2024.csv", Source.Police, 2024), Geography.Default, IngestionOptions.Default, Nomenclature.Shipped().Scope());

        Assert.Equal([(5, "V\"2")], scoped.Lines.Select(l => (l.LineNumber, l.PersonId)));
        var issue = Assert.Single(scoped.Report.Issues);
        Assert.Equal((2, "guillemet_non_ferme", "l'enregistrement couvre 2 lignes physiques (lignes 2 à 3)"), (issue.Line, issue.Rule.Code, issue.Value));
        Assert.Equal((1, 1, 2, 1), (scoped.Report.HeaderLines, scoped.Report.BlankLines, scoped.Report.LinesRejected, scoped.Report.LinesKept));
    }

    [Fact]
    public void Trims_non_ascii_white_space_as_the_string_reader_did()
    {
        // A no-break space around values (UTF-8), as spreadsheet exports leave them.
        var nbsp = "\u00A0";
        var path = dir.Write("police_2024.csv", PoliceHeader + "\n" + $"P1;{nbsp}V1{nbsp};PN;;2024-01-05;{nbsp}23364;75{nbsp};F;15;\n", new UTF8Encoding(false));

        var scoped = CsvExtractReader.ReadInScope(new ExtractFile(path, "police_2024.csv", Source.Police, 2024), Geography.Default, IngestionOptions.Default, Nomenclature.Shipped().Scope());

        var line = Assert.Single(scoped.Lines);
        Assert.Equal(("V1", "23364", "75"), (line.PersonId, line.Code, line.Departement));
    }

    private static void AssertSameReport(FileReport expected, FileReport actual)
    {
        Assert.Equal(
            (expected.File, expected.Kind, expected.Year, expected.Encoding, expected.LinesRead, expected.LinesKept, expected.LinesRejected, expected.Failure),
            (actual.File, actual.Kind, actual.Year, actual.Encoding, actual.LinesRead, actual.LinesKept, actual.LinesRejected, actual.Failure));
        Assert.Equal(expected.Issues, actual.Issues);
        Assert.Equal(expected.FileWarnings, actual.FileWarnings);
    }
}
