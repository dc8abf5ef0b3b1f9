using Reporting.Cli.Syntax;
using Reporting.Reference;
using Reporting.Samples;

namespace Reporting.Cli.Commands;

public sealed record SamplesRequest(string Out, SampleOptions Options);

public static class SamplesCommand
{
    public static CliCommand Create(CliContext context)
    {
        var defaults = new SampleOptions();
        var outDir = Options.Text("--out", "DOSSIER", "où écrire les extraits", required: true);
        var from = Options.Int("--from", "AAAA", "première année", defaults.From);
        var to = Options.Int("--to", "AAAA", "dernière année", defaults.To);
        var seed = Options.Int("--seed", "S", "graine (même graine, mêmes fichiers)", defaults.Seed);
        var scale = Options.Int("--scale", "K", "K fois plus de données, pour les mesures de performance", defaults.Scale);
        var command = new CliCommand(
            "samples",
            "génère des extraits synthétiques déterministes",
            "Écrit des extraits synthétiques (jamais des données réelles) au format du contrat, avec leurs défauts délibérés : "
            + "ceux de data-samples/.")
        {
            Synopsis = "--out DOSSIER [--from 2016] [--to 2025] [--seed 20260415] [--scale 1]",
            Examples = [("reporting samples --out /tmp/donnees --scale 10", "dix fois plus de lignes que data-samples/")],
            ExitCodes = [(ExitCodes.Ok, "extraits écrits"), (ExitCodes.Failure, "le dossier ne peut être écrit"), (ExitCodes.Usage, "ligne de commande incorrecte")],
        };
        foreach (var option in new System.CommandLine.Option[] { outDir, from, to, seed, scale })
        {
            command.Options.Add(option);
        }

        command.SetAction(p => Run(new SamplesRequest(p.GetValue(outDir)!, new SampleOptions(p.GetValue(from), p.GetValue(to), p.GetValue(seed), p.GetValue(scale))), context.Out));
        return command;
    }

    public static int Run(SamplesRequest request, TextWriter stdout)
    {
        var options = request.Options;
        if (options.From > options.To || options.Scale < 1)
        {
            throw new UsageException("--from doit précéder --to et --scale être au moins 1");
        }

        var summary = SampleGenerator.Generate(request.Out, options, Geography.Default);
        stdout.WriteLine($"{summary.Files.Count} fichiers écrits dans {request.Out}");
        return ExitCodes.Ok;
    }
}
