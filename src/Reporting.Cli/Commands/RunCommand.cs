using System.Globalization;
using Reporting.Run;

namespace Reporting.Cli.Commands;

public static class RunCommand
{
    public static int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        var data = args.Required("data");
        var year = args.Int("year");
        var outRoot = args.Required("out");
        var dateRaw = args.Optional("publication-date");
        DateOnly? date = null;
        if (dateRaw is not null)
        {
            date = DateOnly.TryParseExact(dateRaw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new UsageException($"--publication-date : date AAAA-MM-JJ attendue, reçu « {dateRaw} »");
        }

        var defaults = new RunParameters(year);
        var parameters = new RunParameters(
            year,
            date,
            args.Optional("nomenclature"),
            args.Int("threshold", defaults.Threshold),
            args.Int("protection-range", defaults.ProtectionRange),
            args.Double("max-error-share", defaults.MaxErrorShare));
        args.EnsureAllUsed();
        if (parameters.Threshold < 1 || parameters.ProtectionRange < 1 || parameters.MaxErrorShare is < 0 or > 1)
        {
            throw new UsageException("--threshold et --protection-range doivent valoir au moins 1, --max-error-share être entre 0 et 1");
        }

        if (!Directory.Exists(data))
        {
            stderr.WriteLine($"reporting : dossier de données introuvable : {data}");
            return ExitCodes.Failure;
        }

        var outcome = AnnualRun.Execute(data, parameters, stdout);
        if (!outcome.Succeeded)
        {
            foreach (var failure in outcome.Failures)
            {
                stderr.WriteLine($"ERREUR {failure}");
            }

            stderr.WriteLine("Rien n'a été publié ; la publication précédente est inchangée.");
            return ExitCodes.Failure;
        }

        var folder = RunFolder.Publish(outRoot, year.ToString(CultureInfo.InvariantCulture), outcome.Files);
        stdout.WriteLine($"Publication écrite dans {folder} ({outcome.Files.Count} fichiers).");
        return ExitCodes.Ok;
    }
}
