using System.Diagnostics;
using Reporting.Disclosure;
using Xunit.Abstractions;

namespace Reporting.Tests.Disclosure;

/// <summary>Seeded random tables: protection always passes a fresh attack, and nothing small is published.</summary>
public sealed class PropertyTests(ITestOutputHelper output)
{
    private const int TableCount = 400;

    [Fact]
    public void RandomTablesOnTheRealHierarchy_AlwaysPassTheAudit()
    {
        var p = DisclosureParameters.Default;
        var tables = Enumerable.Range(0, TableCount).Select(seed => Tables.Random(Hierarchies.France, seed)).ToArray();

        // Warm-up (JIT) outside the measure.
        _ = Suppression.Protect(Tables.Random(Hierarchies.France, -1), p);
        var perRegime = new double[5];
        var results = new ProtectedTable[tables.Length];
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < tables.Length; k++)
        {
            var start = clock.Elapsed.TotalMilliseconds;
            results[k] = Suppression.Protect(tables[k], p);
            perRegime[k % 5] += clock.Elapsed.TotalMilliseconds - start;
        }

        clock.Stop();

        var auditClock = Stopwatch.StartNew();
        foreach (var result in results)
        {
            Assert.True(Audit.Attack(result.Table, result.Pattern, p).Passed);
        }

        auditClock.Stop();

        foreach (var result in results)
        {
            Checks.FullyProtected(result, crossCheckWithSimplex: false);
        }

        // Weakening and the exact simplex on a sample (the simplex is the slow, independent oracle).
        foreach (var result in results.Where((_, k) => k % 20 == 0))
        {
            Checks.Protects(result);
        }

        var whole = results.Count(r => r.WholeTableHidden);
        var hidden = results.Where(r => !r.WholeTableHidden).Sum(r => r.Counts.Hidden);
        var secondary = results.Sum(r => r.Counts.Secondary);
        var perTable = clock.Elapsed.TotalMilliseconds / TableCount;
        var auditPerTable = auditClock.Elapsed.TotalMilliseconds / TableCount;
        output.WriteLine(FormattableString.Invariant(
            $"{TableCount} tables: Protect {perTable:F3} ms/table (its audit included), audit alone {auditPerTable:F3} ms/table"));
        output.WriteLine(FormattableString.Invariant(
            $"{whole} whole-table, {secondary} secondary cells, {hidden} hidden cells in the others"));
        output.WriteLine("ms/table by regime (sparse, small, mixed, large, handful): " + string.Join(", ",
            perRegime.Select(ms => (ms / (TableCount / 5)).ToString("F3", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.InRange(whole, 1, TableCount - 1);
        Assert.True(secondary > 0);
    }

    [Fact]
    public void RandomTables_StrongerIntruder_AndOtherParameters()
    {
        var settings = new[]
        {
            new DisclosureParameters(intruderKnowsSecondaryIsLarge: true),
            new DisclosureParameters(threshold: 5, protectionRange: 2),
            new DisclosureParameters(threshold: 11, protectionRange: 5),
        };
        foreach (var p in settings)
        {
            for (var seed = 0; seed < 60; seed++)
            {
                var result = Suppression.Protect(Tables.Random(Hierarchies.France, 10_000 + seed), p);
                Checks.FullyProtected(result, crossCheckWithSimplex: seed % 15 == 0);
            }
        }
    }

    [Fact]
    public void RandomTablesOnTheSmallHierarchy_PassAndEverySecondaryIsNeeded()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var result = Suppression.Protect(Tables.Random(Hierarchies.Small, seed), DisclosureParameters.Default);
            Checks.Protects(result);
        }
    }
}
