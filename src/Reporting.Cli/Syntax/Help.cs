using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Text;

namespace Reporting.Cli.Syntax;

/// <summary>
/// The French help of <c>reporting --help</c> and <c>reporting COMMANDE --help</c>: usage, description, options with
/// their defaults, examples, exit codes; lines wrapped at 100 columns.
/// </summary>
public static class Help
{
    public const int Width = 100;

    /// <summary>Every exit code of the engine (also in the README).</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> AllExitCodes =
    [
        (ExitCodes.Ok, "succès (diff : rien n'a changé)"),
        (ExitCodes.Findings, "constats : lignes rejetées (validate), différences (diff), estimation refusée (estimate)"),
        (ExitCodes.Failure, "échec : entrée inutilisable, sortie impossible à écrire, erreur imprévue ; rien n'est publié"),
        (ExitCodes.Usage, "ligne de commande incorrecte (option inconnue, valeur invalide, option répétée, mot en trop)"),
        (ExitCodes.Busy, "une autre exécution publie déjà dans le même dossier de sortie (run) ; relancer plus tard"),
    ];

    /// <summary>System.CommandLine's help option, answered by <see cref="Write(Command, TextWriter)"/>.</summary>
    public sealed class FrenchHelpAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
            return ExitCodes.Ok;
        }
    }

    public static void Write(Command command, TextWriter output) =>
        output.Write(command is RootCommand root ? Root(root) : Of((CliCommand)command));

    private static string Root(RootCommand root)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"reporting {VersionText.Engine} — {root.Description}\n\n");
        text.Append("Usage : reporting COMMANDE [options]\n");
        text.Append("        reporting COMMANDE --help   (ou reporting help COMMANDE) : l'aide d'une commande, avec des exemples\n\n");
        text.Append("Commandes :\n");
        Columns(text, root.Subcommands.OfType<CliCommand>().Select(c => (c.Name, c.Summary)));
        text.Append("\nOptions :\n");
        Columns(text, OptionRows(root.Options));
        AppendExitCodes(text, AllExitCodes);
        text.Append("\nComplétion dans le shell : installer dotnet-suggest (dotnet tool install -g dotnet-suggest) et son script\n");
        text.Append("pour bash ou zsh ; reporting répond à la directive [suggest] (voir le README, « La ligne de commande »).\n");
        return text.ToString();
    }

    private static string Of(CliCommand command)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"reporting {command.Name} — {command.Summary}\n\n");
        Paragraph(text, $"Usage : reporting {command.Name} {command.Synopsis}", string.Empty);
        text.Append('\n');
        Paragraph(text, command.Description ?? string.Empty, string.Empty);
        if (command.Arguments.Count > 0)
        {
            text.Append("\nArguments :\n");
            Columns(text, command.Arguments.Select(a => (a.Name, a.Description ?? string.Empty)));
        }

        text.Append("\nOptions :\n");
        var inherited = command.Parents.OfType<Command>().SelectMany(p => p.Options).Where(o => o.Recursive || o is HelpOption);
        Columns(text, OptionRows(command.Options.Concat(inherited).Distinct()));
        foreach (var note in command.Notes)
        {
            text.Append('\n');
            Paragraph(text, note, string.Empty);
        }

        if (command.Examples.Count > 0)
        {
            text.Append("\nExemples :\n");
            foreach (var (line, what) in command.Examples)
            {
                text.Append("  ").Append(line).Append('\n');
                Paragraph(text, what, "      ");
            }
        }

        AppendExitCodes(text, command.ExitCodes);
        return text.ToString();
    }

    private static IEnumerable<(string, string)> OptionRows(IEnumerable<Option> options) => options
        .Where(o => !o.Hidden)
        .OrderBy(o => o is HelpOption or VersionOption ? 1 : 0)
        .Select(o => (Label(o), Describe(o)));

    private static string Label(Option option)
    {
        var names = option.Aliases.Where(a => a.Length == 2 && a[0] == '-' && char.IsAsciiLetter(a[1])).Order(StringComparer.Ordinal).Append(option.Name);
        var label = string.Join(", ", names);
        if (option.Arity.MaximumNumberOfValues > 0 && option.HelpName is { } value)
        {
            label += " " + value + (option.Arity.MaximumNumberOfValues > 1 ? "…" : string.Empty);
        }

        return label;
    }

    private static string Describe(Option option)
    {
        var text = option.Description ?? string.Empty;
        if (option.Required)
        {
            text += " (obligatoire)";
        }
        else if (option.HasDefaultValue && option.Arity.MaximumNumberOfValues > 0 && option.GetDefaultValue() is { } d)
        {
            text += " (défaut : " + Convert.ToString(d, CultureInfo.InvariantCulture) + ")";
        }

        return text;
    }

    private static void AppendExitCodes(StringBuilder text, IReadOnlyList<(int Code, string Meaning)> codes)
    {
        if (codes.Count == 0)
        {
            return;
        }

        text.Append("\nCodes retour :\n");
        Columns(text, codes.Select(c => (c.Code.ToString(CultureInfo.InvariantCulture), c.Meaning)));
    }

    /// <summary>Two columns: names padded to the widest (at most 32), descriptions wrapped under themselves.</summary>
    private static void Columns(StringBuilder text, IEnumerable<(string First, string Second)> rows)
    {
        var list = rows.ToArray();
        var width = Math.Min(32, list.Select(r => r.First.Length).DefaultIfEmpty(0).Max());
        var indent = new string(' ', width + 4);
        foreach (var (first, second) in list)
        {
            if (first.Length > width)
            {
                text.Append("  ").Append(first).Append('\n');
                Paragraph(text, second, indent);
                continue;
            }

            var lines = Wrap(second, Width - indent.Length);
            text.Append("  ").Append(first.PadRight(width)).Append("  ").Append(lines.FirstOrDefault() ?? string.Empty).Append('\n');
            foreach (var line in lines.Skip(1))
            {
                text.Append(indent).Append(line).Append('\n');
            }
        }
    }

    private static void Paragraph(StringBuilder text, string paragraph, string indent)
    {
        foreach (var line in paragraph.Split('\n'))
        {
            foreach (var wrapped in Wrap(line, Width - indent.Length).DefaultIfEmpty(string.Empty))
            {
                text.Append(indent).Append(wrapped).Append('\n');
            }
        }
    }

    /// <summary>The words of a line, a French double punctuation mark kept with the word before it (« réussi : »).</summary>
    private static IEnumerable<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (words.Count > 0 && word is ":" or ";" or "?" or "!" or "»")
            {
                words[^1] += " " + word;
            }
            else if (words.Count > 0 && words[^1] == "«")
            {
                words[^1] += " " + word;
            }
            else
            {
                words.Add(word);
            }
        }

        return words;
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in Words(text))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }
}
