using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Reporting.Compute;
using Reporting.Run;

namespace Reporting.Benchmarks;

/// <summary>A stage of the run as its log announces it, with the time and bytes allocated since the run started.</summary>
public sealed record PhaseMark(string Message, double Seconds, long AllocatedBytes)
{
    /// <summary>Seconds the JIT compiler spent so far (all threads): a fresh process pays it, a warm one does not.</summary>
    public double JitSeconds { get; init; }

    /// <summary>Processor seconds of the whole process so far, every thread.</summary>
    public double CpuSeconds { get; init; }
}

/// <summary>What one engine process measured: the whole run, its stages, what it read, and its peak memory.</summary>
public sealed record EngineMeasure(bool Succeeded, string? Failure, double Seconds, long Lines, long Bytes, long PeakBytes, long AllocatedBytes, IReadOnlyList<PhaseMark> Phases)
{
    /// <summary>Processor seconds of the whole process at the end of the run (every thread, the runtime's start included).</summary>
    public double CpuSeconds { get; init; }

    /// <summary>Seconds from the start of the run to the first log line that starts with <paramref name="prefix"/>.</summary>
    public double? Until(string prefix) => Phases.FirstOrDefault(p => p.Message.StartsWith(prefix, StringComparison.Ordinal))?.Seconds;
}

/// <summary>
/// Runs <see cref="AnnualRun.Execute"/> once, in a fresh process (the benchmark starts one per measure), so that its
/// peak memory is the process's own high-water mark and no earlier scenario warmed its caches or grew its heap.
/// The stages are timed through the run's own log: each line it writes is a stage starting, so new stages (rendering of
/// the PDF and workbook) are timed without changing the benchmark.
/// </summary>
public static class EngineChild
{
    public const string ResultPrefix = "RESULT ";

    /// <param name="warm">run once before measuring (a diagnosis of what a fresh process pays: JIT, first allocations)</param>
    public static int Run(string dataDirectory, int year, TextWriter stdout, bool warm = false)
    {
        if (warm)
        {
            AnnualRun.Execute(dataDirectory, new RunParameters(year, new DateOnly(2026, 4, 14)));
        }

        var log = new PhaseLog();
        var parameters = new RunParameters(year, new DateOnly(2026, 4, 14));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        log.Start(allocatedBefore);
        var outcome = AnnualRun.Execute(dataDirectory, parameters, log);
        var seconds = log.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var files = outcome.Quality?.Ingestion.Files ?? [];
        var inputs = Directory.EnumerateFiles(dataDirectory, "*.csv").Sum(f => new FileInfo(f).Length);
        var measure = new EngineMeasure(
            outcome.Succeeded,
            outcome.Succeeded ? null : string.Join(" | ", outcome.Failures),
            seconds,
            files.Sum(f => (long)f.LinesRead),
            inputs,
            PeakMemory.OfThisProcess(),
            allocated,
            log.Marks)
        {
            CpuSeconds = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
        };
        stdout.WriteLine(ResultPrefix + JsonSerializer.Serialize(measure));
        return outcome.Succeeded ? 0 : 1;
    }

    /// <summary>A log that remembers when each line was written; it prints nothing.</summary>
    private sealed class PhaseLog : TextWriter
    {
        private readonly Stopwatch clock = new();
        private readonly StringBuilder line = new();
        private long allocatedAtStart;

        public List<PhaseMark> Marks { get; } = [];

        public double Elapsed => clock.Elapsed.TotalSeconds;

        public override Encoding Encoding => Encoding.UTF8;

        public void Start(long allocated)
        {
            allocatedAtStart = allocated;
            clock.Restart();
        }

        public override void Write(char value)
        {
            if (value == '\n')
            {
                Marks.Add(new PhaseMark(line.ToString().TrimEnd('\r'), clock.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: false) - allocatedAtStart)
                {
                    JitSeconds = System.Runtime.JitInfo.GetCompilationTime().TotalSeconds,
                    CpuSeconds = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
                });
                line.Clear();
            }
            else
            {
                line.Append(value);
            }
        }
    }
}

/// <summary>The process's peak resident memory: what the machine had to give it at the worst moment.</summary>
public static class PeakMemory
{
    public static long OfThisProcess()
    {
        // VmHWM is the kernel's own high-water mark of the resident set: it sees native memory too (DuckDB's, the runtime's).
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var l in File.ReadLines(status))
            {
                if (l.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = l["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64;
    }
}
