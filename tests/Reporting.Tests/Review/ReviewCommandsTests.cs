using System.Text.Json;
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
        var a = TestPublications.WriteHandMade(Path.Combine(dir.Path, "a"));
        CopyFolder(a, Path.Combine(dir.Path, "b", "2019"));

        var result = CliRunner.Run("diff", Path.Combine(dir.Path, "a", "2019"), Path.Combine(dir.Path, "b", "2019"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Aucune différence.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_reports_exactly_the_changes_of_a_few_input_lines()
    {
        // Given: the hand-made data, then the same with one more police minor victim in Paris (2019).
        var data = Fixtures.CopyTo("hand-made", Path.Combine(dir.Path, "data"));
        TestPublications.WriteHandMade(Path.Combine(dir.Path, "before"));
        File.AppendAllText(Path.Combine(data, "police_2019.csv"), "P9;V9;PN;;2019-12-01;23364;75;F;16;\n");
        Run(data, "after");
        var (before, after) = (Path.Combine(dir.Path, "before", "2019"), Path.Combine(dir.Path, "after", "2019"));

        var json = CliRunner.Run("diff", before, after, "--format", "json");
        var text = CliRunner.Run("diff", before, after);

        Assert.Equal(1, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        var root = doc.RootElement;
        var input = Assert.Single(root.GetProperty("entrees").GetProperty("fichiers_modifies").EnumerateArray());
        Assert.Equal("police_2019.csv", input.GetProperty("fichier").GetString());
        Assert.Equal(1, input.GetProperty("apres").GetProperty("lignes_lues").GetInt64() - input.GetProperty("avant").GetProperty("lignes_lues").GetInt64());
        var values = root.GetProperty("open_data").GetProperty("valeurs_modifiees").EnumerateArray()
            .Select(v => $"{v.GetProperty("indicateur").GetString()};{v.GetProperty("annee").GetInt32()};{v.GetProperty("niveau").GetString()};{v.GetProperty("territoire").GetString()};{v.GetProperty("categorie").GetString()};{v.GetProperty("source").GetString()} {v.GetProperty("avant").GetString()}→{v.GetProperty("apres").GetString()}")
            .ToArray();
        // Police ESM and ESM-PROST in Paris (K1 was there already), its region and France, and toutes: counts +1.
        Assert.Contains("victimes_mineurs;2019;DEP;75;ESM;police 1→2", values);
        Assert.Contains("victimes_mineurs;2019;FR;FR;ESM;police 4→5", values);
        Assert.Contains("victimes_mineurs;2019;FR;FR;ESM;toutes 6→7", values);
        // Publication order: the national count of all sources comes before any other figure.
        Assert.StartsWith("victimes_mineurs;2019;FR;FR;ESM;toutes", values[0], StringComparison.Ordinal);
        Assert.DoesNotContain(values, v => v.Contains("ESM-PROX;police", StringComparison.Ordinal) || v.Contains(";2018;", StringComparison.Ordinal) || v.Contains(";justice", StringComparison.Ordinal));
        Assert.Equal(0, root.GetProperty("resume").GetProperty("lignes_apparues").GetInt32());
        // The text says first which input changed, then the headline figures.
        var lines = text.Stdout.Split('\n');
        var inputLine = Array.FindIndex(lines, l => l.Contains("police_2019.csv", StringComparison.Ordinal));
        var headline = Array.FindIndex(lines, l => l.StartsWith("Chiffres clés et tableaux du rapport", StringComparison.Ordinal));
        Assert.InRange(inputLine, 1, headline - 1);
        Assert.Contains(lines.Skip(headline), l => l.Contains("6 → 7", StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_writes_only_where_asked()
    {
        var publication = TestPublications.WriteHandMade(Path.Combine(dir.Path, "a"));
        var report = Path.Combine(dir.Path, "diff.md");
        var cwdFiles = Directory.GetFiles(Directory.GetCurrentDirectory()).Length;

        var toStdout = CliRunner.Run("diff", publication, publication, "--format", "md");
        var toFile = CliRunner.Run("diff", publication, publication, "--format", "md", "--report", report);

        Assert.StartsWith("# Comparaison de deux publications", toStdout.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, toFile.Stdout);
        Assert.Equal(toStdout.Stdout, File.ReadAllText(report));
        Assert.Equal(cwdFiles, Directory.GetFiles(Directory.GetCurrentDirectory()).Length);
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
