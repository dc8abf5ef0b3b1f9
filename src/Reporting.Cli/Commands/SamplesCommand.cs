using Reporting.Reference;
using Reporting.Samples;

namespace Reporting.Cli.Commands;

public static class SamplesCommand
{
    public static int Run(Arguments args, TextWriter stdout)
    {
        var defaults = new SampleOptions();
        var options = new SampleOptions(args.Int("from", defaults.From), args.Int("to", defaults.To), args.Int("seed", defaults.Seed), args.Int("scale", defaults.Scale));
        var outDir = args.Required("out");
        args.EnsureAllUsed();
        if (options.From > options.To || options.Scale < 1)
        {
            throw new UsageException("--from doit précéder --to et --scale être au moins 1");
        }

        var summary = SampleGenerator.Generate(outDir, options, Geography.Default);
        stdout.WriteLine($"{summary.Files.Count} fichiers écrits dans {outDir}");
        return ExitCodes.Ok;
    }
}
