using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Ingestion;
using Reporting.Linkage;

namespace Reporting.Estimation;

/// <summary>The estimate for one year and category, or why there is none.</summary>
/// <param name="Lists">the victim sources available for the category that year, in the order police, ase, sante</param>
/// <param name="Outcome">the estimate corrected for missing linkage keys (the published one) and the uncorrected one</param>
public sealed record YearEstimate(int Year, string Category, IReadOnlyList<string> Lists, OverlapTable Overlap, CorrectedOutcome? Outcome, string? NotEstimatedReason)
{
    /// <summary>The published estimate, corrected for missing keys; null when none is published.</summary>
    public CorrectedEstimate? Estimate => NotEstimatedReason is null ? Outcome?.Estimate : null;

    /// <summary>The corrected estimate as computed, even where it is not published (nobody known to all three sources).</summary>
    public CorrectedEstimate? Computed => Outcome?.Estimate;

    /// <summary>The estimate that takes the linked persons for the true capture histories (before issue 19's correction).</summary>
    public MseOutcome? Uncorrected => Outcome?.Uncorrected;

    /// <summary>Each available list's persons and keyed persons in the category that year (the linkage-error facts).</summary>
    public IReadOnlyList<SourceKeyRate> KeyRates { get; init; } = [];
}

/// <summary>
/// Capture-recapture over the linked victim sources (outputs.md: <c>estimation_mse</c>, <c>_bas</c>, <c>_haut</c>, national,
/// <c>toutes</c>): each year's national overlap table, the SparseMSE stepwise model, the profile-likelihood interval.
/// Where the data cannot support an estimate, the cells say <c>x</c> and the reason is published instead of a number.
/// </summary>
public static class OverlapEstimation
{
    /// <summary>Below this many persons seen, or this many per list, no estimate is attempted (a choice stated in the methodology).</summary>
    public const int MinimumPersons = 50;

    public const int MinimumPerList = 10;

    /// <summary>
    /// Below this many persons known to two sources or more, the estimate is computed but not published: its precision
    /// rests on them (a Lincoln–Petersen estimate's relative standard error is about one over the square root of the
    /// persons recaptured, so fewer than 20 leave a 95 % interval wider than about ± 45 %), and an order of magnitude that
    /// loose is not printed as a figure (a choice stated in the methodology).
    /// </summary>
    public const int MinimumRecaptured = 20;

    /// <summary>Estimated categories: the victims, all forms and each form; persons at risk are not victims.</summary>
    public static readonly IReadOnlyList<string> Categories = [Category.All, Category.Prostitution, Category.Pimping, Category.Trafficking, Category.Other];

    /// <param name="keyRates">the linkage stage's key counts per victim source, year and category (<see cref="KeyRates.Of"/>)</param>
    public static (IndicatorSet Indicators, IReadOnlyList<YearEstimate> Estimates) Apply(IndicatorSet set, Availability availability, IReadOnlyList<SourceKeyRate> keyRates)
    {
        ArgumentNullException.ThrowIfNull(keyRates);
        var estimates = new List<YearEstimate>();
        var cells = new List<Cell>();
        foreach (var overlap in set.Overlaps.Where(o => Categories.Contains(o.Category)))
        {
            if (!availability.IsAvailable(Availability.AllSources, overlap.Category, overlap.Year))
            {
                cells.AddRange(Cells(new YearEstimate(overlap.Year, overlap.Category, [], overlap, null, "aucune source disponible")));
                continue;
            }

            var estimate = EstimateOne(overlap, availability, keyRates);
            estimates.Add(estimate);
            cells.AddRange(Cells(estimate));
        }

        return (set.With(cells), estimates);
    }

    private static YearEstimate EstimateOne(OverlapTable overlap, Availability availability, IReadOnlyList<SourceKeyRate> keyRates) =>
        EstimateLists(overlap, availability, keyRates) with
        {
            KeyRates = keyRates.Where(r => r.Year == overlap.Year && r.Category == overlap.Category && availability.IsAvailable(r.Source, overlap.Category, overlap.Year)).ToArray(),
        };

