using System.Globalization;
using Reporting.Harmonisation;
using Reporting.Reference;
using Reporting.Samples;

namespace Reporting.Benchmarks;

/// <summary>One data folder the engine and DuckDB both read.</summary>
/// <param name="Year">the run's year (the latest of the folder)</param>
public sealed record Scenario(string Name, string Directory, int Year, string Description);

/// <summary>
/// Makes the benchmark's data once and keeps it under <c>artifacts/bench/</c> (ignored by git): regenerating 380 MB on each
/// run would dominate the benchmark. A stamp file records the generator's parameters, so that a change rebuilds the folder.
/// </summary>
public static class BenchData
{
    public static string DefaultRoot => Path.Combine(RepositoryRoot(), "artifacts", "bench");

    public static Scenario LargePolice(string root, LargeExtractOptions options, TextWriter log)
    {
        var dir = Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"police-{options.Lines / 1_000_000.0:0.#}m"));
        var name = Path.GetFileName(dir);
        if (!IsCurrent(dir, options.Stamp))
        {
            log.WriteLine($"generating {name} ({options.Stamp})…");
            Reset(dir);
            LargePoliceExtract.Write(Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"police_{options.Year}.csv")), options, Nomenclature.Shipped(), Geography.Default);

            // The population lets the run compute rates, as on real data; it is the samples' synthetic one.
            var population = Path.Combine(RepositoryRoot(), "data-samples", "population.csv");
            File.Copy(population, Path.Combine(dir, "population.csv"));
            File.WriteAllText(StampPath(dir), options.Stamp);
        }

        return new Scenario(name, dir, options.Year, string.Create(CultureInfo.InvariantCulture, $"one police extract of {options.Lines:N0} lines, a few thousand in scope"));
    }

    public static Scenario Samples(string root, int scale, TextWriter log)
    {
        var options = new SampleOptions(Scale: scale);
        var stamp = string.Create(CultureInfo.InvariantCulture, $"samples from={options.From} to={options.To} seed={options.Seed} scale={scale}");
        var dir = Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"samples-{scale}"));
        if (!IsCurrent(dir, stamp))
        {
            log.WriteLine($"generating {Path.GetFileName(dir)} (reporting samples --scale {scale})…");
            Reset(dir);
            SampleGenerator.Generate(dir, options, Geography.Default);
            File.WriteAllText(StampPath(dir), stamp);
        }

        return new Scenario(Path.GetFileName(dir), dir, options.To, string.Create(CultureInfo.InvariantCulture, $"`reporting samples --scale {scale}`, {options.From}-{options.To}, four sources"));
    }

    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Reporting.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Reporting.sln not found above the benchmark or the current folder.");
    }

    private static string StampPath(string dir) => Path.Combine(dir, ".stamp");

    private static bool IsCurrent(string dir, string stamp) => File.Exists(StampPath(dir)) && File.ReadAllText(StampPath(dir)) == stamp;

    private static void Reset(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
    }
}
