using System.CommandLine;
using System.Globalization;
using Reporting.Cli.Syntax;
using Reporting.Indicators;
using Reporting.Reference;
using Reporting.Review;

namespace Reporting.Cli.Commands;

/// <summary>What <c>reporting figures</c> was asked, as typed (names are resolved against the publication).</summary>
public sealed record FiguresRequest(
    IReadOnlyList<string> Departements,
    IReadOnlyList<string> Regions,
    bool France,
    IReadOnlyList<string> Indicators,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Sources,
    string? Years,
    string Format,
    string? Out,
    string? Publication);

/// <summary>
/// Published figures for ministry staff, from a publication folder (never recomputed, so never less protected): several
/// territories by code or name, filtered by indicator, category, source and years, as a table, CSV, JSON, xlsx or Markdown.
/// </summary>
public static class FiguresCommand
{
    public static readonly IReadOnlyList<string> Formats = ["table", "csv", "json", "xlsx", "md"];

    public static CliCommand Create(CliContext context)
    {
        var dep = Options.Many("--dep", "CODE|NOM", "départements, par code (13, 2A, 971) ou par nom (« Bouches-du-Rhône », nord) ; plusieurs : --dep 13 --dep 93, --dep 13 93 ou --dep 13,93");
        var region = Options.Many("--region", "CODE|NOM", "régions, par code INSEE (93), par nom (Occitanie) ou par sigle (PACA, IDF, AURA, BFC, HDF, CVL, NAQ, PDL)");
        var france = Options.Flag("--france", "la France entière");
        var indicator = Options.Many("--indicator", "CODE", "indicateurs (victimes_mineurs, taux_100k, part_filles_pct…) ; défaut : tous");
        var category = Options.Many("--category", "CODE", "catégories (ESM, ESM-PROST, ESM-PROX, ESM-TEH, ESM-AUTRE, ESM-RISQUE ; PROST suffit) ; défaut : toutes");
        var source = Options.Many("--source", "CODE", "sources (police, ase, sante, justice, toutes) ; défaut : toutes");
        var years = Options.Text("--years", "AAAA-AAAA", "les années, une (2019) ou une période (2016-2025) ; défaut : toute la série");
        var format = Options.Choice("--format", "présentation : tableau pour le terminal, csv, json, xlsx (avec --out) ou md", Formats, "table");
        var outFile = Options.Text("--out", "FICHIER", "écrit dans FICHIER au lieu de la sortie standard");
        var publication = Options.Text("--publication", "DOSSIER", "le dossier de publication lu (défaut : le plus récent sous out/)");
        var command = new CliCommand(
            "figures",
            "les chiffres publiés de territoires, en tableau, CSV, JSON, xlsx ou Markdown",
            "Les chiffres publiés d'un ou plusieurs territoires, lus dans un dossier de publication : les mêmes cases masquées "
            + "que les publications, rien n'est recalculé. Les lignes sont nommées en français, les victimes d'abord, puis les "
            + "taux, les évolutions, les parts et la réponse pénale ; sous le tableau, les symboles (c, x, z) et les ruptures de "
            + "série, marquées sur les années qu'elles touchent (¹, ²…). Noms sans égard aux majuscules ni aux accents.")
        {
            Synopsis = "(--dep CODE|NOM… | --region CODE|NOM… | --france) [--indicator CODE…] [--category CODE…] [--source CODE…] "
                + "[--years 2016-2025] [--format table|csv|json|xlsx|md] [--out FICHIER] [--publication DOSSIER]",
            Examples =
            [
                ("reporting figures --dep \"Bouches-du-Rhône\" --dep 93 --category ESM-PROST --indicator victimes_mineurs,taux_100k --years 2016-2025 --format csv",
                    "la prostitution de mineurs dans les Bouches-du-Rhône et en Seine-Saint-Denis : victimes et taux pour 100 000 mineurs, en CSV"),
                ("reporting figures --region PACA --france --category ESM --source toutes", "la région et la France, toutes sources confondues"),
                ("reporting figures --dep 2a --format xlsx --out corse-du-sud.xlsx", "tout ce qui est publié pour la Corse-du-Sud, dans un classeur"),
            ],
            ExitCodes =
            [
                (ExitCodes.Ok, "chiffres imprimés ou écrits"),
                (ExitCodes.Failure, "rien de publié pour cette sélection, publication illisible ou fichier impossible à écrire"),
                (ExitCodes.Usage, "ligne de commande incorrecte (territoire, indicateur, catégorie, source ou années inconnus : les valeurs possibles sont données)"),
            ],
        };
        foreach (var option in new Option[] { dep, region, france, indicator, category, source, years, format, outFile, publication })
        {
            command.Options.Add(option);
        }

        command.SetAction(p => Run(
            new FiguresRequest(
                p.GetValue(dep) ?? [],
                p.GetValue(region) ?? [],
                p.GetValue(france),
                p.GetValue(indicator) ?? [],
                p.GetValue(category) ?? [],
                p.GetValue(source) ?? [],
                p.GetValue(years),
                p.GetValue(format)!,
                p.GetValue(outFile),
                p.GetValue(publication)),
            context));
        return command;
    }

