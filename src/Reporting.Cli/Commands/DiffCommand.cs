using Reporting.Cli.Syntax;
using Reporting.Review;

namespace Reporting.Cli.Commands;

/// <summary>What <c>reporting diff</c> was asked: the output goes to stdout, or only to <c>Report</c> when it is given.</summary>
public sealed record DiffRequest(string OldFolder, string NewFolder, decimal MinChange, string Format, bool Stat, string? Report);

public static class DiffCommand
{
    public static readonly IReadOnlyList<string> Formats = ["md", "json", "text"];

    public static CliCommand Create(CliContext context)
    {
        var oldFolder = new System.CommandLine.Argument<string>("ANCIEN") { Description = "dossier de la publication de référence (out/2025)" };
        var newFolder = new System.CommandLine.Argument<string>("NOUVEAU") { Description = "dossier de la publication à comparer" };
        var minChange = Options.Number("--min-change", "SEUIL", "écart en dessous duquel un changement n'est pas listé : en points pour les taux et les pourcentages, en % pour les effectifs", 0);
        var format = Options.Choice("--format", "présentation de la comparaison : text (terminal), md (revue), json (machines)", Formats, "text");
        var stat = Options.Flag("--stat", "les entrées modifiées et le nombre de changements par partie seulement");
        var report = Options.Text("--report", "FICHIER", "écrit la comparaison dans FICHIER au lieu de l'afficher");
        var command = new CliCommand(
            "diff",
            "compare deux publications",
            "Compare deux dossiers publiés : d'abord les fichiers d'entrée modifiés (manifestes), puis les chiffres clés et les "
            + "tableaux du rapport, puis chaque élément publié (section du rapport, tableau du classeur, fiche) avec la phrase ou "
            + "la ligne avant et après côte à côte, enfin les cases du fichier open data, dans l'ordre de la publication.")
        {
            Synopsis = "ANCIEN NOUVEAU [--min-change SEUIL] [--format md|json|text] [--stat] [--report FICHIER]",
            MissingArguments = "diff attend deux dossiers de publication : reporting diff ANCIEN NOUVEAU",
            Examples =
            [
                ("reporting diff out-avant/2025 out/2025", "ce qu'une correction des extraits a changé dans les publications"),
                ("reporting diff out-avant/2025 out/2025 --min-change 1", "les écarts d'au moins 1 point (taux, parts) ou 1 % (effectifs)"),
                ("reporting diff out-avant/2025 out/2025 --format md --report diff.md", "le rapport complet en Markdown, écrit dans diff.md"),
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
        PublicationComparison comparison;
        try
        {
            comparison = PublicationDiff.Compare(request.OldFolder, request.NewFolder, new ChangeThreshold(request.MinChange));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"reporting : {e.Message}");
            return ExitCodes.Failure;
        }

        var format = request.Format switch
        {
            "md" => DiffFormat.Markdown,
            "json" => DiffFormat.Json,
            _ => DiffFormat.Text,
        };
        var text = DiffReport.Write(comparison, format, request.Stat);
        if (request.Report is { } report)
        {
            try
            {
                File.WriteAllText(report, text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"reporting : --report {report} : impossible d'écrire le rapport de comparaison ({e.Message})");
                return ExitCodes.Failure;
            }
        }
        else
        {
            stdout.Write(text);
        }

        return comparison.AnythingChanged ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
