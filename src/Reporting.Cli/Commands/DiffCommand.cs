using System.Globalization;
using Reporting.Cli.Syntax;
using Reporting.Review;

namespace Reporting.Cli.Commands;

/// <summary>
/// What <c>reporting diff</c> was asked. Issue #16 item 3 declares <c>Format</c>, <c>Stat</c> and a <c>Report</c> written
/// only when asked; until it is built, the Markdown is printed and written to <c>diff.md</c> by default, as before.
/// </summary>
public sealed record DiffRequest(string OldFolder, string NewFolder, decimal MinChange, string Format, bool Stat, string? Report);

public static class DiffCommand
{
    public static readonly IReadOnlyList<string> Formats = ["md", "json", "text"];

    public static CliCommand Create(CliContext context)
    {
        var oldFolder = new System.CommandLine.Argument<string>("ANCIEN") { Description = "dossier de la publication de référence (out/2025)" };
        var newFolder = new System.CommandLine.Argument<string>("NOUVEAU") { Description = "dossier de la publication à comparer" };
        var minChange = Options.Number("--min-change", "SEUIL", "écart en dessous duquel une valeur modifiée n'est pas listée", 0);
        var format = Options.Choice("--format", "présentation de la comparaison", Formats, "md");
        var stat = Options.Flag("--stat", "le résumé seulement");
        var report = Options.Text("--report", "FICHIER", "écrit aussi la comparaison dans FICHIER");
        var command = new CliCommand(
            "diff",
            "compare deux publications",
            "Compare deux dossiers publiés : valeurs modifiées (ancienne → nouvelle, écart absolu et relatif), cases masquées ou "
            + "publiées, lignes apparues ou disparues, phrases et lignes de tableau modifiées ; un résumé d'abord, puis le détail.")
        {
            Synopsis = "ANCIEN NOUVEAU [--min-change SEUIL] [--format md|json|text] [--stat] [--report FICHIER]",
            MissingArguments = "diff attend deux dossiers de publication : reporting diff ANCIEN NOUVEAU",
            Examples =
            [
                ("reporting diff out-avant/2025 out/2025", "ce qu'une correction des extraits a changé dans les publications"),
                ("reporting diff out-avant/2025 out/2025 --min-change 5 --report diff.md", "les écarts d'au moins 5, écrits aussi dans diff.md"),
            ],
            ExitCodes =
            [
                (ExitCodes.Ok, "rien n'a changé"),
                (ExitCodes.Findings, "quelque chose a changé"),
                (ExitCodes.Failure, "un dossier est illisible ou le rapport ne peut être écrit"),
                (ExitCodes.Usage, "ligne de commande incorrecte"),
            ],
        };
        command.Arguments.Add(oldFolder);
        command.Arguments.Add(newFolder);
        command.Options.Add(minChange);
        command.Options.Add(format);
        command.Options.Add(stat);
        command.Options.Add(report);
        command.SetAction(p => Run(
            new DiffRequest(p.GetValue(oldFolder)!, p.GetValue(newFolder)!, (decimal)p.GetValue(minChange), p.GetValue(format)!, p.GetValue(stat), p.GetValue(report)),
            context.Out,
            context.Error));
        return command;
    }

    public static int Run(DiffRequest request, TextWriter stdout, TextWriter stderr)
    {
        var (oldDir, newDir, minChange) = (request.OldFolder, request.NewFolder, request.MinChange);
        var report = request.Report ?? "diff.md";
        DiffResult result;
        try
        {
            result = PublicationDiff.Compare(oldDir, newDir, minChange);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            stderr.WriteLine($"reporting : {e.Message}");
            return ExitCodes.Failure;
        }

        var markdown = PublicationDiff.ToMarkdown(result, oldDir, newDir, minChange);
        try
        {
            File.WriteAllText(report, markdown);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"reporting : --report {report} : impossible d'écrire le rapport de comparaison ({e.Message})");
            return ExitCodes.Failure;
        }

        stdout.Write(markdown);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nRapport de comparaison : {report}"));
        return result.AnythingChanged ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
