using System.Diagnostics;
using Reporting.Publication.Quality;
using Reporting.Ingestion;
using Reporting.Quality;
using Reporting.Reference;
using Reporting.Tests.Support;

namespace Reporting.Tests.Ingestion;

/// <summary>
/// Issue #11: a symlink named police_2025.csv to /dev/zero crashed the run, a named pipe made it hang forever, a
/// directory so named was skipped without a word, and a line feed in a file name broke the quality report's list.
/// </summary>
public sealed class DataDirectoryTests : IDisposable
{
    private const string PoliceHeader = "id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void A_directory_named_like_an_extract_is_refused_as_a_file_failure()
    {
        Directory.CreateDirectory(Path.Combine(dir.Path, "police_2025.csv"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "archives"));
        Justice();

        var directory = DataDirectory.Discover(dir.Path);
        var ingestion = Load(directory);

        var failure = Assert.Single(ingestion.Failures);
        Assert.Equal("police_2025.csv : n'est pas un fichier ordinaire — répertoire, non lu", failure.Message);
        Assert.Equal(Rule.NotRegularFile, failure.Rule);
        Assert.DoesNotContain(directory.Extracts, e => e.Name == "police_2025.csv");
        Assert.Empty(directory.IgnoredFiles);
    }

    [Fact]
    public void A_symbolic_link_to_a_device_is_refused_without_being_read()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // Devices and named pipes as Linux has them; the engine and CI run there.
        }

        File.CreateSymbolicLink(Path.Combine(dir.Path, "police_2025.csv"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "population.csv"), Path.Combine(dir.Path, "nowhere.csv"));
        Justice();

        var directory = DataDirectory.Discover(dir.Path);
        var ingestion = Load(directory);

        Assert.Equal(
            ["police_2025.csv : n'est pas un fichier ordinaire — lien symbolique vers un périphérique, non lu", "population.csv : n'est pas un fichier ordinaire — lien symbolique vers un fichier absent, non lu"],
            ingestion.Failures.Select(f => f.Message));
        Assert.Null(directory.PopulationFile);
    }

    [Fact]
    public void A_symbolic_link_to_a_regular_file_is_read()
    {
        var target = dir.Write("elsewhere/police.csv", PoliceHeader + "\nP1;V1;PN;;2025-01-05;23364;75;F;15;\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "police_2025.csv"), target);

        var ingestion = Load(DataDirectory.Discover(dir.Path));

        Assert.Empty(ingestion.Failures);
        Assert.Equal(1, Assert.Single(ingestion.Files).LinesKept);
    }

    [Fact]
    public async Task A_named_pipe_is_refused_and_the_run_does_not_hang()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // Devices and named pipes as Linux has them; the engine and CI run there.
        }

        MakeFifo(Path.Combine(dir.Path, "police_2025.csv"));
        MakeFifo(Path.Combine(dir.Path, "notes"));
        Justice();

        // Opening the pipe would wait for a writer forever: the test fails by time-out rather than hang the suite.
        var ingestion = await Task.Run(() => Load(DataDirectory.Discover(dir.Path))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("police_2025.csv : n'est pas un fichier ordinaire — tube nommé (FIFO), non lu", Assert.Single(ingestion.Failures).Message);
        Assert.Equal(["notes"], ingestion.IgnoredFiles);
    }

    [Fact]
    public void Control_characters_in_file_names_are_printed_as_escapes_in_every_report()
    {
        Justice();
        dir.Write("notes\nsecond line.csv", "x");
        dir.Write("police_2025.csv\n", "x");
        dir.Write("a\u202Ecod.csv", "x");

        var ingestion = Load(DataDirectory.Discover(dir.Path));
        var report = new QualityReport("Qualité", ingestion);
        var markdown = QualityReportWriter.ToMarkdown(report);
        var json = QualityReportWriter.ToJson(report);

        Assert.Equal(["a\\u202Ecod.csv", "notes\\nsecond line.csv", "police_2025.csv\\n"], ingestion.IgnoredFiles.Order(StringComparer.Ordinal));
        Assert.Contains("- notes\\nsecond line.csv : fichier dont le nom", markdown, StringComparison.Ordinal);
        Assert.Contains("- police_2025.csv\\n : fichier dont le nom", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', markdown);
        Assert.Contains("\"notes\\\\nsecond line.csv\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("police_2025.csv", "police_2025.csv")]
    [InlineData("a\tb\rc", "a\\tb\\rc")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("bell\u0007", "bell\\u0007")]
    [InlineData("dél\u0085", "dél\\u0085")]
    [InlineData("zero\u200Bwidth", "zero\\u200Bwidth")]
    [InlineData("é à ç", "é à ç")]
    public void Printable_names_escape_control_and_format_characters_only(string name, string expected) =>
        Assert.Equal(expected, DataDirectory.Printable(name));

    private static IngestionReport Load(DataDirectory directory) =>
        ExtractLoader.Load(directory, Geography.Default, IngestionOptions.Default, Reporting.Harmonisation.Nomenclature.Shipped().Scope(), _ => { }, out _);

    private void Justice() => dir.Write(
        "justice_2025.csv",
        "id_affaire;id_personne;date_decision;departement;natinf;etape;peine;quantum_mois;victime_mineure;sexe;age\nA1;J1;2025-03-01;75;23364;POURSUITE;;;;M;40\n");

    private static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