    private static YearEstimate EstimateLists(OverlapTable overlap, Availability availability, IReadOnlyList<SourceKeyRate> keyRates)
    {
        var sources = OverlapTable.Lists.Where(s => availability.IsAvailable(s, overlap.Category, overlap.Year)).ToArray();
        var names = sources.Select(s => s.Code()).ToArray();
        // With two lists the estimate rests on their independence, which nothing in the data can test: the run
        // publishes an estimate only when the three victim sources are available (a choice stated in the methodology).
        if (sources.Length < 3)
        {
            return new YearEstimate(overlap.Year, overlap.Category, names, overlap, null, "moins de trois sources disponibles : la dépendance entre sources ne peut pas être contrôlée");
        }

        // Patterns of the overlap table use bit (int)source; the estimator numbers the available lists 0..t-1.
        var counts = new long[1 << sources.Length];
        foreach (var (pattern, count) in overlap.CountByPattern)
        {
            var p = 0;
            for (var i = 0; i < sources.Length; i++)
            {
                p |= (pattern & (1 << (int)sources[i])) != 0 ? 1 << i : 0;
            }

            counts[p] += count;
        }

        var table = ListTable.Create(names, counts);
        var perList = Enumerable.Range(0, sources.Length).Select(table.ListTotal).ToArray();
        if (table.ObservedTotal < MinimumPersons || perList.Any(n => n < MinimumPerList))
        {
            return new YearEstimate(overlap.Year, overlap.Category, names, overlap, null, "effectifs trop faibles pour une estimation fiable");
        }

        // The key rates of the lists, counted as the table counts persons (a source's persons are its margin).
        var model = LinkageErrorModel.Estimated(sources.Select(s =>
            keyRates.FirstOrDefault(r => r.Source == s && r.Year == overlap.Year && r.Category == overlap.Category) is { } rate
                ? new ListKeyRate(rate.Persons, rate.Keyed)
                : new ListKeyRate(0, 0)).ToArray());
        var outcome = LinkageCorrection.Estimate(table, model, ModelSpec.Stepwise);

        // With nobody known to all three sources, the total rests on how the pairs alone extrapolate to the persons no
        // source saw: an estimate the data cannot check, not published (a choice stated in the methodology). It is still
        // computed, for the quality report and the tests against the samples' truth.
        if (counts[counts.Length - 1] == 0)
        {
            return new YearEstimate(overlap.Year, overlap.Category, names, overlap, outcome, "aucun mineur n'est connu des trois sources : le recouvrement ne permet pas une estimation fiable");
        }

        var recaptured = counts.Select((n, pattern) => System.Numerics.BitOperations.PopCount((uint)pattern) >= 2 ? n : 0).Sum();
        if (recaptured < MinimumRecaptured)
        {
            return new YearEstimate(overlap.Year, overlap.Category, names, overlap, outcome, "trop peu de mineurs sont connus de plusieurs sources : l'estimation serait trop imprécise pour être publiée");
        }

        return new YearEstimate(overlap.Year, overlap.Category, names, overlap, outcome, outcome.Refusal?.Message);
    }

    private static IEnumerable<Cell> Cells(YearEstimate e)
    {
        CellKey Key(string indicator) => new(indicator, e.Year, Level.France, "FR", e.Category, Availability.AllSources);
        if (e.Estimate is not { } est)
        {
            yield return new Cell(Key(IndicatorCodes.Estimate), null, CellStatus.NotAvailable, []);
            yield return new Cell(Key(IndicatorCodes.EstimateLow), null, CellStatus.NotAvailable, []);
            yield return new Cell(Key(IndicatorCodes.EstimateHigh), null, CellStatus.NotAvailable, []);
            yield return new Cell(Key(IndicatorCodes.ShareSeen), null, CellStatus.NotAvailable, []);
            yield return new Cell(Key(IndicatorCodes.EstimateUncorrected), null, CellStatus.NotAvailable, []);
            yield break;
        }

        yield return new Cell(Key(IndicatorCodes.Estimate), Rounding.OneDecimal((decimal)est.Total), CellStatus.Published, []);
        yield return new Cell(Key(IndicatorCodes.EstimateLow), Rounding.OneDecimal((decimal)est.Interval.Lower), CellStatus.Published, []);
        yield return new Cell(Key(IndicatorCodes.EstimateHigh), Rounding.OneDecimal((decimal)est.Interval.Upper), CellStatus.Published, []);

        // How much of the estimated total the sources see: the persons seen over the estimate (both national, toutes).
        yield return new Cell(Key(IndicatorCodes.ShareSeen), Rounding.OneDecimal(e.Overlap.Persons * 100m / (decimal)est.Total), CellStatus.Published, []);

        // What the correction for missing keys moved: the estimate without it (x where it was refused).
        yield return e.Uncorrected is MseEstimate uncorrected
            ? new Cell(Key(IndicatorCodes.EstimateUncorrected), Rounding.OneDecimal((decimal)uncorrected.Total), CellStatus.Published, [])
            : new Cell(Key(IndicatorCodes.EstimateUncorrected), null, CellStatus.NotAvailable, []);
    }
}
