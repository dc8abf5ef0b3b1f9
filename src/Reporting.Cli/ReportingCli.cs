using Reporting.Cli.Commands;
using Reporting.Privacy;
using Reporting.Run;

namespace Reporting.Cli;

/// <summary>
/// The composition root: parse the command and hand over to it. Everything it prints goes through
/// <see cref="KeyMaskingWriter"/>. One error path: a usage error is one line and exit 64; an output folder held by
/// another run exit 75; anything a command did not foresee is one plain line on stderr and exit 2 — the exception
/// in full only with <c>--verbose</c>.
/// </summary>
public static class ReportingCli
{
    public const string VerboseFlag = "--verbose";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var output = new KeyMaskingWriter(stdout);
        using var errors = new KeyMaskingWriter(stderr);
        var verbose = args.Contains(VerboseFlag, StringComparer.Ordinal);
        args = args.Where(a => a != VerboseFlag).ToArray();
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.Write(Usage.Text);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        try
        {
            var rest = args.Skip(1);
            return args[0] switch
            {
                "validate" => ValidateCommand.Run(new Arguments(rest), output, errors),
                "run" => RunCommand.Run(new Arguments(rest), output, errors),
                "estimate" => EstimateCommand.Run(new Arguments(rest), output, errors),
                "diff" => DiffCommand.Run(new Arguments(rest), output, errors),
                "figures" => FiguresCommand.Run(new Arguments(rest), output, errors),
                "samples" => SamplesCommand.Run(new Arguments(rest), output),
                _ => throw new UsageException($"commande inconnue : {args[0]}"),
            };
        }
        catch (UsageException e)
        {
            errors.WriteLine($"reporting : {e.Message}");
            errors.WriteLine("reporting --help pour l'aide.");
            return ExitCodes.Usage;
        }
        catch (InputFileException e)
        {
            errors.WriteLine($"reporting : {e.Message}");
            return ExitCodes.Failure;
        }
        catch (PublicationFolderException e)
        {
            errors.WriteLine($"reporting : {e.Message}");
            return e.Held ? ExitCodes.Busy : ExitCodes.Failure;
        }
        catch (Exception e)
        {
            errors.WriteLine($"reporting : échec de « {args[0]} » : {Describe(e)}");
            if (verbose)
            {
                errors.WriteLine(e.ToString());
            }
            else
            {
                errors.WriteLine($"(détail technique avec {VerboseFlag})");
            }

            return ExitCodes.Failure;
        }
    }

    /// <summary>What failed, in one line: the runtime's messages name the file for I/O errors.</summary>
    private static string Describe(Exception e) => e switch
    {
        UnauthorizedAccessException => $"accès refusé — {e.Message}",
        IOException => $"erreur d'entrée-sortie — {e.Message}",
        OutOfMemoryException => "mémoire insuffisante",
        _ => $"erreur interne ({e.GetType().Name}) — {e.Message.ReplaceLineEndings(" ")}",
    };
}
