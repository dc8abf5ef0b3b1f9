using System.Globalization;
using Reporting.Cli.Syntax;
using Reporting.Harmonisation;
using Reporting.Ingestion;
using Reporting.Publication.Quality;
using Reporting.Quality;
using Reporting.Reference;
using Reporting.Run;

namespace Reporting.Cli.Commands;

public sealed record ValidateRequest(string Data, string Out, double MaxErrorShare);

public static class ValidateCommand
{
    public static CliCommand Create(CliContext context)
    {
        var data = Options.Text("--data", "DOSSIER", "dossier des extraits (<source>_<année>.csv et population.csv)", required: true);
        var outDir = Options.Text("--out", "DOSSIER", "où écrire qualite.md et qualite.json (défaut : out/validation)");
        var share = Options.Number("--max-error-share", "PART", "part de lignes rejetées au-delà de laquelle un fichier est inutilisable", IngestionOptions.Default.MaxErrorShare);
        var command = new CliCommand(
            "validate",
            "contrôle les extraits et écrit le rapport de qualité",
            "Lit et contrôle tous les extraits du dossier comme le fait run (contrat de données), imprime un tableau par fichier "
            + "(lignes lues, gardées, rejetées, avertissements, règles en cause) et écrit qualite.md et qualite.json. Ne publie rien.")
        {
            Synopsis = "--data DOSSIER [--out DOSSIER] [--max-error-share 0.05]",
            Examples =
            [
                ("reporting validate --data data-samples", "contrôle les extraits d'exemple ; rapport dans out/validation/qualite.md"),
                ("reporting validate --data /depot/2025 --out /tmp/controle --max-error-share 0.01", "seuil d'erreurs plus strict, rapport dans /tmp/controle"),
            ],
            ExitCodes =
            [
                (ExitCodes.Ok, "aucune anomalie"),
                (ExitCodes.Findings, "des lignes sont rejetées (le détail est dans le rapport)"),
                (ExitCodes.Failure, "un fichier est inutilisable (une ligne par cause sur la sortie d'erreur)"),
                (ExitCodes.Usage, "ligne de commande incorrecte"),
            ],
        };
        command.Options.Add(data);
        command.Options.Add(outDir);
        command.Options.Add(share);
        command.SetAction(p => Run(new ValidateRequest(p.GetValue(data)!, p.GetValue(outDir) ?? Path.Combine("out", "validation"), p.GetValue(share)), context.Out, context.Error));
        return command;
    }

    public static int Run(ValidateRequest request, TextWriter stdout, TextWriter stderr)
    {
        var (data, outDir) = (request.Data, request.Out);
        var options = new IngestionOptions(request.MaxErrorShare);
        if (!Directory.Exists(data))
        {
            stderr.WriteLine($"reporting : dossier de données introuvable : {data}");
            return ExitCodes.Failure;
        }

        RunFolder.EnsureApart(outDir, (data, "des données"));
        var directory = DataDirectory.Discover(data);
        // The run's parallel reader: every line validated the same way (ScopedReadingTests), nothing kept.
        var report = ExtractLoader.Load(directory, Geography.Default, options, Nomenclature.Shipped().Scope(), _ => { }, out _);
        PrintTable(report, stdout);
        var quality = new QualityReport("Rapport de qualité des extraits", report);
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "qualite.md"), QualityReportWriter.ToMarkdown(quality));
        File.WriteAllText(Path.Combine(outDir, "qualite.json"), QualityReportWriter.ToJson(quality));
        stdout.WriteLine($"Rapport de qualité : {Path.Combine(outDir, "qualite.md")}");

        foreach (var failure in report.Failures)
        {
            stderr.WriteLine($"ERREUR {failure.Message}");
        }

        return report.HasFailures ? ExitCodes.Failure : report.HasRejectedLines ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static void PrintTable(IngestionReport report, TextWriter stdout)
    {
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"fichier",-20} {"encodage",-13} {"lues",9} {"gardées",9} {"rejetées",9} {"avert.",7}"));
        foreach (var f in report.Files)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.File,-20} {f.Encoding,-13} {f.LinesRead,9} {f.LinesKept,9} {f.LinesRejected,9} {f.WarningCount,7}"));
            foreach (var (rule, count) in f.CountByRule(Severity.Error))
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    rejet : {rule.Code} ({rule.Label}) : {count}"));
            }

            foreach (var (rule, count) in f.CountByRule(Severity.Warning))
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    avertissement : {rule.Code} ({rule.Label}) : {count}"));
            }

            foreach (var w in f.FileWarnings)
            {
                stdout.WriteLine($"    avertissement : {w.Rule.Code} ({w.Rule.Label}) : {w.Detail}");
            }
        }

        foreach (var name in report.IgnoredFiles)
        {
            stdout.WriteLine($"{name} : ignoré ({Rule.IgnoredFile.Label})");
        }
    }
}
