using Reporting.Quality;

namespace Reporting.Ingestion;

/// <summary>What reading one file found: counts by rule, every issue, and the failure that stops the run if any.</summary>
public sealed record FileReport(
    string File,
    string Kind,
    int? Year,
    string Encoding,
    int LinesRead,
    int LinesKept,
    int LinesRejected,
    IReadOnlyList<LineIssue> Issues,
    IReadOnlyList<FileWarning> FileWarnings,
    FileFailure? Failure)
{
    public IReadOnlyList<(Rule Rule, int Count)> CountByRule(Severity severity) => Issues
        .Where(i => i.Rule.Severity == severity)
        .GroupBy(i => i.Rule)
        .Select(g => (g.Key, g.Count()))
        .OrderByDescending(x => x.Item2)
        .ThenBy(x => x.Key.Code, StringComparer.Ordinal)
        .ToArray();

    public int WarningCount => Issues.Count(i => i.Rule.Severity == Severity.Warning) + FileWarnings.Count;
}

public sealed record FileWarning(Rule Rule, string Detail);
