using Reporting.Ingestion;

namespace Reporting.Quality;

/// <summary>
/// The quality report: what the engine read and what it made of it. Each stage adds its section;
/// <c>Publication.Quality.QualityReportWriter</c> renders it in French as Markdown and JSON.
/// </summary>
public sealed record QualityReport(string Title, IngestionReport Ingestion)
{
    /// <summary>How many issues are listed line by line per file in the Markdown (the JSON lists them all).</summary>
    public const int MarkdownIssuesPerFile = 50;

    public IReadOnlyList<QualitySection> Sections { get; init; } = [];
}

/// <summary>A section added by a later stage: a title, paragraphs, and a table (header then rows), plus its JSON form.</summary>
public sealed record QualitySection(string Key, string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> TableHeader, IReadOnlyList<IReadOnlyList<string>> TableRows);
