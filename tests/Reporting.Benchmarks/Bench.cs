using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Reporting.Benchmarks;

public sealed record BenchOptions(int Lines, int Scale, int Repeat, string Root, string? Only)
{
    public static BenchOptions Parse(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var o = new BenchOptions(5_000_000, 100, 3, BenchData.DefaultRoot, null);
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]}: value missing");
            o = args[i] switch
            {
                "--lines" => o with { Lines = int.Parse(value, inv) },
                "--scale" => o with { Scale = int.Parse(value, inv) },
                "--repeat" => o with { Repeat = int.Parse(value, inv) },
                "--root" => o with { Root = Path.GetFullPath(value) },
                "--only" => o with { Only = value is "police" or "samples" ? value : throw new ArgumentException("--only police|samples") },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return o.Repeat < 1 || o.Lines < 10_000 || o.Scale < 1 ? throw new ArgumentException("--repeat ≥ 1, --lines ≥ 10000, --scale ≥ 1") : o;
    }
}

/// <summary>
/// Measures the engine and DuckDB on the same folders, interleaved (engine, DuckDB, engine, DuckDB…) so that a build
/// running on the shared machine slows both alike; the ratio of the medians is the figure tracked, not the seconds.
/// </summary>
public static class Bench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Prepare(BenchOptions options, TextWriter output)
    {
        foreach (var s in Scenarios(options, output))
        {
            output.WriteLine($"{s.Name}: {s.Directory}");
        }

        return 0;
    }

    public static int All(BenchOptions options, TextWriter output)
    {
        var scenarios = Scenarios(options, output);
        output.WriteLine(Machine());
        var rows = new List<string[]>();
        var details = new StringBuilder();
        foreach (var scenario in scenarios)
        {
            var engine = new List<EngineMeasure>();
            var duck = new List<DuckDbMeasure>();
            for (var r = 0; r < options.Repeat; r++)
            {
                engine.Add(Child<EngineMeasure>(output, "engine", scenario.Directory, scenario.Year.ToString(Inv)));
                duck.Add(Child<DuckDbMeasure>(output, "duckdb", scenario.Directory));
                output.WriteLine(string.Create(Inv, $"  {scenario.Name} #{r + 1}: engine {engine[^1].Seconds:0.000} s, DuckDB {duck[^1].Seconds:0.000} s"));
            }

            if (engine.Any(e => !e.Succeeded))
            {
                output.WriteLine($"{scenario.Name}: the engine run failed: {engine.First(e => !e.Succeeded).Failure}");
                return 1;
            }

            rows.AddRange(Rows(scenario, engine, duck));
            details.Append(Stages(scenario, engine));
        }

        var table = Table(["scenario", "measure", "lines", "MB", "engine s", "DuckDB s", "ratio", "lines/s", "MB/s", "engine peak MB", "DuckDB peak MB", "engine CPU s", "DuckDB CPU s"], rows);
        var report = new StringBuilder()
            .AppendLine(Machine())
            .AppendLine(string.Create(Inv, $"median of {options.Repeat} interleaved runs, each in a fresh process; ratio = engine / DuckDB (≤ 1: the engine is not slower)"))
            .AppendLine()
            .Append(table)
            .AppendLine()
            .Append(details)
            .ToString();
        output.WriteLine();
        output.Write(report);
        var path = Path.Combine(options.Root, "results.md");
        File.WriteAllText(path, report);
        output.WriteLine($"written to {path}");
        return 0;
    }

    private static List<Scenario> Scenarios(BenchOptions options, TextWriter output)
    {
        var list = new List<Scenario>();
        if (options.Only is null or "police")
        {
            list.Add(BenchData.LargePolice(options.Root, new LargeExtractOptions(options.Lines), output));
        }

        if (options.Only is null or "samples")
        {
            list.Add(BenchData.Samples(options.Root, options.Scale, output));
        }

        return list;
    }

    /// <summary>
    /// The measures of a scenario. "ingest+count" is what DuckDB's query does, and more: read, validate every line,
    /// harmonise, link persons and build every indicator cell (the run's log line "Secret statistique" ends it).
    /// "run, no rendering" stops where the run starts writing its publications; "run" is all of <c>AnnualRun.Execute</c>.
    /// </summary>
    private static IEnumerable<string[]> Rows(Scenario scenario, List<EngineMeasure> engine, List<DuckDbMeasure> duck)
    {
        var e0 = engine[0];
        var duckSeconds = Median(duck.Select(d => d.Seconds));
        var duckPeak = Median(duck.Select(d => (double)d.PeakBytes));
        var enginePeak = Median(engine.Select(e => (double)e.PeakBytes));
        var duckCpu = Median(duck.Select(d => d.CpuSeconds));
        var measures = new (string Name, double Seconds, double Cpu)[]
        {
            ("ingest+count", Median(engine.Select(e => e.Until("Secret statistique") ?? e.Seconds)), Median(engine.Select(e => CpuUntil(e, "Secret statistique")))),
            ("run, no rendering", Median(engine.Select(e => e.Until("Écriture des publications") ?? e.Seconds)), Median(engine.Select(e => CpuUntil(e, "Écriture des publications")))),
            ("run", Median(engine.Select(e => e.Seconds)), Median(engine.Select(e => e.CpuSeconds))),
        };
        foreach (var (name, seconds, cpu) in measures)
        {
            yield return
            [
                scenario.Name,
                name,
                e0.Lines.ToString("N0", Inv),
                (e0.Bytes / 1e6).ToString("0.0", Inv),
                seconds.ToString("0.000", Inv),
                duckSeconds.ToString("0.000", Inv),
                (seconds / duckSeconds).ToString("0.00", Inv),
                (e0.Lines / seconds).ToString("N0", Inv),
                (e0.Bytes / 1e6 / seconds).ToString("0", Inv),
                (enginePeak / 1e6).ToString("0", Inv),
                (duckPeak / 1e6).ToString("0", Inv),
                cpu.ToString("0.00", Inv),
                duckCpu.ToString("0.00", Inv),
            ];
        }
    }

    /// <summary>Processor seconds of the engine process when the stage starting with <paramref name="prefix"/> began.</summary>
    private static double CpuUntil(EngineMeasure e, string prefix) =>
        e.Phases.FirstOrDefault(p => p.Message.StartsWith(prefix, StringComparison.Ordinal))?.CpuSeconds ?? e.CpuSeconds;

    /// <summary>The stages of the median engine run, from its log: where the time and the allocations go.</summary>
    private static string Stages(Scenario scenario, List<EngineMeasure> engine)
    {
        var median = engine.OrderBy(e => e.Seconds).ElementAt(engine.Count / 2);
        var rows = new List<string[]>();
        var marks = median.Phases.Append(new PhaseMark("(end)", median.Seconds, median.AllocatedBytes) { CpuSeconds = median.CpuSeconds, JitSeconds = median.Phases.LastOrDefault()?.JitSeconds ?? 0 }).ToArray();
        var previous = new PhaseMark("(start)", 0, 0);
        foreach (var mark in marks)
        {
            rows.Add(
            [
                previous.Message,
                (mark.Seconds - previous.Seconds).ToString("0.000", Inv),
                (mark.CpuSeconds - previous.CpuSeconds).ToString("0.000", Inv),
                (mark.JitSeconds - previous.JitSeconds).ToString("0.000", Inv),
                ((mark.AllocatedBytes - previous.AllocatedBytes) / 1e6).ToString("0", Inv),
            ]);
            previous = mark;
        }

        return $"{scenario.Name} ({scenario.Description}), stages of the median engine run (CPU: every thread; the first stage includes the runtime's start):\n\n" + Table(["stage (log line that starts it)", "s", "CPU s", "JIT s", "allocated MB"], rows) + "\n";
    }

    private static T Child<T>(TextWriter output, params string[] args)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            // Started as `dotnet Reporting.Benchmarks.dll`: the child needs the assembly too.
            start.ArgumentList.Add(typeof(Bench).Assembly.Location);
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("child did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = stdout.Split('\n').LastOrDefault(l => l.StartsWith(EngineChild.ResultPrefix, StringComparison.Ordinal));
        if (line is null)
        {
            output.WriteLine(stdout);
            output.WriteLine(stderr.Result);
            throw new InvalidOperationException($"child {string.Join(' ', args)} exited {process.ExitCode} without a result");
        }

        return JsonSerializer.Deserialize<T>(line[EngineChild.ResultPrefix.Length..]) ?? throw new InvalidOperationException("empty result");
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return string.Create(Inv, $"machine: nproc {Environment.ProcessorCount}, {cpu ?? "unknown CPU"}, load average {load} at start, .NET {Environment.Version}");
    }

    private static string Table(string[] header, IReadOnlyList<string[]> rows)
    {
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        sb.Append('|').AppendJoin('|', header.Select(_ => "---")).AppendLine("|");
        foreach (var r in rows)
        {
            sb.Append("| ").AppendJoin(" | ", r).AppendLine(" |");
        }

        return sb.ToString();
    }
}
