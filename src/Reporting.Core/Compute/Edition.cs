using Reporting.Disclosure;
using Reporting.Estimation;
using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Ingestion;
using Reporting.Quality;
using Reporting.Reference;

namespace Reporting.Compute;

/// <summary>What the publications say about the run itself: the year, its date, and the secret statistique parameters.</summary>
/// <param name="PublicationDate">printed in the publications; never the clock. Null: a working edition, undated.</param>
public sealed record EditionParameters(int Year, DateOnly? PublicationDate, int Threshold, int ProtectionRange, double MaxErrorShare)
{
    /// <summary>The largest count hidden as a primary cell below the national level (the publications print it).</summary>
    public int LargestHiddenCount => Threshold - 1;

    public static EditionParameters From(RunParameters p) => new(p.Year, p.PublicationDate, p.Threshold, p.ProtectionRange, p.MaxErrorShare);
}

/// <summary>An input file's size and SHA-256, for the manifest.</summary>
public sealed record InputDigest(string Path, long Length, byte[] Sha256);

/// <summary>
/// One computed edition: every figure (as cells, already protected), the facts that describe them (breaks, estimates,
/// protection, quality findings) and the inputs they come from — immutable, and no file written. Each output is a
/// rendering of it; tests of numbers, statuses, disclosure and diffs read it without rendering anything.
/// </summary>
public sealed record Edition(
    EditionParameters Parameters,
    IndicatorCatalogue Catalogue,
    IndicatorSet Indicators,
    IReadOnlyList<YearEstimate> Estimates,
    SeriesBreaks Breaks,
    Nomenclature Nomenclature,
    IngestionReport Ingestion,
    IReadOnlyList<TableProtection> Protection,
    Geography Geography,
    QualityReport Quality,
    IReadOnlyList<InputDigest> Inputs)
{
    public int Year => Parameters.Year;

    public IReadOnlyList<int> Years => Indicators.Years;

    /// <summary>The map's classes, from the published départemental rates.</summary>
    public RateClasses MapClasses { get; init; } = new([]);

    /// <summary>Lines read, kept and rejected by kind of file (the methodology's quality table).</summary>
    public IReadOnlyList<LineCounts> Lines { get; init; } = [];

    /// <summary>Per victim source, year and estimated category: the minors counted and those with a linkage key (issue 19).</summary>
    public IReadOnlyList<Linkage.SourceKeyRate> KeyRates { get; init; } = [];

    /// <summary>What the operator should see before publishing (also in the quality report): file-level warnings and line warnings by rule.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>The edition, or the failures that stop the run (and then nothing is published).</summary>
public sealed record ComputeOutcome(IReadOnlyList<string> Failures, Edition? Edition, QualityReport? Quality)
{
    public bool Succeeded => Failures.Count == 0;
}
