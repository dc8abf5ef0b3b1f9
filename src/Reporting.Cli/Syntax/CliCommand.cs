using System.CommandLine;

namespace Reporting.Cli.Syntax;

/// <summary>A command with what its French help shows besides its options: a one-line summary, examples, exit codes.</summary>
public sealed class CliCommand(string name, string summary, string description) : Command(name, description)
{
    /// <summary>The line under « Commandes » in <c>reporting --help</c>.</summary>
    public string Summary { get; } = summary;

    /// <summary>The synopsis after <c>reporting NAME</c>, as the README writes it.</summary>
    public string Synopsis { get; init; } = "[options]";

    public IReadOnlyList<(string Line, string What)> Examples { get; init; } = [];

    /// <summary>This command's exit codes and what each means for it.</summary>
    public IReadOnlyList<(int Code, string Meaning)> ExitCodes { get; init; } = [];

    /// <summary>The message when a positional argument is missing (<c>diff ANCIEN NOUVEAU</c>).</summary>
    public string? MissingArguments { get; init; }

    /// <summary>Paragraphs printed after the options (what a value means, where data comes from).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
