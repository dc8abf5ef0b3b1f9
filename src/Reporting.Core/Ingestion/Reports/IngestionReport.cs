namespace Reporting.Ingestion;

/// <summary>Everything ingestion learnt about the inputs, for the quality report and the decision to go on.</summary>
public sealed record IngestionReport(IReadOnlyList<FileReport> Files, IReadOnlyList<string> IgnoredFiles, IReadOnlyList<FileFailure> Failures)
{
    public bool HasFailures => Failures.Count > 0;

    public bool HasRejectedLines => Files.Any(f => f.LinesRejected > 0);
}
