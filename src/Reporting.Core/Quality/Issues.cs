namespace Reporting.Quality;

/// <summary>
/// One finding on one line. <see cref="Value"/> is the offending value, except for <c>cle_chainage</c>,
/// whose value is never kept (extracts.md: a key never appears in any output, log or message).
/// </summary>
public sealed record LineIssue(string File, int Line, string Column, Rule Rule, string? Value);

/// <summary>A finding that stops the run: the file cannot be trusted at all.</summary>
public sealed record FileFailure(string File, Rule Rule, string Detail)
{
    public string Message => $"{File} : {Rule.Label} — {Detail}";
}
