using System.Diagnostics;
using System.Text.RegularExpressions;
using Reporting.Run;
using Reporting.Tests.Support;

namespace Reporting.Tests.Cli;

/// <summary>
/// The edges of a run, as a new user meets them (issue #11): a wrong <c>--out</c>, a folder another run holds, a crash
/// left behind, parameters the formats cannot hold, an error nobody foresaw. Each refusal comes before any computation,
/// in one line, and touches nothing.
/// </summary>
[StartsEarly]
public sealed partial class EdgeOfRunTests : IDisposable
{
    private const string PoliceHeader = "id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private string HandMade(string under = "data") => Fixtures.CopyTo("hand-made", Path.Combine(dir.Path, under));

    private static Dictionary<string, byte[]> Snapshot(string folder) => Directory
        .GetFiles(folder, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    private static void AssertRefusedBeforeComputing(CliResult result, int exitCode = 2)
    {
        Assert.Equal(exitCode, result.ExitCode);
        Assert.DoesNotContain("Lecture de", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void An_output_folder_above_the_data_folder_is_refused_and_the_extracts_stay()
    {
        // Given: the tester's layout, X/2025 holding the extracts, and --out X (whose publication folder would be X/2025).
        var data = HandMade("X/2019");
        var before = Snapshot(data);

        var result = CliRunner.Run("run", "--data", data, "--year", "2019", "--out", Path.Combine(dir.Path, "X"));

        AssertRefusedBeforeComputing(result);
        Assert.Contains("le dossier des données", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before.Keys.Order(), Snapshot(data).Keys.Order());
    }

    [Fact]
    public void An_output_folder_beside_the_nomenclature_is_refused()
    {
        var data = HandMade();
        var nomenclature = dir.Write("conf/nomenclature.csv", "x");

        var result = CliRunner.Run("run", "--data", data, "--year", "2019", "--out", Path.Combine(dir.Path, "conf"), "--nomenclature", nomenclature);

        AssertRefusedBeforeComputing(result);
        Assert.Contains("de la nomenclature", result.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(nomenclature));
    }

    [Fact]
    public void Validate_never_writes_its_report_into_the_data_folder()
    {
        var data = HandMade();

        var result = CliRunner.Run("validate", "--data", data, "--out", data);

        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(data, "qualite.md")));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_written_fails_before_the_computation()
    {
        var data = HandMade();
        var file = dir.Write("un-fichier", "x");

        var result = CliRunner.Run("run", "--data", data, "--year", "2019", "--out", Path.Combine(file, "out"));

        AssertRefusedBeforeComputing(result);
        Assert.Contains("impossible de créer le dossier de sortie", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_held_by_another_run_is_refused_with_exit_75()
    {
        var data = HandMade();
        var outRoot = Path.Combine(dir.Path, "out");
        using var other = RunFolder.Open(outRoot, "2019", []);

        var result = CliRunner.Run("run", "--data", data, "--year", "2019", "--out", outRoot);

        AssertRefusedBeforeComputing(result, exitCode: 75);
        Assert.Contains("une autre exécution publie déjà", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--publication-date", "1979-12-31")]
    [InlineData("--publication-date", "2108-01-01")]
    [InlineData("--max-error-share", "NaN")]
    [InlineData("--max-error-share", "Infinity")]
    [InlineData("--max-error-share", "1.5")]
    [InlineData("--threshold", "2147483647")]
    [InlineData("--threshold", "99999999999")]
    [InlineData("--year", "-5")]
    public void Parameters_the_run_cannot_honour_are_usage_errors(string option, string value)
    {
        var data = HandMade();
        var args = new List<string> { "run", "--data", data, "--year", "2019", "--out", Path.Combine(dir.Path, "out") };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var result = CliRunner.Run([.. args]);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains(option, result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }

    [Theory]
    [InlineData("run", "--nomenclature")]
    [InlineData("estimate", "--lists")]
    public void A_file_option_naming_a_device_a_directory_or_nothing_is_refused_before_reading(string command, string option)
    {
        var data = HandMade();
        string[] Args(string file) => command == "run"
            ? ["run", "--data", data, "--year", "2019", "--out", Path.Combine(dir.Path, "out"), option, file]
            : ["estimate", option, file];

        // /dev/zero would be read until memory runs out; a directory or a missing file are named as such.
        foreach (var (file, words) in new[] { ("/dev/zero", "n'est pas un fichier ordinaire"), (dir.Path, "n'est pas un fichier ordinaire"), (Path.Combine(dir.Path, "absent.csv"), "fichier introuvable") })
        {
            var result = CliRunner.Run(Args(file));

            AssertRefusedBeforeComputing(result);
            Assert.Contains($"{option} {file} : {words}", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_year_whose_only_extract_is_a_directory_says_so_rather_than_no_extract()
    {
        var data = Directory.CreateDirectory(Path.Combine(dir.Path, "data")).FullName;
        Directory.CreateDirectory(Path.Combine(data, "police_2025.csv"));

        var result = CliRunner.Run("run", "--data", data, "--year", "2025", "--out", Path.Combine(dir.Path, "out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("police_2025.csv : n'est pas un fichier ordinaire", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("aucun extrait lisible de l'année 2025", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out", "2025")));
    }

    [Fact]
    public void A_utf16_extract_is_refused_with_how_to_fix_it()
    {
        var data = HandMade();
        var police = Path.Combine(data, "police_2019.csv");
        File.WriteAllText(police, File.ReadAllText(police), new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        var result = CliRunner.Run("validate", "--data", data, "--out", Path.Combine(dir.Path, "out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("police_2019.csv : fichier illisible — fichier en UTF-16 : enregistrer l'extrait en UTF-8", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unforeseen_error_is_one_line_and_exit_2_and_the_detail_only_with_verbose()
    {
        var file = dir.Write("un-fichier", "x");

        var plain = CliRunner.Run("samples", "--out", Path.Combine(file, "sous-dossier"));
        var verbose = CliRunner.Run("samples", "--out", Path.Combine(file, "sous-dossier"), "--verbose");

        Assert.Equal(2, plain.ExitCode);
        Assert.StartsWith("reporting : échec de « samples » : erreur d'entrée-sortie", plain.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", plain.All, StringComparison.Ordinal);
        Assert.Equal(2, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_diff_report_that_cannot_be_written_is_a_message_not_a_crash()
    {
        var publication = TestPublications.WriteHandMade(Path.Combine(dir.Path, "out"));
        var file = dir.Write("un-fichier", "x");

        var result = CliRunner.Run("diff", publication, publication, "--report", Path.Combine(file, "diff.md"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("impossible d'écrire le rapport de comparaison", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_shaped_values_in_any_column_or_file_name_never_reach_a_report_or_the_terminal()
    {
        // Given: keys shifted into columns whose bad values are quoted (age, natinf, sexe), and a file named by a key.
        dir.Write("data/police_2024.csv", PoliceHeader + "\n"
            + string.Join('\n', Enumerable.Range(1, 100).Select(i => $"P{i};V{i};PN;;2024-01-05;23364;75;F;15;{Keys.A}")) + "\n"
            + $"P101;V101;PN;;2024-01-05;23364;75;F;{Keys.B};\n"
            + $"P102;V102;PN;;2024-01-05;{Keys.C};75;F;15;\n"
            + $"P103;V103;PN;;2024-01-05;23364;75;{Keys.D.ToUpperInvariant()};15;\n");
        dir.Write($"data/{Keys.E}.csv", "x");
        var outDir = Path.Combine(dir.Path, "out");

        var result = CliRunner.Run("validate", "--data", Path.Combine(dir.Path, "data"), "--out", outDir);

        Assert.Equal(1, result.ExitCode);
        var everything = result.All + File.ReadAllText(Path.Combine(outDir, "qualite.md")) + File.ReadAllText(Path.Combine(outDir, "qualite.json"));
        Assert.DoesNotMatch(KeyShaped(), everything);
        Assert.Contains("age_invalide", everything, StringComparison.Ordinal);
        Assert.Contains("[clé masquée]", everything, StringComparison.Ordinal);
    }

    [GeneratedRegex("[0-9a-fA-F]{32}")]
    private static partial Regex KeyShaped();

    /// <summary>
    /// After a crash between the two renames, two colleagues start the job together into one folder: the first puts the
    /// previous publication back (and says so), holds the folder while the second is refused with exit 75 and changes
    /// nothing, then publishes a complete folder (every file its manifest lists, with its digest) and leaves nothing else.
    /// </summary>
    [ProcessFact]
    [Trait("Category", "Process")]
    public void After_a_crash_two_runs_started_together_one_recovers_and_publishes_the_other_is_refused()
    {
        // Given: what a run killed between its renames leaves — the previous publication set aside, none in place.
        var data = HandMade();
        var outRoot = Path.Combine(dir.Path, "out");
        TestPublications.Write(data, 2019, outRoot);
        Directory.Move(Path.Combine(outRoot, "2019"), Path.Combine(outRoot, ".2019.precedente"));
        Directory.CreateDirectory(Path.Combine(outRoot, ".2019.en-cours.12345", "fiches"));
        string[] args = ["run", "--data", data, "--year", "2019", "--out", outRoot, "--threshold", "1"];

        using var first = EngineProcess.Start(args);
        first.WaitForOutput("Lecture de");
        using var second = EngineProcess.Start(args);
        var (secondCode, _, secondErr) = second.Finish();
        var (firstCode, firstOut, _) = first.Finish();

        Assert.Equal(75, secondCode);
        Assert.Contains("une autre exécution publie déjà", secondErr, StringComparison.Ordinal);
        Assert.Equal(0, firstCode);
        Assert.Contains("Reprise : ", firstOut, StringComparison.Ordinal);
        Assert.Contains("publication précédente remise en place", firstOut, StringComparison.Ordinal);
        Assert.Contains("Publication écrite", firstOut, StringComparison.Ordinal);
        ManifestAssert.Complete(Path.Combine(outRoot, "2019"));
        Assert.Equal([RunFolder.LockFileName, "2019"], Directory.GetFileSystemEntries(outRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}

/// <summary>The engine's own executable (copied beside the tests) in a process of its own, for what one process cannot show.</summary>
internal sealed class EngineProcess : IDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder stdout = new();
    private readonly System.Text.StringBuilder stderr = new();

    private EngineProcess(Process process) => this.process = process;

    public static EngineProcess Start(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "reporting"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var engine = new EngineProcess(new Process { StartInfo = info });
        engine.process.OutputDataReceived += (_, e) => { lock (engine.stdout) { engine.stdout.AppendLine(e.Data); } };
        engine.process.ErrorDataReceived += (_, e) => { lock (engine.stderr) { engine.stderr.AppendLine(e.Data); } };
        engine.process.Start();
        engine.process.BeginOutputReadLine();
        engine.process.BeginErrorReadLine();
        return engine;
    }

    public void WaitForOutput(string text)
    {
        var deadline = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(process.HasExited && !Output.Contains(text, StringComparison.Ordinal), "the engine stopped before printing " + text);
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the engine did not print " + text);
            Thread.Sleep(20);
        }
    }

    public (int Code, string Stdout, string Stderr) Finish()
    {
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(120)), "the engine did not finish");
        process.WaitForExit();
        lock (stderr)
        {
            return (process.ExitCode, Output, stderr.ToString());
        }
    }

    private string Output
    {
        get
        {
            lock (stdout)
            {
                return stdout.ToString();
            }
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}

/// <summary>A publication folder is complete when it holds exactly the outputs its manifest lists, each with its digest.</summary>
internal static class ManifestAssert
{
    public static void Complete(string folder)
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
        var listed = manifest.RootElement.GetProperty("sorties").EnumerateArray()
            .ToDictionary(o => o.GetProperty("fichier").GetString()!, o => o.GetProperty("sha256").GetString()!);
        var present = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Where(f => f != "manifest.json");
        Assert.Equal(listed.Keys.Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));
        foreach (var (name, digest) in listed)
        {
            Assert.Equal(digest, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, name)))));
        }
    }
}
