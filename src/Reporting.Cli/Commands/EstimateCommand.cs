using System.Globalization;
using Reporting.Cli.Syntax;
using Reporting.Estimation;

namespace Reporting.Cli.Commands;

/// <summary>What <c>reporting estimate</c> was asked: <c>Bootstrap</c>, <c>Seed</c> and <c>KeyRates</c> null when not given.</summary>
public sealed record EstimateRequest(string Lists, string Model, int? Bootstrap, int? Seed, string Format, string? KeyRates = null);

/// <summary>The estimator on any published table (one 0/1 column per list, then <c>count</c>), to check the method.</summary>
public static class EstimateCommand
{
    public static readonly IReadOnlyList<string> Formats = ["text", "json"];

    public static CliCommand Create(CliContext context)
    {
        var lists = Options.Text("--lists", "FICHIER.csv", "la table des listes : une colonne 0/1 par liste, puis count", required: true);
        var model = Options.Text("--model", "MODÈLE", "stepwise, independence, ou des interactions : [1,2] ou LA:NG,NG:GP (défaut : stepwise)");
        var bootstrap = Options.Int("--bootstrap", "N", "intervalle par bootstrap sur N tirages, sélection du modèle comprise", 0);
        var seed = Options.Int("--seed", "S", "graine du bootstrap (même graine, mêmes chiffres)", 0);
        var keyRates = Options.Text(
            "--key-rates",
            "LISTE=TAUX,…",
            "part des repérages de chaque liste qui portent une clé de chaînage, dans (0, 1], point décimal (police=0.88,ase=0.91) ; "
            + "chaque liste nommée une fois. La table --lists est alors celle du chaînage : une personne vue par deux listes ou plus "
            + "l'a été par ses clés, un repérage sans clé compte comme une personne vue par sa seule liste ; les repérages avec clé "
            + "d'une liste sont TAUX × son total dans la table, arrondi à l'unité. Imprime l'estimation corrigée des clés manquantes "
            + "à côté de l'autre");
        var format = Options.Choice("--format", "présentation du résultat", Formats, "text");
        var command = new CliCommand(
            "estimate",
            "capture-recapture sur une table de listes",
            "Estime le nombre total de personnes à partir de listes qui se recoupent (modèles log-linéaires, comme Rcapture "
            + "et SparseMSE) : table des modèles candidats (indépendance, chaque interaction, pas à pas, toutes les interactions) "
            + "avec estimation, intervalle à 95 %, déviance, ddl, AIC et BIC ; modèle retenu et pourquoi ; étapes du pas à pas, "
            + "termes rejetés compris.")
        {
            Synopsis = "--lists FICHIER.csv [--model stepwise|independence|TERMES] [--bootstrap N --seed S] [--key-rates LISTE=TAUX,…] [--format text|json]",
            Examples =
            [
                ("reporting estimate --lists listes.csv", "modèle choisi pas à pas (p < 0,02) depuis l'indépendance"),
                ("reporting estimate --lists listes.csv --model LA:NG,NG:GP", "un modèle imposé : deux interactions"),
                ("reporting estimate --lists listes.csv --bootstrap 1000 --seed 7", "intervalle bootstrap tenant compte du choix du modèle"),
                ("reporting estimate --lists listes.csv --key-rates police=0.88,ase=0.91,sante=0.87", "corrigée des clés de chaînage manquantes, à côté de l'estimation sans correction"),
                ("reporting estimate --lists listes.csv --format json", "le même rapport pour une machine (nombres avec un point décimal)"),
            ],
            ExitCodes =
            [
                (ExitCodes.Ok, "estimation faite"),
                (ExitCodes.Findings, "estimation refusée, corrigée des clés manquantes ou non (la raison est imprimée)"),
                (ExitCodes.Failure, "table illisible (la ligne en cause est nommée)"),
                (ExitCodes.Usage, "ligne de commande incorrecte"),
            ],
        };
        command.Options.Add(lists);
        command.Options.Add(model);
        command.Options.Add(bootstrap);
        command.Options.Add(seed);
        command.Options.Add(keyRates);
        command.Options.Add(format);
        command.SetAction(p => Run(
            new EstimateRequest(
                p.GetValue(lists)!,
                p.GetValue(model) ?? "stepwise",
                p.GetResult(bootstrap) is { Implicit: false } ? p.GetValue(bootstrap) : null,
                p.GetResult(seed) is { Implicit: false } ? p.GetValue(seed) : null,
                p.GetValue(format)!,
                p.GetValue(keyRates)),
            context.Out,
            context.Error));
        return command;
    }

