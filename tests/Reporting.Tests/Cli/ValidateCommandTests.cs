using System.Text.RegularExpressions;
using Reporting.Tests.Support;

namespace Reporting.Tests.Cli;

public sealed partial class ValidateCommandTests : IDisposable
{
    private const string PoliceHeader = "id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Clean_data_exits_0_and_writes_the_quality_report()
    {
        dir.Write("data/police_2024.csv", PoliceHeader + $"\nP1;V1;PN;;2024-01-05;23364;75;F;15;{Keys.A}\n");
        var outDir = Path.Combine(dir.Path, "out");

        var result = CliRunner.Run("validate", "--data", Path.Combine(dir.Path, "data"), "--out", outDir);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("police_2024.csv", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "qualite.md")));
        Assert.True(File.Exists(Path.Combine(outDir, "qualite.json")));
    }

    [Fact]
    public void Rejected_lines_exit_1()
    {
        dir.Write("data/police_2024.csv", PoliceHeader + "\n" + string.Join('\n', Enumerable.Range(1, 30).Select(i => $"P{i};V{i};PN;;2024-01-05;23364;75;F;15;")) + "\nPX;VX;PN;;2024-01-05;23364;75;F;200;\n");

        var result = CliRunner.Run("validate", "--data", Path.Combine(dir.Path, "data"), "--out", Path.Combine(dir.Path, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("age_invalide", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_exits_2_with_one_line_naming_the_file_and_the_column()
    {
        dir.Write("data/police_2024.csv", PoliceHeader.Replace(";service", string.Empty, StringComparison.Ordinal) + "\nP1;V1;;2024-01-05;23364;75;F;15;\n");
        dir.Write("data/ase_2024.csv", "id_enfant;cle_chainage;departement;date_information;motif;decision;sexe;age\nE1;;75;2024-01-01;PROST;SANS_SUITE;F;15\n");

        var result = CliRunner.Run("validate", "--data", Path.Combine(dir.Path, "data"), "--out", Path.Combine(dir.Path, "out"));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("police_2024.csv", line, StringComparison.Ordinal);
        Assert.Contains("« service »", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_directory_exits_2_with_a_message()
    {
        var result = CliRunner.Run("validate", "--data", Path.Combine(dir.Path, "nowhere"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("introuvable", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        var result = CliRunner.Run("validate", "--data", dir.Path, "--frobnicate", "1");

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("--frobnicate", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void No_linkage_key_appears_in_any_output_or_message()
    {
        // Given: data full of keys, valid and malformed, on good and bad lines of every victim source.
        var keys = Enumerable.Range(1, 12).Select(Keys.Of).ToArray();
        dir.Write("data/police_2024.csv", PoliceHeader + "\n" + string.Join('\n', keys.Select((k, i) => $"P{i};V{i};PN;;2024-01-05;23364;75;{(i == 3 ? "X" : "F")};15;{(i == 5 ? k.ToUpperInvariant() : k)}")) + "\n");
        dir.Write("data/ase_2024.csv", "id_enfant;cle_chainage;departement;date_information;motif;decision;sexe;age\n" + string.Join('\n', keys.Select((k, i) => $"E{i};{k};99;2024-01-01;PROST;SANS_SUITE;F;15")) + "\n");
        var outDir = Path.Combine(dir.Path, "out");

        var result = CliRunner.Run("validate", "--data", Path.Combine(dir.Path, "data"), "--out", outDir);

        var texts = Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories).Select(File.ReadAllText).Append(result.All).ToArray();
        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            Assert.DoesNotMatch(HexKey(), text);
            foreach (var key in keys)
            {
                Assert.DoesNotContain(key, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{64}")]
    private static partial Regex HexKey();
}
