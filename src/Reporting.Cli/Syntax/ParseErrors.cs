using System.CommandLine;
using System.CommandLine.Parsing;

namespace Reporting.Cli.Syntax;

/// <summary>
/// What is wrong with a command line, in French, one message per fault, with the nearest command, option or value
/// (« vouliez-vous dire … ? »). The parser's own errors are read from its results, not its English text.
/// </summary>
public static class ParseErrors
{
    public static IReadOnlyList<string> Describe(ParseResult result)
    {
        var messages = new List<string>();
        var command = result.CommandResult.Command;
        var optionNames = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options).Where(o => o.Recursive))
            .Where(o => !o.Hidden).Select(o => o.Name).ToArray();
        var unknownOption = false;
        var unmatched = result.UnmatchedTokens;
        if (command is RootCommand && unmatched.Count > 0 && !unmatched[0].StartsWith('-'))
        {
            // An unknown command: what follows it belongs to the command that was meant, nothing to say about it.
            var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToArray();
            return [$"commande inconnue : {unmatched[0]}{Nearest.Phrase(unmatched[0], names)} (commandes : {string.Join(", ", names)})"];
        }

        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (token.StartsWith('-') && token.Length > 1)
            {
                var name = token.Split('=')[0];
                var candidates = command is RootCommand ? optionNames.Concat(command.Subcommands.Select(c => c.Name)) : optionNames;
                messages.Add($"option inconnue : {name}{Nearest.Phrase(name, candidates)}");
                unknownOption = true;
                // The word after an unknown option is most likely its value, not a word of its own.
                if (!token.Contains('=') && i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-'))
                {
                    i++;
                }
            }
            else
            {
                messages.Add($"mot en trop : « {token} » ({command.Name} n'attend {Expected(command)})");
            }
        }

        var repeated = new HashSet<Option>();
        foreach (var error in result.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult option when option.IdentifierTokenCount > 1 && option.Option.Arity.MaximumNumberOfValues <= 1:
                    if (repeated.Add(option.Option))
                    {
                        messages.Add($"l'option {option.Option.Name} est donnée {option.IdentifierTokenCount} fois : une seule valeur est attendue");
                    }

                    break;
                case OptionResult option when option.IdentifierTokenCount == 0:
                    // A required option missing: not worth saying when an unknown option was probably its typo.
                    if (!unknownOption)
                    {
                        messages.Add($"l'option {option.Option.Name} est obligatoire");
                    }

                    break;
                case OptionResult option when option.Tokens.Count == 0 && option.Option.Arity.MinimumNumberOfValues > 0:
                    messages.Add($"l'option {option.Option.Name} attend une valeur");
                    break;
                case ArgumentResult { Parent: OptionResult option } when repeated.Contains(option.Option):
                    break;
                case OptionResult or ArgumentResult { Parent: OptionResult }:
                    // Our own parsers' messages, already in French and naming the option.
                    messages.Add(error.Message);
                    break;
                case ArgumentResult:
                    messages.Add(command is CliCommand { MissingArguments: { } missing } ? missing : $"argument manquant pour {command.Name}");
                    break;
                case CommandResult when command is RootCommand && unmatched.Count == 0:
                    messages.Add("commande attendue : " + string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)));
                    break;
                default:
                    // Unmatched tokens, said above.
                    break;
            }
        }

        return messages.Count > 0 ? [.. messages.Distinct(StringComparer.Ordinal)] : [.. result.Errors.Select(e => e.Message)];
    }

    private static string Expected(Command command) => command.Arguments.Count switch
    {
        0 => "aucun argument hors des options",
        var n => $"que {n} argument{(n > 1 ? "s" : string.Empty)} ({string.Join(" ", command.Arguments.Select(a => a.Name))})",
    };
}
