using System.Globalization;
using Reporting.Compute;
using Reporting.Run;

namespace Reporting.Cli.Commands;

public static class RunCommand
{
    /// <summary>
    /// Publication dates the outputs can hold: the workbook is a ZIP package, whose entry times are DOS dates
    /// (1980–2107); the PDF's date would hold more, but one edition has one date everywhere.
    /// </summary>
    public static readonly DateOnly FirstPublicationDate = new(1980, 1, 1);

    public static readonly DateOnly LastPublicationDate = new(2107, 12, 31);

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
            if (d < FirstPublicationDate || d > LastPublicationDate)
            {
                throw new UsageException($"--publication-date : {dateRaw} hors de la période que les formats publiés peuvent dater (1980-01-01 à 2107-12-31)");
            }
        }

        var defaults = new RunParameters(year);
        var parameters = new RunParameters(
            year,
            date,
            args.OptionalInputFile("nomenclature"),
            args.Int("threshold", defaults.Threshold),
            args.Int("protection-range", defaults.ProtectionRange),
            args.Double("max-error-share", defaults.MaxErrorShare));
        args.EnsureAllUsed();
        if (year is < 1000 or > 9999)
        {
            throw new UsageException($"--year : année à quatre chiffres attendue, reçu {year}");
        }

        if (parameters.Threshold is < 1 or > RunParameters.MaxThreshold || parameters.ProtectionRange is < 1 or > RunParameters.MaxThreshold)
        {
            throw new UsageException($"--threshold et --protection-range : entiers de 1 à {RunParameters.MaxThreshold} attendus");
        }

        if (!(parameters.MaxErrorShare is >= 0 and <= 1))
        {
            throw new UsageException("--max-error-share : part entre 0 et 1 attendue (0.05 pour 5 %)");
        }

        if (!Directory.Exists(data))
        {
            stderr.WriteLine($"reporting : dossier de données introuvable : {data}");
            return ExitCodes.Failure;
        }

        var readOnly = new List<(string, string)> { (data, "des données") };
        if (parameters.NomenclatureFile is { } nomenclature)
        {
            readOnly.Add((Path.GetDirectoryName(Path.GetFullPath(nomenclature))!, "de la nomenclature"));
        }

        // Opened before computing: a folder that cannot be written, or that another run holds, fails at once.
        using var folder = RunFolder.Open(outRoot, year.ToString(CultureInfo.InvariantCulture), readOnly);
        foreach (var line in folder.Recovered)
        {
            stdout.WriteLine($"Reprise : {line}");
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

        foreach (var warning in outcome.Warnings)
        {
            stderr.WriteLine($"AVERTISSEMENT {warning}");
        }

        var published = folder.Publish(outcome.Files);
        stdout.WriteLine($"Publication écrite dans {published} ({outcome.Files.Count} fichiers).");
        return ExitCodes.Ok;
    }
}
