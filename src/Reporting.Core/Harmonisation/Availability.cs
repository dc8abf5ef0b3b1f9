using Reporting.Ingestion;

namespace Reporting.Harmonisation;

/// <summary>
/// Whether a category of a source exists in a year (nomenclature.md, "Not available"): one of the source's codes for it
/// is valid that year, and — a choice the contract leaves open, see the README — the source sent an extract for that
/// year: a missing extract is "not available", never zero. <c>toutes</c> is available when one victim source is.
/// </summary>
public sealed class Availability(Nomenclature nomenclature, IReadOnlySet<(Source Source, int Year)> extracts)
{
    public const string AllSources = "toutes";

    public bool IsAvailable(Source source, string category, int year) =>
        extracts.Contains((source, year)) && nomenclature.IsAvailable(source, category, year);

    public bool IsAvailable(string source, string category, int year) => source == AllSources
        ? SourceNames.Victim.Any(s => IsAvailable(s, category, year))
        : SourceNames.TryParse(source, out var s) && IsAvailable(s, category, year);
}
