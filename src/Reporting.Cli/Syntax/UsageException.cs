namespace Reporting.Cli.Syntax;

/// <summary>A usage error: the message says what is wrong with the command line (exit 64).</summary>
public sealed class UsageException(string message) : Exception(message);
