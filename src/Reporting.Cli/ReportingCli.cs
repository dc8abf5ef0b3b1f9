using System.CommandLine;
using System.CommandLine.Help;
using Reporting.Cli.Commands;
using Reporting.Cli.Syntax;
using Reporting.Privacy;
using Reporting.Run;

namespace Reporting.Cli;

/// <summary>
/// The composition root: parse the command line (System.CommandLine) and hand over to the command. Everything it
/// prints goes through <see cref="KeyMaskingWriter"/>. One error path: a usage error is one line per fault and exit 64;
/// an output folder held by another run exit 75; anything a command did not foresee is one plain line on stderr and
/// exit 2 — the exception in full only with <c>--verbose</c>.
/// </summary>
public static class ReportingCli
{
    public const string VerboseFlag = "--verbose";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, Terminal.None);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Terminal terminal)
    {
        using var output = new KeyMaskingWriter(stdout);
        using var errors = new KeyMaskingWriter(stderr);
        var root = Build(new CliContext(output, errors, terminal));
        if (args.Length == 0)
        {
            Help.Write(root, output);
            return ExitCodes.Usage;
        }

        // `reporting help [COMMANDE]`, as git and dotnet answer it.
        if (args[0] == "help")
        {
            args = [.. args.Skip(1), "--help"];
        }

        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0 && parsed.Action is not Help.FrenchHelpAction and not VersionText.FrenchVersionAction)
        {
            return UsageError(ParseErrors.Describe(parsed), parsed.CommandResult.Command, errors);
        }

        var verbose = args.Contains(VerboseFlag, StringComparer.Ordinal);
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null, Output = output, Error = errors });
        }
        catch (UsageException e)
        {
            return UsageError([e.Message], parsed.CommandResult.Command, errors);
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
            errors.WriteLine($"reporting : échec de « {parsed.CommandResult.Command.Name} » : {Describe(e)}");
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

    /// <summary>The command tree: every command, its options and its handler.</summary>
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("statistiques des mineurs victimes d'exploitation sexuelle")
        {
            ValidateCommand.Create(context),
            RunCommand.Create(context),
            FiguresCommand.Create(context),
            DiffCommand.Create(context),
            EstimateCommand.Create(context),
            SamplesCommand.Create(context),
        };
        root.Options.Add(new Option<bool>(VerboseFlag)
        {
            Description = "en cas d'erreur imprévue, le détail technique complet en plus du message",
            Recursive = true,
            Arity = ArgumentArity.Zero,
        });
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help:
                    help.Description = "affiche cette aide";
                    help.Action = new Help.FrenchHelpAction();
                    break;
                case VersionOption version:
                    version.Description = "versions du moteur et de la nomenclature";
                    version.Action = new VersionText.FrenchVersionAction();
                    break;
            }
        }

        return root;
    }

    private static int UsageError(IReadOnlyList<string> messages, Command command, TextWriter errors)
    {
        foreach (var message in messages)
        {
            errors.WriteLine($"reporting : {message}");
        }

        errors.WriteLine(command is RootCommand ? "reporting --help pour l'aide." : $"reporting {command.Name} --help pour l'aide et des exemples.");
        return ExitCodes.Usage;
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
