using Reporting.Indicators;
using Reporting.Reference;
using Reporting.Tests.Support;

namespace Reporting.Tests.Run;

[StartsEarly]
public sealed class AnnualRunSamplesTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Departements_add_up_to_regions_and_regions_to_France_for_every_count()
    {
        var set = SampleRun.Edition.Indicators;
        var geography = Geography.Default;
        var checkedTables = 0;
        foreach (var france in set.Cells.Where(c => IndicatorCodes.IsProtectedCount(c.Key.Indicator) && c.Key.Level == Level.France && c.Value is not null))
        {
            var k = france.Key;
            long regions = 0;
            foreach (var region in geography.Regions)
            {
                var value = set.Get(k.Indicator, k.Year, Level.Region, region.Code, k.Category, k.Source).Value!.Value;
                var deps = region.Departements.Sum(d => set.Get(k.Indicator, k.Year, Level.Departement, d, k.Category, k.Source).Value!.Value);
                Assert.Equal(value, deps);
                regions += (long)value;
            }

            Assert.Equal((long)france.Value!.Value, regions);
            checkedTables++;
        }

        Assert.True(checkedTables > 300, $"only {checkedTables} tables checked");
    }

    [Fact]
    public void No_count_of_1_to_10_persons_is_published_below_the_national_level()
    {
        var published = SampleRun.Edition.Indicators.Cells
            .Where(c => IndicatorCodes.IsCount(c.Key.Indicator) && c.Key.Level != Level.France && c.Shown is >= 1 and <= 10)
            .Select(c => c.Key)
            .ToArray();

        Assert.Empty(published);
    }

    [Fact]
    public void France_is_always_published_and_some_departements_are_hidden()
    {
        var cells = SampleRun.Edition.Indicators.Cells;
        Assert.DoesNotContain(cells, c => c.Key.Level == Level.France && c.Status == CellStatus.Confidential);
        Assert.Contains(cells, c => c.Key.Level == Level.Departement && c.Status == CellStatus.Confidential);
        Assert.Contains(cells, c => c.Key.Level == Level.Departement && c.Key.Indicator == IndicatorCodes.MinorVictims && c.Status == CellStatus.Published && c.Value > 10);
    }

    /// <summary>
    /// The shared run against a whole new one, in a process of its own, under another time zone and another culture:
    /// every file the same bytes (no clock, no random id, no culture; the PDF dates were the machine's local time).
    /// </summary>
    [ProcessFact]
    [Trait("Category", "Process")]
    public void Two_runs_on_the_same_inputs_give_identical_bytes_whatever_the_time_zone_and_culture()
    {
        var outRoot = Path.Combine(dir.Path, "out");
        using var elsewhere = Reporting.Tests.Cli.EngineProcess.Start(
            ["run", "--data", RepositoryPaths.DataSamples, "--year", "2025", "--out", outRoot, "--publication-date", "2026-04-14"],
            new Dictionary<string, string> { ["TZ"] = "Pacific/Kiritimati", ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8" });
        var (code, _, err) = elsewhere.Finish();

        Assert.True(code == 0, err);
        var folder = Path.Combine(outRoot, "2025");
        var there = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);
        Assert.Equal(SampleRun.Outcome.Files.Select(f => f.RelativePath).Order(StringComparer.Ordinal), there.Keys.Order(StringComparer.Ordinal));
        Assert.All(SampleRun.Outcome.Files, f => Assert.True(f.Content.AsSpan().SequenceEqual(there[f.RelativePath]), $"{f.RelativePath} differs between two runs"));
    }

    /// <summary>
    /// No key of the samples, nor any half of one (32 hex characters in a row), in any output: every file's bytes and,
    /// for the workbook, every part of its zip. The PDFs' text is the composition, which the snapshot holds.
    /// </summary>
    [Fact]
    public void No_linkage_key_appears_in_any_output_of_a_run()
    {
        var keys = LinkageKeys.Of(Directory.GetFiles(RepositoryPaths.DataSamples, "*.csv")
            .Where(f => !Path.GetFileName(f).StartsWith("population", StringComparison.Ordinal)));
        Assert.True(keys.Count > 10_000, $"only {keys.Count} keys found in the samples");
        foreach (var file in SampleRun.Outcome.Files)
        {
            foreach (var (part, bytes) in LinkageKeys.Parts(file))
            {
                Assert.False(keys.Leaks(bytes), $"a linkage key appears in {part}");
            }
        }
    }

    [Fact]
    public void The_manifest_names_every_input_and_output_with_its_checksum()
    {
        var manifest = System.Text.Json.JsonDocument.Parse(SampleRun.Outcome.Files.Single(f => f.RelativePath == "manifest.json").Content).RootElement;
        Assert.Equal("2026-2", manifest.GetProperty("nomenclature").GetProperty("version").GetString());
        Assert.Equal("2026-04-14", manifest.GetProperty("parametres").GetProperty("date_publication").GetString());
        var inputs = manifest.GetProperty("entrees").EnumerateArray().Select(e => e.GetProperty("fichier").GetString()).ToArray();
        Assert.Contains("police_2016.csv", inputs);
        Assert.Contains("population.csv", inputs);
        Assert.Equal(41, inputs.Length);
        var outputs = manifest.GetProperty("sorties").EnumerateArray().Select(e => e.GetProperty("fichier").GetString()).ToArray();
        Assert.Equal(SampleRun.Outcome.Files.Where(f => f.RelativePath != "manifest.json").Select(f => f.RelativePath).Order(StringComparer.Ordinal), outputs);
    }

    [Fact]
    public void The_capture_recapture_interval_covers_the_simulated_truth_for_all_forms()
    {
        var truth = File.ReadAllLines(Path.Combine(RepositoryPaths.DataSamples, "simulation", "verite.csv")).Skip(1)
            .Select(l => l.Split(';')).ToDictionary(f => int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), f => decimal.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture));
        var set = SampleRun.Edition.Indicators;
        var covered = 0;
        var estimated = 0;
        foreach (var (year, total) in truth)
        {
            // Years in which nobody is known to all three sources have no estimate (x), by choice.
            if (set.Get(IndicatorCodes.Estimate, year, Level.France, "FR", "ESM", "toutes").Shown is null)
            {
                Assert.Equal(0m, set.Get(IndicatorCodes.SeenByThree, year, Level.France, "FR", "ESM", "toutes").Shown);
                continue;
            }

            estimated++;
            var low = set.Get(IndicatorCodes.EstimateLow, year, Level.France, "FR", "ESM", "toutes").Shown!.Value;
            var high = set.Get(IndicatorCodes.EstimateHigh, year, Level.France, "FR", "ESM", "toutes").Shown!.Value;
            var seen = set.Get(IndicatorCodes.MinorVictims, year, Level.France, "FR", "ESM", "toutes").Shown!.Value;
            Assert.True(low >= seen, $"{year}: the lower bound {low} is below the {seen} persons seen");
            covered += low <= total && total <= high ? 1 : 0;
        }

        // Each published year a 95 % interval: all but one must cover the truth (a loose check; coverage is measured in Estimation).
        Assert.True(estimated >= 5 && covered >= estimated - 1, $"{covered} of {estimated} intervals cover the simulated truth");
    }
}
