using System.Diagnostics;
using System.Globalization;
using Reporting.Compute;
using Reporting.Disclosure;

namespace Reporting.Benchmarks;

/// <summary>
/// The secret statistique measured (not a test): on one data folder, every count table protected by each method under
/// several parameter sets; cells hidden by rule, information loss (<see cref="InformationLoss"/>), tables whose loss is
/// higher than the heuristic's, and time per table. The tables come from one computed edition (values survive hiding).
/// </summary>
public static class ProtectionBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly (int Threshold, int Range)[] ParameterSets = [(11, 3), (5, 2), (11, 6)];

    public static int Run(string directory, int year, TextWriter output)
    {
        var computed = AnnualComputation.Compute(directory, new RunParameters(year, new DateOnly(year + 1, 4, 14)));
        if (computed.Edition is not { } edition)
        {
            output.WriteLine(string.Join("\n", computed.Failures));
            return 1;
        }

        var tables = DisclosureControl.CountTables(edition.Indicators, edition.Geography, edition.Catalogue).Select(t => t.Table).ToArray();
        output.WriteLine(string.Create(Inv, $"{directory}: {tables.Length} count tables"));
        output.WriteLine("| threshold/range | method | primary | secondary | whole table (tables) | published non-zero sub-national | loss | tables with loss > heuristic | ms total | ms/table (max) |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (threshold, range) in ParameterSets)
        {
            var parameters = new DisclosureParameters(threshold, range);
            long[]? heuristicLoss = null;
            foreach (var method in Enum.GetValues<SuppressionMethod>())
            {
                // One warm-up table so that the first measure does not include loading the solver.
                Suppression.Protect(tables[0], parameters, method);
                var losses = new long[tables.Length];
                long primary = 0, secondary = 0, whole = 0, wholeTables = 0, nonZero = 0, publishedNonZero = 0;
                var total = Stopwatch.StartNew();
                double slowest = 0;
                for (var k = 0; k < tables.Length; k++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var result = Suppression.Protect(tables[k], parameters, method);
                    slowest = Math.Max(slowest, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    primary += result.Counts.Primary;
                    secondary += result.Counts.Secondary;
                    whole += result.Counts.WholeTableHidden;
                    wholeTables += result.WholeTableHidden ? 1 : 0;
                    losses[k] = InformationLoss.Of(tables[k], result.Pattern, parameters);
                    foreach (var cell in tables[k].Hierarchy.Cells().Where(c => tables[k].ValueOf(c) > 0))
                    {
                        nonZero++;
                        publishedNonZero += result.IsPublished(cell) ? 1 : 0;
                    }
                }

                var worse = heuristicLoss is null ? 0 : losses.Where((l, k) => l > heuristicLoss[k]).Count();
                heuristicLoss ??= losses;
                output.WriteLine(string.Create(Inv,
                    $"| {threshold}/{range} | {method} | {primary} | {secondary} | {whole} ({wholeTables}) | {publishedNonZero} of {nonZero} | {losses.Sum()} | {worse} | {total.Elapsed.TotalMilliseconds:0} | {total.Elapsed.TotalMilliseconds / tables.Length:0.00} ({slowest:0}) |"));
            }
        }

        FewestCells(tables, output);
        WholeRun(edition.Indicators, edition, output);
        return 0;
    }

    /// <summary>
    /// The fewest secondary cells any pattern can hide, table by table (the integer programme with every cell costing 1,
    /// proved optimal by CP-SAT), against the heuristic's and the least-loss method's: no method can hide fewer.
    /// </summary>
    private static void FewestCells(CountTable[] tables, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| threshold/range | fewest secondary cells (exact) | heuristic | least loss | tables not proved |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var (threshold, range) in ParameterSets)
        {
            var parameters = new DisclosureParameters(threshold, range);
            long fewest = 0, heuristic = 0, leastLoss = 0, unproved = 0;
            foreach (var table in tables)
            {
                var byHeuristic = Suppression.Protect(table, parameters, SuppressionMethod.Heuristic);
                heuristic += byHeuristic.Counts.Secondary;
                leastLoss += Suppression.Protect(table, parameters, SuppressionMethod.Optimal).Counts.Secondary;
                if (byHeuristic.WholeTableHidden || byHeuristic.Counts.Secondary == 0)
                {
                    continue;
                }

                if (OptimalSuppression.FewestSecondaryCells(table, parameters, byHeuristic.Pattern) is { } n)
                {
                    fewest += n;
                }
                else
                {
                    fewest += byHeuristic.Counts.Secondary;
                    unproved++;
                }
            }

            output.WriteLine(string.Create(Inv, $"| {threshold}/{range} | {fewest} | {heuristic} | {leastLoss} | {unproved} |"));
        }
    }

    /// <summary>
    /// The whole secret statistique of a run (<see cref="DisclosureControl.Apply"/>: count tables, linked tables, implied
    /// counts of the shares, per-cell rules and audits), timed, with the cells hidden by each rule. The edition's cells are
    /// first given back the statuses they had before protection (a hidden cell without a value was a <c>z</c>).
    /// </summary>
    private static void WholeRun(Reporting.Indicators.IndicatorSet protectedSet, Edition edition, TextWriter output)
    {
        var cells = protectedSet.Cells.Select(c => c.Status != Reporting.Indicators.CellStatus.Confidential ? c
            : c with { Status = c.Value is null ? Reporting.Indicators.CellStatus.NotApplicable : Reporting.Indicators.CellStatus.Published, SuppressionRule = null });
        var set = protectedSet.With(cells);
        output.WriteLine();
        output.WriteLine("| threshold/range | whole run ms | hidden by rule |");
        output.WriteLine("|---|---|---|");
        foreach (var (threshold, range) in ParameterSets)
        {
            var started = Stopwatch.GetTimestamp();
            var result = DisclosureControl.Apply(set, edition.Geography, new DisclosureParameters(threshold, range), edition.Catalogue);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var rules = result.Indicators.Cells.Where(c => c.SuppressionRule is not null).GroupBy(c => c.SuppressionRule!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => string.Create(Inv, $"{g.Key} {g.Count()}"));
            output.WriteLine(string.Create(Inv, $"| {threshold}/{range} | {ms:0} | {string.Join(", ", rules)} |"));
        }
    }

    /// <summary>The tables whose pattern differs between the two methods: the secondary cells of each, and the loss.</summary>
    public static int Differences(string directory, int year, int threshold, int range, TextWriter output)
    {
        var computed = AnnualComputation.Compute(directory, new RunParameters(year, new DateOnly(year + 1, 4, 14)));
        if (computed.Edition is not { } edition)
        {
            output.WriteLine(string.Join("\n", computed.Failures));
            return 1;
        }

        var parameters = new DisclosureParameters(threshold, range);
        foreach (var (key, table) in DisclosureControl.CountTables(edition.Indicators, edition.Geography, edition.Catalogue))
        {
            var heuristic = Suppression.Protect(table, parameters, SuppressionMethod.Heuristic);
            var optimal = Suppression.Protect(table, parameters, SuppressionMethod.Optimal);
            if (!heuristic.Pattern.SameAs(optimal.Pattern))
            {
                output.WriteLine(string.Create(Inv, $"{key.Indicator} {key.Source} {key.Category} {key.Year}: heuristic {Secondary(heuristic)} (loss {InformationLoss.Of(table, heuristic.Pattern, parameters)}) → optimal {Secondary(optimal)} (loss {InformationLoss.Of(table, optimal.Pattern, parameters)})"));
            }
        }

        return 0;
    }

    private static string Secondary(ProtectedTable result) => string.Join(" ", result.Pattern.HiddenCells
        .Where(c => result.StatusOf(c) == SuppressionStatus.Secondary)
        .Select(c => string.Create(Inv, $"{(c.Level == CellLevel.Region ? "R" : "D")}{c.Code}={result.Table.ValueOf(c)}")));
}
