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

    /// <summary>The nomenclature says which codes are digital (2026-2 on); without it every digital figure is <c>x</c>.</summary>
    public bool FlagsDigital => nomenclature.FlagsDigital;

    /// <summary>A category of a source has a code flagged <c>numerique</c> valid during the year.</summary>
    public bool HasDigitalCode(Source source, string category, int year) => nomenclature.HasDigitalCode(source, category, year);

    /// <summary>
    /// The digital figures of a category, source and year exist: the category is available (<see cref="IsAvailable(Source, string, int)"/>)
    /// and one of its codes is flagged that year. Otherwise <c>x</c>: with no flagged code nothing can be counted, and a
    /// count of 0 would read as "no digital case".
    /// </summary>
    public bool IsDigitalAvailable(Source source, string category, int year) =>
        IsAvailable(source, category, year) && nomenclature.FlagsDigital && nomenclature.HasDigitalCode(source, category, year);
}
