using Reporting.Cli.Commands;

namespace Reporting.Cli;

/// <summary>The composition root: parse the command, hand over to it, turn usage errors into a message and exit code 64.</summary>
public static class ReportingCli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.Write(Usage.Text);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        try
        {
            var rest = args.Skip(1);
            return args[0] switch
            {
                "validate" => ValidateCommand.Run(new Arguments(rest), stdout, stderr),
                "run" => RunCommand.Run(new Arguments(rest), stdout, stderr),
                "estimate" => EstimateCommand.Run(new Arguments(rest), stdout, stderr),
                "diff" => DiffCommand.Run(new Arguments(rest), stdout, stderr),
                "figures" => FiguresCommand.Run(new Arguments(rest), stdout, stderr),
                "samples" => SamplesCommand.Run(new Arguments(rest), stdout),
                _ => throw new UsageException($"commande inconnue : {args[0]}"),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"reporting : {e.Message}");
            stderr.WriteLine("reporting --help pour l'aide.");
            return ExitCodes.Usage;
        }
    }
}
