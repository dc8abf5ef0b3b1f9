using System.Diagnostics;
using System.Globalization;
using Reporting.Harmonisation;
using Reporting.Ingestion;
using Reporting.Reference;

namespace Reporting.Benchmarks;

/// <summary>
/// The ingestion of one extract taken apart, on one thread, after a warm-up: how long each step takes per line and
/// what it allocates. What the optimisation of ingestion was decided on (README, Performance).
/// </summary>
public static class Profile
{
    public static int Run(string path, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var name = Path.GetFileName(path);
        var source = name.StartsWith("police", StringComparison.Ordinal) ? Source.Police : name.StartsWith("justice", StringComparison.Ordinal) ? Source.Justice : name.StartsWith("ase", StringComparison.Ordinal) ? Source.Ase : Source.Sante;
        var file = new ExtractFile(path, name, source, int.Parse(name[^8..^4], inv));
        var scope = Nomenclature.Shipped().Scope();
        var blocks = new List<CsvBlock>();
        using (var reader = new CsvBlocks(path))
        {
            while (reader.Next() is { } b)
            {
                blocks.Add(b);
            }
        }

        blocks[0].Start = blocks[0].Data.IndexOf((byte)'\n') + 1;
        long lines = 0;
        var fields = new FieldSpan[32];
        foreach (var b in blocks)
        {
            var p = b.Start;
            while (CsvRecordParser.Read(b.Data, p, true, ref fields, out _, out var next, out _) == RecordStatus.Record)
            {
                p = next;
                lines++;
            }
        }

        output.WriteLine(string.Create(inv, $"{name}: {lines:N0} lines, {new FileInfo(path).Length / 1e6:0.0} MB, {blocks.Count} blocks, one thread, best of 3"));
        Time(output, lines, "read blocks from the file", () =>
        {
            using var reader = new CsvBlocks(path);
            while (reader.Next() is { } b)
            {
                b.Release();
            }
        });
        Time(output, lines, "UTF-8 check", () =>
        {
            foreach (var b in blocks)
            {
                _ = System.Text.Unicode.Utf8.IsValid(b.Data);
            }
        });
        Time(output, lines, "split records and fields", () =>
        {
            foreach (var b in blocks)
            {
                var p = b.Start;
                while (CsvRecordParser.Read(b.Data, p, true, ref fields, out _, out var next, out _) == RecordStatus.Record)
                {
                    p = next;
                }
            }
        });
        Time(output, lines, "pass 1: ids of possibly in-scope lines", () =>
        {
            var header = HeaderMap.Build(name, ExtractSchema.For(source), Headers(blocks[0]));
            var scanner = new IdScanner(ExtractSchema.For(source), header, scope, source);
            var ids = new IdHashSet();
            foreach (var b in blocks)
            {
                scanner.Scan(b, ids, ref fields);
            }
        });
        var workspace = new LineWorkspace(ExtractSchema.For(source).Columns.Count);
        var validator = new LineValidator(name, ExtractSchema.For(source), HeaderMap.Build(name, ExtractSchema.For(source), Headers(blocks[0])), file.Year, new System.Text.UTF8Encoding(false), Geography.Default);
        Time(output, lines, "split and validate every line", () =>
        {
            var issues = new List<Reporting.Ingestion.LineIssue>();
            foreach (var b in blocks)
            {
                var p = b.Start;
                while (CsvRecordParser.Read(b.Data, p, true, ref workspace.Fields, out var count, out var next, out _, out var plain) == RecordStatus.Record)
                {
                    p = next;
                    validator.Validate(b.Data, count, 2, workspace, issues, plain);
                }
            }
        });
        PerColumn(output, blocks[1], name, file.Year, source);
        Time(output, lines, "whole reading (both passes, from the file)", () => CsvExtractReader.ReadInScope(file, Geography.Default, IngestionOptions.Default with { Threads = 1 }, scope));
        Time(output, lines, "whole reading, every core", () => CsvExtractReader.ReadInScope(file, Geography.Default, IngestionOptions.Default, scope));
        return 0;
    }

    /// <summary>
    /// The cost of each column's rule alone, on one block read again and again from the cache: a schema of that single
    /// column against the same file (the other columns are then unknown columns, which cost nothing).
    /// </summary>
    private static void PerColumn(TextWriter output, CsvBlock block, string name, int year, Source source)
    {
        var schema = ExtractSchema.For(source);
        var headers = HeaderNames(name, source);
        var fields = new FieldSpan[32];
        long lines = 0;
        var p0 = block.Start;
        while (CsvRecordParser.Read(block.Data, p0, true, ref fields, out _, out var n0, out _) == RecordStatus.Record)
        {
            p0 = n0;
            lines++;
        }

        var repeat = (int)(2_000_000 / lines) + 1;
        var total = lines * repeat;
        var baseline = Measure(() =>
        {
            for (var r = 0; r < repeat; r++)
            {
                var p = block.Start;
                while (CsvRecordParser.Read(block.Data, p, true, ref fields, out _, out var next, out _, out _) == RecordStatus.Record)
                {
                    p = next;
                }
            }
        });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  per column, {total:N0} lines from the cache: split alone {baseline * 1e9 / total:0.0} ns/line; each rule adds:"));
        foreach (var column in schema.Columns.Append(null))
        {
            var single = column is null ? schema : new ExtractSchema(schema.FileKind, [column], null, null);
            var validator = new LineValidator(name, single, HeaderMap.Build(name, single, headers), year, new System.Text.UTF8Encoding(false), Geography.Default);
            var workspace = new LineWorkspace(single.Columns.Count);
            var issues = new List<Reporting.Ingestion.LineIssue>();
            var seconds = Measure(() =>
            {
                for (var r = 0; r < repeat; r++)
                {
                    issues.Clear();
                    var p = block.Start;
                    while (CsvRecordParser.Read(block.Data, p, true, ref workspace.Fields, out var count, out var next, out _, out var plain) == RecordStatus.Record)
                    {
                        p = next;
                        validator.Validate(block.Data, count, 2, workspace, issues, plain);
                    }
                }
            });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {column?.Name ?? "(all columns)",-22} {column?.Kind.ToString() ?? string.Empty,-12} {(seconds - baseline) * 1e9 / total,6:0.0} ns/line"));
        }
    }

    private static string[] HeaderNames(string name, Source source) => source switch
    {
        Source.Police => "id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage".Split(';'),
        _ => throw new ArgumentException($"{name}: the per-column profile knows the police layout only"),
    };

    private static double Measure(Action action)
    {
        action();
        var best = double.MaxValue;
        for (var r = 0; r < 5; r++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static string[] Headers(CsvBlock block)
    {
        var line = System.Text.Encoding.UTF8.GetString(block.Data[..block.Data.IndexOf((byte)'\n')]);
        return line.TrimEnd('\r').Split(';');
    }

    private static void Time(TextWriter output, long lines, string what, Action action)
    {
        action();
        var best = double.MaxValue;
        long allocated = 0;
        for (var r = 0; r < 3; r++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-45} {best,7:0.000} s  {best * 1e9 / lines,6:0.0} ns/line  {allocated / 1e6,8:0.0} MB allocated"));
    }
}
