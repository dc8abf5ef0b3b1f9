using Reporting.Cli.Syntax;
using Reporting.Tests.Support;

namespace Reporting.Tests.Cli;

/// <summary>
/// The command line as a new user meets it (issue #16 item 1): help for every command, suggestions for typos, strict
/// parsing, <c>--opt=value</c>, <c>--version</c>, exit codes.
/// </summary>
public sealed class CommandLineTests
{
    public static readonly TheoryData<string> Commands = new() { "validate", "run", "figures", "diff", "estimate", "samples" };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_a_french_help_with_examples_and_exit_codes(string command)
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var result = CliRunner.Run(command, help);

            Assert.Equal(0, result.ExitCode);
            Assert.Empty(result.Stderr);
            Assert.StartsWith($"reporting {command} — ", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("Options :", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("Exemples :", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("Codes retour :", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("64  ligne de commande incorrecte", result.Stdout, StringComparison.Ordinal);
            Assert.All(result.Stdout.Split('\n'), line => Assert.True(line.Length <= Help.Width, line));
        }

        Assert.Equal(CliRunner.Run(command, "--help").Stdout, CliRunner.Run("help", command).Stdout);
    }

    [Fact]
    public void Help_before_a_missing_required_option_is_still_help()
    {
        var result = CliRunner.Run("run", "-h");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--data DOSSIER", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_general_help_lists_every_command_and_every_exit_code()
    {
        var result = CliRunner.Run("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in Commands)
        {
            Assert.Contains($"\n  {command} ", result.Stdout, StringComparison.Ordinal);
        }

        foreach (var code in new[] { "0", "1", "2", "64", "75" })
        {
            Assert.Matches($"\n  {code} +[a-zé]", result.Stdout);
        }

        Assert.Contains("[suggest]", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(64, CliRunner.Run().ExitCode);
    }

    [Fact]
    public void Version_names_the_engine_and_the_nomenclature()
    {
        var result = CliRunner.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^reporting \d+\.\d+\.\d+\nnomenclature 2026-2 ", result.Stdout);
    }

    [Theory]
    [InlineData(new[] { "runn" }, "commande inconnue : runn — vouliez-vous dire « run » ?")]
    [InlineData(new[] { "figure", "--dep", "13" }, "commande inconnue : figure — vouliez-vous dire « figures » ?")]
    [InlineData(new[] { "figures", "--yeras", "2016-2025", "--dep", "13" }, "option inconnue : --yeras — vouliez-vous dire « --years » ?")]
    [InlineData(new[] { "figures", "--catgory", "ESM", "--dep", "13" }, "option inconnue : --catgory — vouliez-vous dire « --category » ?")]
    [InlineData(new[] { "estimate", "--lists", "t.csv", "--format", "jsn" }, "--format : valeur inconnue « jsn » — vouliez-vous dire « json » ?")]
    [InlineData(new[] { "samples", "--out", "x", "--seed", "douze" }, "--seed : entier attendu, reçu « douze »")]
    [InlineData(new[] { "run", "--data", "d", "--year", "2019", "--year", "2020", "--out", "o" }, "l'option --year est donnée 2 fois : une seule valeur est attendue")]
    [InlineData(new[] { "run", "--data", "d", "--year", "2019", "--out", "o", "encore" }, "mot en trop : « encore »")]
    [InlineData(new[] { "diff", "a", "b", "c" }, "mot en trop : « c »")]
    [InlineData(new[] { "diff", "a" }, "diff attend deux dossiers de publication")]
    [InlineData(new[] { "validate", "--data" }, "l'option --data attend une valeur")]
    [InlineData(new[] { "validate" }, "l'option --data est obligatoire")]
    [InlineData(new[] { "validate", "--data", " " }, "--data : valeur vide")]
    public void A_wrong_command_line_is_exit_64_with_what_is_wrong_and_the_nearest_name(string[] args, string message)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(64, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("reporting : " + message, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--help pour l'aide", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_and_its_value_may_be_joined_by_an_equals_sign()
    {
        using var dir = new TempDirectory();
        var outDir = Path.Combine(dir.Path, "x");

        var result = CliRunner.Run("samples", $"--out={outDir}", "--from=2024", "--to=2025", "--scale=1");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "police_2025.csv")));
        Assert.False(File.Exists(Path.Combine(outDir, "police_2023.csv")));
    }

    [Fact]
    public void The_suggest_directive_of_shell_completion_answers_commands_and_values()
    {
        Assert.Equal("figures", CliRunner.Run("[suggest:3]", "fig").Stdout.Trim());
        Assert.Equal(["csv", "json", "md", "table", "xlsx"], CliRunner.Run("[suggest:17]", "figures --format ").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("yeras", "years", true)]
    [InlineData("catgory", "category", true)]
    [InlineData("yeras", "year", true)]
    [InlineData("bouches du rhone", "Bouches-du-Rhône", true)]
    [InlineData("FIGURE", "figures", true)]
    [InlineData("xlsx", "table", false)]
    public void Nearest_ignores_case_accents_and_dashes_and_allow_a_slip_every_three_letters(string typed, string candidate, bool near)
    {
        Assert.Equal(near, Nearest.Among(typed, [candidate, "zzzzzzzzzzzz"]).Contains(candidate));
    }
}
