using Reporting.Cli.Syntax;
using Reporting.Estimation;

namespace Reporting.Cli.Commands;

/// <summary>What <c>reporting estimate</c> was asked: <c>Bootstrap</c> and <c>Seed</c> null when not given.</summary>
public sealed record EstimateRequest(string Lists, string Model, int? Bootstrap, int? Seed, string Format);

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
        var format = Options.Choice("--format", "présentation du résultat", Formats, "text");
        var command = new CliCommand(
            "estimate",
            "capture-recapture sur une table de listes",
            "Estime le nombre total de personnes à partir de listes qui se recoupent (modèles log-linéaires, comme Rcapture "
            + "et SparseMSE) : table des modèles candidats (indépendance, chaque interaction, pas à pas, toutes les interactions) "
            + "avec estimation, intervalle à 95 %, déviance, ddl, AIC et BIC ; modèle retenu et pourquoi ; étapes du pas à pas, "
            + "termes rejetés compris.")
        {
            Synopsis = "--lists FICHIER.csv [--model stepwise|independence|TERMES] [--bootstrap N --seed S] [--format text|json]",
            Examples =
            [
                ("reporting estimate --lists listes.csv", "modèle choisi pas à pas (p < 0,02) depuis l'indépendance"),
                ("reporting estimate --lists listes.csv --model LA:NG,NG:GP", "un modèle imposé : deux interactions"),
                ("reporting estimate --lists listes.csv --bootstrap 1000 --seed 7", "intervalle bootstrap tenant compte du choix du modèle"),
                ("reporting estimate --lists listes.csv --format json", "le même rapport pour une machine (nombres avec un point décimal)"),
            ],
            ExitCodes =
            [
                (ExitCodes.Ok, "estimation faite"),
                (ExitCodes.Findings, "estimation refusée (la raison est imprimée)"),
                (ExitCodes.Failure, "table illisible (la ligne en cause est nommée)"),
                (ExitCodes.Usage, "ligne de commande incorrecte"),
            ],
        };
        command.Options.Add(lists);
        command.Options.Add(model);
        command.Options.Add(bootstrap);
        command.Options.Add(seed);
        command.Options.Add(format);
        command.SetAction(p => Run(
            new EstimateRequest(
                p.GetValue(lists)!,
                p.GetValue(model) ?? "stepwise",
                p.GetResult(bootstrap) is { Implicit: false } ? p.GetValue(bootstrap) : null,
                p.GetResult(seed) is { Implicit: false } ? p.GetValue(seed) : null,
                p.GetValue(format)!),
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
        var report = MseReport.Build(parsed.Table, model.Spec, options);
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

        return report.Retained is MseEstimate ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
