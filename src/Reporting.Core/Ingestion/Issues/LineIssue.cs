using Reporting.Privacy;

namespace Reporting.Ingestion;

/// <summary>
/// One finding on one line. <see cref="Value"/> is the offending value, except for <c>cle_chainage</c>,
/// whose value is never kept (extracts.md: a key never appears in any output, log or message); a key-shaped value in
/// any other column is masked here, where the finding is made, so that no writer can forget it.
/// </summary>
public sealed record LineIssue(string File, int Line, string Column, Rule Rule, string? Value)
{
    public string File { get; init; } = KeyShape.Redact(File);

    public string Column { get; init; } = KeyShape.Redact(Column);

    public string? Value { get; init; } = KeyShape.Redact(Value);
}
