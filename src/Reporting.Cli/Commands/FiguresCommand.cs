using System.Globalization;
using Reporting.Reference;
using Reporting.Review;

namespace Reporting.Cli.Commands;

/// <summary>One territory's published figures, now, from a publication folder (never recomputed, so never less protected).</summary>
public static class FiguresCommand
{
    public static int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        var dep = args.Optional("dep");
        var region = args.Optional("region");
        var years = args.Optional("years");
        var category = args.Optional("category");
        var publication = args.Optional("publication");
        args.EnsureAllUsed();
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