    public static int Run(FiguresRequest request, CliContext context)
    {
        if (request.Departements.Count == 0 && request.Regions.Count == 0 && !request.France)
        {
            throw new UsageException("indiquer au moins un territoire : --dep CODE|NOM, --region CODE|NOM ou --france");
        }

        if (request.Format == "xlsx" && request.Out is null)
        {
            throw new UsageException("--format xlsx écrit un classeur : indiquer --out FICHIER.xlsx");
        }

        var territories = FiguresTerritories.Resolve(request, Geography.Default);
        var folder = request.Publication ?? LatestPublication("out") ?? throw new UsageException("aucune publication trouvée dans out/ : indiquer --publication DOSSIER");
        FiguresPublication published;
        try
        {
            published = FiguresPublication.Load(folder);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            context.Error.WriteLine($"reporting : {e.Message}");
            return ExitCodes.Failure;
        }

        var (from, to) = ParseYears(request.Years, published.Years);
        var query = new FiguresQuery(
            territories,
            Among("--indicator", request.Indicators, published.Indicators, v => v, code => IndicatorCatalogue.Shipped.Find(code)?.Label),
            Among("--category", request.Categories, published.Categories, v => v.StartsWith("ESM", StringComparison.OrdinalIgnoreCase) ? v : "ESM-" + v, FiguresText.CategoryLabel),
            Among("--source", request.Sources, published.Sources, v => v, FiguresText.SourceLabel),
            from,
            to);
        var result = published.Select(query);
        if (result.Rows.Count == 0)
        {
            context.Error.WriteLine($"reporting : aucun chiffre publié pour cette sélection dans {folder} "
                + $"(territoires publiés : {string.Join(", ", territories.Where(published.Holds).Select(t => t.Title).DefaultIfEmpty("aucun"))} ; "
                + "une combinaison d'indicateur et de source peut ne pas exister : victimes_mineurs n'a pas de source justice, auteurs_condamnes n'a que justice)");
            return ExitCodes.Failure;
        }

        var title = string.Join(", ", territories.Select(t => t.Title)) + $" — chiffres publiés, édition {result.Edition}";
        var toTerminal = request.Out is null && context.Terminal.Interactive;
        byte[] bytes = request.Format switch
        {
            "csv" => FiguresExport.Csv(result),
            "json" => FiguresExport.Json(result),
            "xlsx" => FiguresExport.Xlsx(result, title),
            "md" => System.Text.Encoding.UTF8.GetBytes($"# {title}\n\n" + FiguresText.Markdown(result)),
            _ => System.Text.Encoding.UTF8.GetBytes(FiguresText.Table(
                result,
                toTerminal ? context.Terminal.Width : 100,
                toTerminal && context.Terminal.Colour ? FiguresText.Style.Ansi : FiguresText.Style.Plain)),
        };
        if (request.Out is { } file)
        {
            try
            {
                File.WriteAllBytes(file, bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"reporting : --out {file} : impossible d'écrire ({e.Message})");
                return ExitCodes.Failure;
            }

            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Rows.Count} chiffres écrits dans {file} ({request.Format})."));
            return ExitCodes.Ok;
        }

