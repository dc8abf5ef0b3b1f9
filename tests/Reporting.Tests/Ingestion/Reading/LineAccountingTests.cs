using System.Text;
using Reporting.Ingestion;
using Reporting.Reference;
using Reporting.Tests.Properties;
using Reporting.Tests.Support;

namespace Reporting.Tests.Ingestion;

/// <summary>
/// Issue #11, defect 1: one unclosed quote in the middle of police_2025.csv made every following line one bad record;
/// the run exited 0 with 44 % of the file silently dropped. A record over several physical lines is now rejected
/// (guillemet_non_ferme) and counts every line it covers, and every file's counts add up to its physical lines.
/// </summary>
public sealed class LineAccountingTests : IDisposable
{
    private const string PoliceHeader = "id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage";
    private const string Nbsp = "\u00A0";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    public static TheoryData<int, int> Readings() => new()
    {
        // Block size (0: the engine's), threads.
        { 0, 1 },
        { 0, 2 },
        { 97, 1 },
        { 97, 2 },
    };

    [Theory]
    [MemberData(nameof(Readings))]
    public void An_unclosed_quote_rejects_every_line_it_swallows_and_the_file_fails_naming_its_line(int blockSize, int threads)
    {
        // Given: 100 data lines (lines 2 to 101); line 57 opens a quote that nothing closes.
        var lines = Enumerable.Range(1, 100).Select(i => i == 56 ? $"\"P{i};V{i};PN;;2025-01-05;23364;75;F;15;" : $"P{i};V{i};PN;;2025-01-05;23364;75;F;15;");
        var path = dir.Write("police_2025.csv", PoliceHeader + "\n" + string.Join('\n', lines) + "\n");

        var report = ReadInScope(path, Source.Police, 2025, Options(blockSize, threads));

        var issue = Assert.Single(report.Issues);
        Assert.Equal((57, "*", "guillemet_non_ferme"), (issue.Line, issue.Column, issue.Rule.Code));
        Assert.Equal("l'enregistrement couvre 45 lignes physiques (lignes 57 à 101)", issue.Value);
        Assert.Equal((100, 55, 45), (report.LinesRead, report.LinesKept, report.LinesRejected));
        Assert.Equal(new RecordSpan(57, 45), report.LongestMultiLineRecord);
        Assert.Equal(
            $"police_2025.csv : trop de lignes en erreur — 45 lignes en erreur sur 100 (45,0{Nbsp}%), seuil 5{Nbsp}% ; un guillemet non fermé ligne 57 a emporté 45 lignes physiques (lignes 57 à 101)",
            report.Failure!.Message);
        Assert.Equal(101, report.PhysicalLines);
    }

    [Fact]
    public void A_quoted_field_over_three_lines_is_one_rejected_record_of_three_lines_and_reading_goes_on()
    {
        var content = PoliceHeader + "\r\n"
            + "P1;V1;PN;;2025-01-05;23364;75;F;15;\r\n"
            + "P2;\"V2\r\nsuite\r\nfin\";PN;;2025-01-05;23364;75;F;15;\r\n"
            + "\r\n"
            + "P3;V3;PN;;2025-01-05;23364;75;F;15;\r\n";
        var path = dir.Write("police_2025.csv", content);

        var rows = new List<ValidRow>();
        var report = CsvExtractReader.Read(path, "police_2025.csv", ExtractSchema.Police, 2025, Geography.Default, new IngestionOptions(1.0), rows.Add);

        var issue = Assert.Single(report.Issues);
        Assert.Equal((3, Rule.UnclosedQuote, "l'enregistrement couvre 3 lignes physiques (lignes 3 à 5)"), (issue.Line, issue.Rule, issue.Value));
        Assert.Equal([2, 7], rows.Select(r => r.LineNumber));
        Assert.Equal((1, 1, 5, 2, 3), (report.HeaderLines, report.BlankLines, report.LinesRead, report.LinesKept, report.LinesRejected));
        Assert.Equal(PhysicalLines.Count(File.ReadAllBytes(path)), report.PhysicalLines);
    }

    [Fact]
    public void A_stray_quote_that_swallows_a_small_part_of_a_big_file_stays_under_the_threshold()
    {
        // 3 lines swallowed of 200: 1,5 %, the run goes on with the lines listed.
        var lines = Enumerable.Range(1, 200).Select(i => $"P{i};V{i};PN;;2025-01-05;23364;75;F;15;").ToArray();
        lines[10] = "P11;V11;PN;;2025-01-05;23364;75;F;15;\"x";
        lines[12] = "P13;V13;PN;;2025-01-05;23364;75;F;15;x\"";
        var path = dir.Write("police_2025.csv", PoliceHeader + "\n" + string.Join('\n', lines) + "\n");

        var report = ReadInScope(path, Source.Police, 2025, IngestionOptions.Default);

        Assert.Null(report.Failure);
        Assert.Equal((12, 3), (Assert.Single(report.Issues).Line, report.LinesRejected));
        Assert.Equal(201, report.PhysicalLines);
    }

