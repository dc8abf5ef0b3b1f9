using Reporting.Publication.OpenData;
using Reporting.Tests.Support;

namespace Reporting.Tests.Review;

[StartsEarly]
public sealed class ReviewCommandsTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Diff_of_two_identical_runs_reports_nothing_and_exits_0()
    {
        // Two runs give the same bytes (AnnualRunSamplesTests): the second publication is a copy of the first.
        var data = Fixtures.CopyTo("hand-made", Path.Combine(dir.Path, "data"));
        var a = Run(data, "a");
        CopyFolder(a, Path.Combine(dir.Path, "b", "2019"));

        var result = CliRunner.Run("diff", Path.Combine(dir.Path, "a", "2019"), Path.Combine(dir.Path, "b", "2019"), "--report", Path.Combine(dir.Path, "diff.md"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Aucune différence.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_reports_exactly_the_changes_of_a_few_input_lines()
    {
        // Given: the hand-made data, then the same with one more police minor victim in Paris (2019).
        var data = Fixtures.CopyTo("hand-made", Path.Combine(dir.Path, "data"));
        Run(data, "before");
        File.AppendAllText(Path.Combine(data, "police_2019.csv"), "P9;V9;PN;;2019-12-01;23364;75;F;16;\n");
        Run(data, "after");

        var report = Path.Combine(dir.Path, "diff.md");
        var result = CliRunner.Run("diff", Path.Combine(dir.Path, "before", "2019"), Path.Combine(dir.Path, "after", "2019"), "--report", report);

        Assert.Equal(1, result.ExitCode);
        var md = File.ReadAllText(report);
        // Police ESM and ESM-PROST in Paris (K1 was there already), its region and France, and toutes: counts +1.
        Assert.Contains("| victimes_mineurs;2019;DEP;75;ESM;police | 1 | 2 | +1 | +100.0 |", md, StringComparison.Ordinal);
        Assert.Contains("| victimes_mineurs;2019;FR;FR;ESM;police | 4 | 5 | +1 | +25.0 |", md, StringComparison.Ordinal);
        Assert.Contains("| victimes_mineurs;2019;FR;FR;ESM;toutes | 6 | 7 | +1 | +16.7 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("ESM-PROX;police |", md, StringComparison.Ordinal);
        Assert.DoesNotContain(";2018;", md, StringComparison.Ordinal);
        Assert.DoesNotContain(";justice", md, StringComparison.Ordinal);
        Assert.Contains("| lignes apparues | 0 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_print_the_departements_figures_with_the_same_hidden_cells_as_the_publication()
    {
        var publication = TestPublications.WriteSamples(Path.Combine(dir.Path, "out"));

        var result = CliRunner.Run("figures", "--dep", "66", "--years", "2016-2025", "--format", "csv", "--publication", publication);

        Assert.Equal(0, result.ExitCode);
        var printed = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';'))
            .ToDictionary(f => (f[3], f[5], f[7], int.Parse(f[9], System.Globalization.CultureInfo.InvariantCulture)), f => (Value: f[10], Status: f[11]));
        var cells = IndicatorCsvReader.Read(IndicatorCsvReader.FindIn(publication)).Where(c => c.Level == "DEP" && c.Territory == "66").ToArray();
        Assert.Equal(cells.Length, printed.Count);
        foreach (var c in cells)
        {
            Assert.Equal((c.Value, c.Status), printed[(c.Indicator, c.Category, c.Source, c.Year)]);
        }

        Assert.Contains(cells, c => c.Status == "c");
    }

    private string Run(string data, string name) => TestPublications.Write(data, 2019, Path.Combine(dir.Path, name));

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
