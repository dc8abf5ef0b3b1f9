using System.Globalization;
using Reporting.Cli.Syntax;
using Reporting.Reference;
using Reporting.Review;

namespace Reporting.Cli.Commands;

/// <summary>One territory's published figures, now, from a publication folder (never recomputed, so never less protected).</summary>
public static class FiguresCommand
{
    public static CliCommand Create(CliContext context)
    {
        var depOption = Options.Text("--dep", "CODE", "un département");
        var regionOption = Options.Text("--region", "CODE", "une région");
        var yearsOption = Options.Text("--years", "AAAA-AAAA", "les années");
        var categoryOption = Options.Text("--category", "CATÉGORIE", "une catégorie");
        var publicationOption = Options.Text("--publication", "DOSSIER", "le dossier de publication (défaut : le plus récent sous out/)");
        var command = new CliCommand("figures", "les chiffres publiés d'un territoire", "Les chiffres publiés d'un territoire, par année, avec les mêmes cases masquées.")
        {
            Synopsis = "(--dep CODE | --region CODE) [--years 2016-2025] [--category ESM] [--publication out/2025]",
            Examples = [("reporting figures --dep 93 --years 2016-2025", "la Seine-Saint-Denis, de 2016 à 2025")],
            ExitCodes = [(ExitCodes.Ok, "chiffres imprimés"), (ExitCodes.Failure, "aucune donnée publiée ou publication illisible"), (ExitCodes.Usage, "ligne de commande incorrecte")],
        };
        foreach (var option in new System.CommandLine.Option[] { depOption, regionOption, yearsOption, categoryOption, publicationOption })
        {
            command.Options.Add(option);
        }

        command.SetAction(p => Run(p.GetValue(depOption), p.GetValue(regionOption), p.GetValue(yearsOption), p.GetValue(categoryOption), p.GetValue(publicationOption), context.Out, context.Error));
        return command;
    }

    public static int Run(string? dep, string? region, string? years, string? category, string? publication, TextWriter stdout, TextWriter stderr)
    {
        if ((dep is null) == (region is null))
        {
            throw new UsageException("indiquer --dep CODE ou --region CODE");
        }

        var geography = Geography.Default;
        string level, territory, name;
        if (dep is not null)
        {
            var parsed = geography.ParseDepartement(dep);
            territory = parsed.Code ?? throw new UsageException($"--dep : département inconnu « {dep} »");
            (level, name) = ("DEP", geography[territory].Name);
        }
        else
        {
            var r = geography.Regions.FirstOrDefault(x => x.Code == region) ?? throw new UsageException($"--region : région inconnue « {region} »");
            (level, territory, name) = ("REG", r.Code, r.Name);
        }

        var (from, to) = ParseYears(years);
        publication ??= LatestPublication("out") ?? throw new UsageException("aucune publication trouvée dans out/ : indiquer --publication DOSSIER");
        try
        {
            var frame = TerritoryFigures.Load(publication, level, territory, from, to, category);
            if (frame.Rows.Count == 0)
            {
                stderr.WriteLine($"reporting : aucune donnée publiée pour {territory} sur ces années dans {publication}");
                return ExitCodes.Failure;
            }

            stdout.Write(TerritoryFigures.Render(frame, $"{name} ({territory}) — publication {Path.GetFileName(Path.TrimEndingDirectorySeparator(publication))}"));
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            stderr.WriteLine($"reporting : {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static (int From, int To) ParseYears(string? raw)
    {
        if (raw is null)
        {
            return (int.MinValue, int.MaxValue);
        }

        var parts = raw.Split('-');
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var b)
            && a <= b)
        {
            return (a, b);
        }

        throw new UsageException($"--years : AAAA ou AAAA-AAAA attendu, reçu « {raw} »");
    }

    /// <summary>The most recent year folder of a publication root (<c>out/2025</c>).</summary>
    private static string? LatestPublication(string root) => Directory.Exists(root)
        ? Directory.GetDirectories(root).Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
        : null;
}
