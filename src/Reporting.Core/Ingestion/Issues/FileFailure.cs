using Reporting.Privacy;

namespace Reporting.Ingestion;

/// <summary>A finding that stops the run: the file cannot be trusted at all.</summary>
public sealed record FileFailure(string File, Rule Rule, string Detail)
{
    public string File { get; init; } = KeyShape.Redact(File);

    public string Detail { get; init; } = KeyShape.Redact(Detail);

    public string Message => $"{File} : {Rule.Label} — {Detail}";
}