        context.Out.Write(FiguresExport.Text(bytes));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The codes asked for, each matched without regard to case or accents among the publication's; a value it does not hold
    /// is a usage error with the nearest and every valid value (with its label).
    /// </summary>
    private static HashSet<string>? Among(string option, IReadOnlyList<string> asked, IReadOnlyList<string> valid, Func<string, string> complete, Func<string, string?> label)
    {
        if (asked.Count == 0)
        {
            return null;
        }

        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in asked)
        {
            var match = valid.FirstOrDefault(v => Nearest.Fold(v) == Nearest.Fold(raw)) ?? valid.FirstOrDefault(v => Nearest.Fold(v) == Nearest.Fold(complete(raw)));
            if (match is null)
            {
                var list = string.Join(", ", valid.Select(v => label(v) is { } l && l != v ? $"{v} ({l})" : v));
                throw new UsageException($"{option} : valeur inconnue « {raw} »{Nearest.Phrase(raw, valid)} ; valeurs publiées : {list}");
            }

            chosen.Add(match);
        }

        return chosen;
    }

    private static (int From, int To) ParseYears(string? raw, IReadOnlyList<int> published)
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
            if (published.Count > 0 && (b < published[0] || a > published[^1]))
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--years : {raw} hors de la série publiée ({published[0]}-{published[^1]})"));
            }

            return (a, b);
        }

        var range = published.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $" ; série publiée : {published[0]}-{published[^1]}") : string.Empty;
        throw new UsageException($"--years : AAAA ou AAAA-AAAA attendu, reçu « {raw} »{range}");
    }

    /// <summary>The most recent year folder of a publication root (<c>out/2025</c>).</summary>
    private static string? LatestPublication(string root) => Directory.Exists(root)
        ? Directory.GetDirectories(root).Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
        : null;
}

/// <summary>Territories by code or by name, as ministry staff type them.</summary>
public static class FiguresTerritories
{
    /// <summary>Common abbreviations of region names (README, « figures »).</summary>
    public static readonly IReadOnlyDictionary<string, string> RegionAbbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["idf"] = "11",
        ["cvl"] = "24",
        ["bfc"] = "27",
        ["hdf"] = "32",
        ["pdl"] = "52",
        ["naq"] = "75",
        ["na"] = "75",
        ["ara"] = "84",
        ["aura"] = "84",
        ["paca"] = "93",
        ["sud"] = "93",
    };

    public static IReadOnlyList<FiguresTerritory> Resolve(FiguresRequest request, Geography geography)
    {
        var territories = new List<FiguresTerritory>();
        foreach (var raw in request.Departements)
        {
            var code = geography.ParseDepartement(raw.ToUpperInvariant()).Code
                ?? geography.Departements.FirstOrDefault(d => Nearest.Fold(d.Name) == Nearest.Fold(raw))?.Code
                ?? throw new UsageException($"--dep : département inconnu « {raw} »{Nearest.Phrase(raw, geography.Departements.Select(d => d.Name))} "
                    + "(un code comme 13, 2A ou 971, ou un nom comme Bouches-du-Rhône)");
            territories.Add(new FiguresTerritory("DEP", code, geography[code].Name));
        }

        foreach (var raw in request.Regions)
        {
            var folded = Nearest.Fold(raw);
            var region = geography.Regions.FirstOrDefault(r => r.Code == raw)
                ?? geography.Regions.FirstOrDefault(r => Nearest.Fold(r.Name) == folded)
                ?? (RegionAbbreviations.TryGetValue(folded, out var code) ? geography.GetRegion(code) : null)
                ?? throw new UsageException($"--region : région inconnue « {raw} »{Nearest.Phrase(raw, geography.Regions.Select(r => r.Name))} ; régions : "
                    + string.Join(", ", geography.Regions.Select(r => $"{r.Code} {r.Name}")));
            territories.Add(new FiguresTerritory("REG", region.Code, region.Name));
        }

        if (request.France)
        {
            territories.Add(new FiguresTerritory("FR", "FR", "France"));
        }

        return [.. territories.DistinctBy(t => (t.Level, t.Code))];
    }
}
