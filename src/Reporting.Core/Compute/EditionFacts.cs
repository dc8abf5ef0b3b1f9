using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Ingestion;

namespace Reporting.Compute;

/// <summary>
/// The map's classes: the quintile bounds of the published départemental rates (all forms, all sources, year N). Each
/// bound is the published rate of a département (<see cref="Bounds"/> keeps its cell), so the legend prints nothing that
/// is not already published.
/// </summary>
public sealed record RateClasses(IReadOnlyList<Cell> Bounds)
{
    public static RateClasses Of(IndicatorSet set, IEnumerable<string> departements, int year)
    {
        var published = departements
            .Select(d => set.Find(new CellKey(IndicatorCodes.Rate, year, Level.Departement, d, Category.All, Availability.AllSources)))
            .OfType<Cell>()
            .Where(c => c.Shown is not null)
            .OrderBy(c => c.Shown)
            .ThenBy(c => c.Key.Territory, StringComparer.Ordinal)
            .ToArray();
        return published.Length == 0
            ? new RateClasses([])
            : new RateClasses([.. Enumerable.Range(1, 4).Select(k => published[Math.Min(published.Length - 1, k * published.Length / 5)])]);
    }

    /// <summary>The class of a rate: 0 below the first bound, 4 from the last.</summary>
    public int ClassOf(decimal rate) => Bounds.Count(b => rate >= b.Shown!.Value);
}

/// <summary>Lines read, kept and rejected over every file of one kind (a source, or the population), and why lines were rejected.</summary>
public sealed record LineCounts(string Kind, long Read, long Kept, long Rejected, IReadOnlyList<(Rule Rule, long Count)> RejectedBy)
{
    public static IReadOnlyList<LineCounts> Of(IngestionReport ingestion) => ingestion.Files
        .GroupBy(f => f.Kind)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new LineCounts(
            g.Key,
            g.Sum(f => (long)f.LinesRead),
            g.Sum(f => (long)f.LinesKept),
            g.Sum(f => (long)f.LinesRejected),
            [.. g.SelectMany(f => f.CountByRule(Severity.Error)).GroupBy(x => x.Rule).Select(x => (x.Key, x.Sum(y => (long)y.Count)))]))
        .ToArray();
}