    public static int Run(EstimateRequest request, TextWriter stdout, TextWriter stderr)
    {
        var path = InputFile.Require(request.Lists, "--lists");
        var parsed = ListTableCsv.ParseFile(path);
        if (!parsed.Succeeded)
        {
            stderr.WriteLine($"reporting : {parsed.ErrorMessage}");
            return ExitCodes.Failure;
        }

        var model = ModelSpecParser.Parse(request.Model, parsed.Table!.ListNames);
        if (model.Spec is null)
        {
            throw new UsageException($"--model : {model.Error}");
        }

        if (request.Bootstrap is < 1)
        {
            throw new UsageException("--bootstrap : au moins un tirage (par exemple --bootstrap 1000)");
        }

        if (request.Seed is not null && request.Bootstrap is null)
        {
            throw new UsageException("--seed : la graine n'a de sens qu'avec --bootstrap N");
        }

        var options = request.Bootstrap is { } replicates
            ? MseOptions.Default with { Bootstrap = new BootstrapOptions(replicates, request.Seed ?? new BootstrapOptions().Seed) }
            : MseOptions.Default;
        var keys = request.KeyRates is { } raw ? KeyRates(raw, parsed.Table) : null;
        var report = MseReport.Build(parsed.Table, model.Spec, options, keys);
        if (request.Format == "json")
        {
            stdout.Write(MseReportJson.Write(report));
        }
        else
        {
            foreach (var line in MseReportFormatter.Format(report))
            {
                stdout.WriteLine(line);
            }
        }

        return report.Retained is MseEstimate && report.Correction is null or { Estimate: not null } ? ExitCodes.Ok : ExitCodes.Findings;
    }

    /// <summary>
    /// <c>--key-rates police=0.88,ase=0.91</c> as the engine's linkage-error model: every list named once (case and accents
    /// ignored), each rate in (0, 1]. The keyed records of list s are K_s = round(π_s · n_s), n_s its total in the table;
    /// a rate below the share of the list's records seen elsewhere too is impossible (only keys join records).
    /// </summary>
    public static LinkageErrorModel KeyRates(string raw, ListTable table)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(table);
        var names = table.ListNames;
        var valid = $"listes de la table : {string.Join(", ", names)}";
        var rates = new double?[names.Length];
        var items = raw.Split(',', StringSplitOptions.TrimEntries);
        if (items.FirstOrDefault(i => i.Length > 0 && i.All(char.IsAsciiDigit)) is { } decimals)
        {
            throw new UsageException($"--key-rates : « {decimals} » n'est pas de la forme LISTE=TAUX : le taux s'écrit avec un point décimal (0.88, pas 0,88), les listes sont séparées par des virgules");
        }

        foreach (var item in items)
        {
            var parts = item.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new UsageException($"--key-rates : « {item} » n'est pas de la forme LISTE=TAUX (par exemple {names[0]}=0.88) ; {valid}");
            }

            var index = names.IndexOf(names.FirstOrDefault(n => Nearest.Fold(n) == Nearest.Fold(parts[0])) ?? string.Empty);
            if (index < 0)
            {
                throw new UsageException($"--key-rates : liste inconnue « {parts[0]} »{Nearest.Phrase(parts[0], names)} ; {valid}");
            }

            if (rates[index] is not null)
            {
                throw new UsageException($"--key-rates : la liste « {names[index]} » est nommée deux fois");
            }

            if (!double.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || !(rate > 0 && rate <= 1))
            {
                throw new UsageException($"--key-rates : taux « {parts[1]} » pour {names[index]} : un nombre dans (0, 1] avec un point décimal est attendu (par exemple 0.88)");
            }

            rates[index] = rate;
        }

        var missing = names.Where((_, s) => rates[s] is null).ToArray();
        if (missing.Length > 0)
        {
            throw new UsageException($"--key-rates : taux manquant pour {string.Join(", ", missing)} ; chaque liste est nommée une fois ({valid})");
        }

        var lists = new ListKeyRate[names.Length];
        for (var s = 0; s < names.Length; s++)
        {
            var persons = table.ListTotal(s);
            var linked = persons - table.Count(1 << s);
            var keyed = (long)Math.Round(rates[s]!.Value * persons, MidpointRounding.AwayFromZero);
            if (keyed < linked)
            {
                var minimum = persons == 0 ? 0 : Math.Ceiling(linked * 1000.0 / persons) / 1000;
                throw new UsageException($"--key-rates : {names[s]}={Invariant(rates[s]!.Value)} est trop bas : {linked} des {persons} repérages de {names[s]} "
                    + $"sont recoupés avec une autre liste, donc portent une clé (taux minimal {Invariant(minimum)})");
            }

            lists[s] = new ListKeyRate(persons, keyed);
        }

        return LinkageErrorModel.Estimated(lists);
    }

    private static string Invariant(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
