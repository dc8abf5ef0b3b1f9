using System.Globalization;
using Reporting.Harmonisation;
using Reporting.Ingestion;
using Reporting.Publication.Quality;
using Reporting.Quality;
using Reporting.Reference;
using Reporting.Run;

namespace Reporting.Cli.Commands;

public static class ValidateCommand
{
    public static int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        var data = args.Required("data");
        var outDir = args.Optional("out") ?? Path.Combine("out", "validation");
        var options = new IngestionOptions(args.Double("max-error-share", IngestionOptions.Default.MaxErrorShare));
        args.EnsureAllUsed();
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
