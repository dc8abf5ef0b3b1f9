using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Reporting.Publication.Quality;
using Reporting.Harmonisation;
using Reporting.Ingestion;
using Reporting.Quality;
using Reporting.Reference;
using Reporting.Tests.Support;

namespace Reporting.Tests.Properties;

/// <summary>
/// Random and mutated extracts read in process the way <c>reporting validate</c> reads a data folder
/// (DataDirectory, ExtractLoader, CsvExtractReader on every core). CI runs a few hundred cases in a few seconds;
/// <c>REPORTING_PROPERTY_ITERATIONS=100000</c> runs a long one, and <c>REPORTING_PROPERTY_SEED</c> replays the seed a
/// failure printed.
/// </summary>
public sealed partial class IngestionProperties : IDisposable
{
    private static readonly ExtractScope Scope = Nomenclature.Shipped().Scope();

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("REPORTING_PROPERTY_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 200;

    private static string? Seed => Environment.GetEnvironmentVariable("REPORTING_PROPERTY_SEED") is { Length: > 0 } s ? s : null;

    [Fact]
    public void Reading_never_throws_and_every_physical_line_is_counted_once() =>
        Sample(c =>
        {
            var (ingestion, file) = Read(c);
            var report = Assert.Single(ingestion.Files);
            Assert.Equal(report.LinesKept + report.LinesRejected, report.LinesRead);
            if (report.Failure is null || report.Failure.Rule == Rule.TooManyErrors || report.Failure.Rule == Rule.EmptyExtract)
            {
                Assert.Equal(PhysicalLines.Count(c.Content), report.PhysicalLines);
                Assert.Equal(report.LinesRejected, report.Issues.Where(i => i.Rule.Severity == Severity.Error).Select(i => i.Line).Distinct().Count() + MultiLineExtra(report));
            }
            else
            {
                // Refused before its lines were read: nothing counted (FileReport).
                Assert.Equal((0, 0, 0, 0), (report.PhysicalLines, report.LinesRead, report.HeaderLines, report.BlankLines));
            }

            // The writers take any report.
            var quality = new QualityReport("Qualité", ingestion);
            Assert.NotEmpty(QualityReportWriter.ToMarkdown(quality));
            Assert.NotEmpty(QualityReportWriter.ToJson(quality));
        });

    [Fact]
    public void Both_readers_find_the_same_issues_and_counts() =>
        Sample(c =>
        {
            var (ingestion, path) = Read(c);
            var scoped = Assert.Single(ingestion.Files);
            var schema = c.FileName == DataDirectory.PopulationFileName ? ExtractSchema.Population : c.FileName.StartsWith("police", StringComparison.Ordinal) ? ExtractSchema.Police : ExtractSchema.Justice;
            var plain = CsvExtractReader.Read(path, c.FileName, schema, schema == ExtractSchema.Population ? null : 2025, Geography.Default, Options(c), _ => { });
            if (schema == ExtractSchema.Population)
            {
                // The population step adds its own rejections (duplicates, zero) on top of the reader's.
                Assert.Equal(plain.PhysicalLines, scoped.PhysicalLines);
                return;
            }

            Assert.Equal((plain.LinesRead, plain.LinesKept, plain.LinesRejected, plain.BlankLines, plain.HeaderLines), (scoped.LinesRead, scoped.LinesKept, scoped.LinesRejected, scoped.BlankLines, scoped.HeaderLines));
            Assert.Equal(plain.Issues, scoped.Issues);
            Assert.Equal(plain.Failure, scoped.Failure);
        });

    [Fact]
    public void A_key_in_its_own_column_never_reaches_an_issue_or_the_report() =>
        Sample(
            ExtractGen.Case.Where(c => !c.Mutations.Any(m => m.StartsWith("key", StringComparison.Ordinal))),
            c =>
            {
                var (ingestion, _) = Read(c);
                var quality = new QualityReport("Qualité", ingestion);
                var written = QualityReportWriter.ToMarkdown(quality) + QualityReportWriter.ToJson(quality) + string.Join('\n', ingestion.Files.SelectMany(f => f.Issues).Select(i => i.Value));
                foreach (var key in KeysIn(c.Content))
                {
                    Assert.DoesNotContain(key, written, StringComparison.Ordinal);
                }
            });

    // A key written in another column (victime_mineure, natinf…) is that column's bad value: masked where the finding is made.
    [Fact]
    public void No_key_shaped_value_reaches_an_issue_or_the_written_report_whatever_its_column() =>
        Sample(c =>
        {
            var (ingestion, _) = Read(c);
            var quality = new QualityReport("Qualité", ingestion);
            foreach (var issue in ingestion.Files.SelectMany(f => f.Issues))
            {
                Assert.False(issue.Value is not null && KeyShape().IsMatch(issue.Value), $"line {issue.Line}, column {issue.Column}: a key-shaped value is quoted");
            }

            Assert.DoesNotMatch(KeyShape(), QualityReportWriter.ToMarkdown(quality));
            Assert.DoesNotMatch(KeyShape(), QualityReportWriter.ToJson(quality));
        });

    /// <summary>A multi-line record is one issue for all its lines: the lines beyond its first.</summary>
    private static int MultiLineExtra(FileReport report) =>
        report.Issues.Where(i => i.Rule == Rule.UnclosedQuote).Sum(i => int.Parse(MultiLineCount().Match(i.Value!).Groups[1].Value, CultureInfo.InvariantCulture) - 1);

    private static IEnumerable<string> KeysIn(byte[] content) =>
        KeyShape().Matches(System.Text.Encoding.Latin1.GetString(content)).Select(m => m.Value).Distinct();

    private void Sample(Action<ExtractCase> property) => Sample(ExtractGen.Case, property);

    private void Sample(Gen<ExtractCase> gen, Action<ExtractCase> property) =>
        gen.Sample(property, seed: Seed, iter: Iterations, threads: 1, print: c => c.ToString());

    /// <summary>The case as a data folder of one file, read as validate reads it.</summary>
    private (IngestionReport Ingestion, string Path) Read(ExtractCase c)
    {
        foreach (var old in Directory.EnumerateFiles(dir.Path))
        {
            File.Delete(old);
        }

        var path = dir.WriteBytes(c.FileName, c.Content);
        var ingestion = ExtractLoader.Load(DataDirectory.Discover(dir.Path), Geography.Default, Options(c), Scope, _ => { }, out _);
        return (ingestion, path);
    }

    private static IngestionOptions Options(ExtractCase c) =>
        c.BlockSize == 0 ? new IngestionOptions { Threads = c.Threads } : new IngestionOptions { BlockSize = c.BlockSize, Threads = c.Threads };

    [GeneratedRegex("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")]
    private static partial Regex KeyShape();

    [GeneratedRegex("couvre ([0-9]+) lignes")]
    private static partial Regex MultiLineCount();
}
