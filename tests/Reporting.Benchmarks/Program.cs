using System.Globalization;
using Reporting.Benchmarks;

// The composition root of the benchmark: `all` prepares the data and measures; `engine` and `duckdb` are the child
// processes it starts, one per measure, so that each peak memory is a process's own.
var inv = CultureInfo.InvariantCulture;
try
{
    return args.FirstOrDefault() switch
    {
        "all" => Bench.All(BenchOptions.Parse(args[1..]), Console.Out),
        "prepare" => Bench.Prepare(BenchOptions.Parse(args[1..]), Console.Out),
        "engine" when args.Length == 3 => EngineChild.Run(args[1], int.Parse(args[2], inv), Console.Out),
        "engine" when args.Length == 4 && args[3] == "--warm" => EngineChild.Run(args[1], int.Parse(args[2], inv), Console.Out, warm: true),
        "duckdb" when args.Length == 2 => DuckDbChild.Run(args[1], Console.Out),
        "sql" when args.Length == 2 => PrintSql(args[1]),
        "profile" when args.Length == 2 => Profile.Run(args[1], Console.Out),
        "protection-diff" when args.Length == 5 => ProtectionBench.Differences(args[1], int.Parse(args[2], inv), int.Parse(args[3], inv), int.Parse(args[4], inv), Console.Out),
        "protection" when args.Length == 3 => ProtectionBench.Run(args[1], int.Parse(args[2], inv), Console.Out),
        _ => Usage(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return Usage();
}

static int PrintSql(string dir)
{
    Console.WriteLine(DuckDbChild.Query(dir, Reporting.Harmonisation.Nomenclature.Shipped()));
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Reporting.Benchmarks all      [--lines 5000000] [--scale 100] [--repeat 3] [--root DIR] [--only police|samples]
               Reporting.Benchmarks prepare  [same options]   generate the data only (kept under artifacts/bench/)
               Reporting.Benchmarks engine DIR YEAR [--warm]  one engine run, one JSON line (used by `all`); --warm runs once first
               Reporting.Benchmarks duckdb DIR                one DuckDB query, one JSON line (used by `all`)
               Reporting.Benchmarks sql DIR                   print the DuckDB query for a folder
               Reporting.Benchmarks profile FILE              the reading of one extract, step by step, on one thread
               Reporting.Benchmarks protection DIR YEAR       the secret statistique of every count table, by method and parameters
               Reporting.Benchmarks protection-diff DIR YEAR THRESHOLD RANGE   the tables whose pattern differs between the methods
        """);
    return 2;
}
