using System.CommandLine;
using System.Globalization;
using Reporting.Cli.Syntax;
using Reporting.Compute;
using Reporting.Run;

namespace Reporting.Cli.Commands;

public sealed record RunRequest(string Data, int Year, string Out, string? PublicationDate, string? Nomenclature, int Threshold, int ProtectionRange, double MaxErrorShare);

public static class RunCommand
{
    /// <summary>
    /// Publication dates the outputs can hold: the workbook is a ZIP package, whose entry times are DOS dates
    /// (1980–2107); the PDF's date would hold more, but one edition has one date everywhere.
    /// </summary>
    public static readonly DateOnly FirstPublicationDate = new(1980, 1, 1);

    public static readonly DateOnly LastPublicationDate = new(2107, 12, 31);

    public static CliCommand Create(CliContext context)
    {
        var defaults = new RunParameters(0);
        var data = Options.Text("--data", "DOSSIER", "dossier des extraits (années N-9 à N)", required: true);
        var year = Options.Int("--year", "N", "l'année publiée");
        var outRoot = Options.Text("--out", "DOSSIER", "racine des publications : la publication est écrite dans DOSSIER/N", required: true);
        var date = Options.Text("--publication-date", "AAAA-MM-JJ", "date de l'édition (sans elle : édition de travail non datée, au 1er janvier 1980)");
        var nomenclature = Options.Text("--nomenclature", "FICHIER", "nomenclature des codes (défaut : celle livrée avec le moteur)");
        var threshold = Options.Int("--threshold", "N", "secret statistique : effectif en dessous duquel une case est masquée", defaults.Threshold);
        var range = Options.Int("--protection-range", "N", "secret statistique : intervalle minimal qu'un intrus ne peut réduire", defaults.ProtectionRange);
        var share = Options.Number("--max-error-share", "PART", "part de lignes rejetées au-delà de laquelle un fichier arrête l'exécution", defaults.MaxErrorShare);
        var command = new CliCommand(
            "run",
            "publie l'année N : indicateurs, rapport, fiches, classeur, édition web, manifeste",
            "L'exécution annuelle : lit les extraits des années N-9 à N, calcule, applique le secret statistique et écrit "
            + "DOSSIER/N. La publication est construite à part et mise en place seulement si tout a réussi : un échec ne publie "
            + "rien et laisse la publication précédente telle quelle. DOSSIER ne peut être ni contenir le dossier des données ou "
            + "de la nomenclature. Dans un terminal, l'avancement s'affiche étape par étape ; les dernières lignes résument le "
            + "rapport de qualité.")
        {
            Synopsis = "--data DOSSIER --year N --out DOSSIER [options]",
            Examples =
            [
                ("reporting run --data data-samples --year 2025 --out out", "publie 2025 dans out/2025 (édition de travail non datée)"),
                ("reporting run --data /depot --year 2025 --out /publications --publication-date=2026-04-15", "l'édition datée du 15 avril 2026"),
            ],
            ExitCodes =
            [
                (ExitCodes.Ok, "publication écrite"),
                (ExitCodes.Failure, "rien n'est publié (une ligne par cause sur la sortie d'erreur)"),
                (ExitCodes.Usage, "ligne de commande incorrecte"),
                (ExitCodes.Busy, "une autre exécution publie déjà dans DOSSIER ; relancer plus tard"),
            ],
        };
        foreach (var option in new Option[] { data, year, outRoot, date, nomenclature, threshold, range, share })
        {
            command.Options.Add(option);
        }

        command.SetAction(p => Run(
            new RunRequest(p.GetValue(data)!, p.GetValue(year), p.GetValue(outRoot)!, p.GetValue(date), p.GetValue(nomenclature), p.GetValue(threshold), p.GetValue(range), p.GetValue(share)),
            context));
        return command;
    }

    public static int Run(RunRequest request, CliContext context)
    {
        var (stdout, stderr) = (context.Out, context.Error);
        var (data, year, outRoot, dateRaw) = (request.Data, request.Year, request.Out, request.PublicationDate);
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

        var parameters = new RunParameters(
            year,
            date,
            request.Nomenclature is { } file ? InputFile.Require(file, "--nomenclature") : null,
            request.Threshold,
            request.ProtectionRange,
            request.MaxErrorShare);
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