    [Theory]
    [InlineData("\uFEFF", "\r\n", true)]
    [InlineData("", "\n", false)]
    [InlineData("\n\n", "\r", false)]
    public void Header_blank_kept_and_rejected_lines_add_up_to_the_physical_lines(string before, string end, bool finalLineEnd)
    {
        var body = before + PoliceHeader + end
            + end
            + "P1;V1;PN;;2025-01-05;23364;75;F;15;" + end
            + "P2;V2;PN;;2025-01-05;23364;75;X;15;" + end
            + end + end
            + "\"P3;V3;PN;;2025-01-05;23364;75;F;15;" + end + "P4;V4;PN;;2025-01-05;23364;75;F;15;" + end
            + "P5\";V5;PN;;2025-01-05;23364;75;F;15;" + (finalLineEnd ? end : string.Empty);
        foreach (var encoding in new[] { new UTF8Encoding(false), CodePagesEncodingProvider.Instance.GetEncoding(1252)! })
        {
            // The Windows-1252 file holds a byte that is not UTF-8 (é): the decoded path must count alike.
            var text = body.Replace("P4", "Pé4", StringComparison.Ordinal);
            byte[] bom = text.StartsWith('\uFEFF') ? [0xEF, 0xBB, 0xBF] : [];
            var path = dir.WriteBytes("police_2025.csv", [.. bom, .. encoding.GetBytes(text.TrimStart('\uFEFF'))]);
            foreach (var (blockSize, threads) in new[] { (0, 1), (16, 2), (64, 1) })
            {
                var report = ReadInScope(path, Source.Police, 2025, Options(blockSize, threads) with { MaxErrorShare = 1.0 });

                Assert.Equal(PhysicalLines.Count(File.ReadAllBytes(path)), report.PhysicalLines);
                Assert.Equal(report.HeaderLines + report.BlankLines + report.LinesKept + report.LinesRejected, report.PhysicalLines);
                Assert.Equal((1, 1, 2, 3), (report.HeaderLines, report.LinesKept, report.Issues.Count, report.LinesRejected - 1));
            }
        }
    }

    [Theory]
    [InlineData("police_2025.csv", PoliceHeader + "\n")]
    [InlineData("police_2025.csv", PoliceHeader)]
    [InlineData("police_2025.csv", "\uFEFF" + PoliceHeader + "\r\n\r\n\r\n")]
    [InlineData("population.csv", "annee;departement;population_0_17\n")]
    public void A_header_without_any_data_line_is_a_file_failure_naming_the_file(string name, string content)
    {
        var path = dir.Write(name, content);
        var schema = name == "population.csv" ? ExtractSchema.Population : ExtractSchema.Police;

        var report = CsvExtractReader.Read(path, name, schema, schema == ExtractSchema.Population ? null : 2025, Geography.Default, IngestionOptions.Default, _ => { });

        Assert.Equal(Rule.EmptyExtract, report.Failure!.Rule);
        Assert.StartsWith($"{name} : extrait sans aucune ligne de données — en-tête seul, sans aucune ligne de données", report.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("« non disponibles » (x), jamais 0", report.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(PhysicalLines.Count(File.ReadAllBytes(path)), report.PhysicalLines);
    }

    [Fact]
    public void Validate_stops_on_an_empty_police_extract_with_a_french_line_naming_it()
    {
        dir.Write("data/police_2025.csv", PoliceHeader + "\n");
        dir.Write("data/justice_2025.csv", "id_affaire;id_personne;date_decision;departement;natinf;etape;peine;quantum_mois;victime_mineure;sexe;age\nA1;J1;2025-03-01;75;23364;POURSUITE;;;;M;40\n");

        var result = CliRunner.Run("validate", "--data", Path.Combine(dir.Path, "data"), "--out", Path.Combine(dir.Path, "out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("police_2025.csv : extrait sans aucune ligne de données", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(101, 2000, 0.05, "101 lignes en erreur sur 2000 (5,05 %), seuil 5 %")]
    [InlineData(10001, 200000, 0.05, "10001 lignes en erreur sur 200000 (5,0005 %), seuil 5 %")]
    [InlineData(2, 20, 0.05, "2 lignes en erreur sur 20 (10,0 %), seuil 5 %")]
    [InlineData(1, 19, 0.05, "1 lignes en erreur sur 19 (5,2 %), seuil 5 %")]
    [InlineData(3, 50, 0.055, "3 lignes en erreur sur 50 (6,0 %), seuil 5,5 %")]
    [InlineData(1, 300, 0.0025, "1 lignes en erreur sur 300 (0,3 %), seuil 0,25 %")]
    public void An_error_share_over_the_threshold_never_prints_as_equal_to_it(int rejected, int read, double threshold, string expected)
    {
        var failure = CsvExtractReader.ErrorShareFailure("police_2025.csv", read, rejected, new IngestionOptions(threshold));

        Assert.Equal(expected.Replace(" %", Nbsp + "%", StringComparison.Ordinal), failure!.Detail);
    }

    [Theory]
    [InlineData(100, 2000, 0.05)]
    [InlineData(0, 10, 0.0)]
    public void An_error_share_at_or_under_the_threshold_is_no_failure(int rejected, int read, double threshold) =>
        Assert.Null(CsvExtractReader.ErrorShareFailure("police_2025.csv", read, rejected, new IngestionOptions(threshold)));

    private static IngestionOptions Options(int blockSize, int threads) =>
        blockSize == 0 ? new IngestionOptions { Threads = threads } : new IngestionOptions { BlockSize = blockSize, Threads = threads };

    private static FileReport ReadInScope(string path, Source source, int year, IngestionOptions options) =>
        CsvExtractReader.ReadInScope(new ExtractFile(path, Path.GetFileName(path), source, year), Geography.Default, options, Reporting.Harmonisation.Nomenclature.Shipped().Scope()).Report;
}
