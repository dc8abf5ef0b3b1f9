using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Reporting.Reference;

namespace Reporting.Ingestion;

public sealed record IngestionOptions(double MaxErrorShare = 0.05)
{
    public static readonly IngestionOptions Default = new();

    /// <summary>Bytes read at a time; tests make it small to cut small files into many blocks.</summary>
    internal int BlockSize { get; init; } = CsvBlocks.BlockSize;

    /// <summary>Threads that validate blocks at once; the benchmark's profile measures one.</summary>
    internal int Threads { get; init; } = Environment.ProcessorCount;
}

/// <summary>
/// A line that passed every column rule: its values by schema column (normalised, empty string when absent),
/// with the parsed values the later stages need.
/// </summary>
public sealed class ValidRow
{
    internal ValidRow(ExtractSchema schema, string[] values, int lineNumber, DateOnly? referenceDate)
    {
        Schema = schema;
        Values = values;
        LineNumber = lineNumber;
        ReferenceDate = referenceDate;
    }

    public ExtractSchema Schema { get; }

    public int LineNumber { get; }

    public DateOnly? ReferenceDate { get; }

    internal string[] Values { get; }

    public string this[string column] => Values[IndexOf(column)];

    private int IndexOf(string column)
    {
        for (var i = 0; i < Schema.Columns.Count; i++)
        {
            if (Schema.Columns[i].Name == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"Column {column} is not part of the {Schema.FileKind} schema.", nameof(column));
    }
}

/// <summary>A linkage key read on a valid out-of-scope line, kept because in-scope lines of the file carry the same id.</summary>
public sealed record KeySighting(string PersonId, string Key, int LineNumber);

/// <summary>
/// What a run keeps of one extract: its report, its valid in-scope lines (in file order), the keys its out-of-scope lines
/// carry for ids that have in-scope lines, and the number of out-of-scope lines per code.
/// </summary>
public sealed record ScopedExtract(
    ExtractFile File,
    FileReport Report,
    IReadOnlyList<ExtractLine> Lines,
    IReadOnlyList<KeySighting> Keys,
    IReadOnlyDictionary<string, int> OutOfScopeCodes);

/// <summary>
/// Reads one extract and applies every rule of the data contract to every line. The file is read in blocks of whole
/// records, validated on every core and merged in file order, so the issues and the lines come out as a sequential
/// reading would give them. Nothing holds the whole file; bad lines become <see cref="LineIssue"/>s, never exceptions.
/// <para>
/// A run reads each file twice. Pass 1 checks the encoding and notes the ids of the lines whose code may be in scope;
/// pass 2 validates every line, keeps the in-scope ones and, of an out-of-scope line, only its count by code and, when
/// its id was noted, its key (a key-less in-scope line takes the key of another line of its id, in scope or not:
/// outputs.md). So memory follows the in-scope lines: remembering the key of every keyed line instead, as the reading
/// through CsvHelper did, grew with the whole victim database (1 GB for 5 million lines). A compact map of id hash to
/// key would only shrink that growth; pass 1 costs about a quarter of the reading (README, Performance).
/// </para>
/// </summary>
public static class CsvExtractReader
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 encoding unavailable.");

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Every valid line to <paramref name="sink"/>, in file order, as it is read (one thread).</summary>
    public static FileReport Read(string path, string displayName, ExtractSchema schema, int? fileYear, Geography geography, IngestionOptions options, Action<ValidRow> sink) =>
        ReadFile(path, displayName, schema, fileYear, geography, options, scope: null, source: default, validator => new RowSink(validator, sink), threads: 1);

    /// <summary>
    /// The lines of <paramref name="file"/> a run keeps (see <see cref="ScopedExtract"/>). Every line is validated; only the
    /// in-scope ones become <see cref="ExtractLine"/>s, so memory grows with the lines kept, not with the file.
    /// </summary>
    public static ScopedExtract ReadInScope(ExtractFile file, Geography geography, IngestionOptions options, ExtractScope scope)
    {
        _ = SecondPassCompiled.Value;
        var schema = ExtractSchema.For(file.Source);
        ScopeSink? result = null;
        var report = ReadFile(file.Path, file.Name, schema, file.Year, geography, options, scope, file.Source, validator => result = new ScopeSink(validator, file, scope), threads: options.Threads);
        return result is null ? new ScopedExtract(file, report, [], [], new Dictionary<string, int>()) : result.Finish(report);
    }

    /// <summary>
    /// The loops of pass 2, compiled while pass 1 runs (once per process): they are compiled fully optimised at their first
    /// call, and otherwise both threads of pass 2 would wait for that at its start, with a core idle.
    /// </summary>
    private static readonly Lazy<Task> SecondPassCompiled = new(() => Task.Run(() =>
    {
        const System.Reflection.BindingFlags All = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly;
        foreach (var type in new[] { typeof(LineValidator), typeof(LineValidator).GetNestedType("DepartementCodes", All)!, typeof(LineWorker), typeof(ScopeSink).GetNestedType("Worker", All)! })
        {
            foreach (var method in type.GetMethods(All).Where(m => m.MethodImplementationFlags.HasFlag(System.Reflection.MethodImplAttributes.AggressiveOptimization)))
            {
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
            }
        }
    }));

    private static FileReport ReadFile(
        string path,
        string displayName,
        ExtractSchema schema,
        int? fileYear,
        Geography geography,
        IngestionOptions options,
        ExtractScope? scope,
        Source source,
        Func<LineValidator, LineSink> sinkFor,
        int threads)
    {
        Encoding encoding;
        var encodingName = "?";
        try
        {
            // Pass 1: is the file UTF-8 (extracts.md: otherwise Windows-1252)? The same reading collects the ids of the
            // lines that may be in scope, so that pass 2 keeps the keys of out-of-scope lines for those ids only.
            var idScan = scope is not null && schema.PersonIdColumn is not null && schema.Columns.Any(c => c.Kind == ColumnKind.Key);
            var firstPass = FirstPass(path, displayName, schema, scope, source, idScan, Utf8, threads, options.BlockSize);
            encoding = firstPass.IsUtf8 ? Utf8 : Windows1252;
            encodingName = firstPass.IsUtf8 ? "UTF-8" : "Windows-1252";
            var ids = firstPass.Ids;
            if (idScan && !firstPass.IsUtf8)
            {
                // The header may read differently in Windows-1252 (a byte-order mark, a no-break space): scan again with it.
                ids = FirstPass(path, displayName, schema, scope, source, idScan, Windows1252, threads, options.BlockSize).Ids;
            }

            return SecondPass(path, displayName, schema, fileYear, geography, options, encoding, encodingName, sinkFor, ids, threads);
        }
        catch (IOException e)
        {
            return Failed(displayName, schema, fileYear, encodingName, new FileFailure(displayName, Rule.Unreadable, e.Message));
        }
    }

    private sealed record FirstPassResult(bool IsUtf8, IdHashSet? Ids);

    private static FirstPassResult FirstPass(string path, string displayName, ExtractSchema schema, ExtractScope? scope, Source source, bool idScan, Encoding encoding, int threads, int blockSize)
    {
        using var blocks = new CsvBlocks(path, blockSize);
        var first = blocks.Next();
        IdScanner? scanner = null;
        var ids = idScan ? new IdHashSet() : null;
        var isUtf8 = true;
        if (idScan)
        {
            HeaderMap? header = null;
            while (first is not null && (header = Header(first, encoding, displayName, schema, out var found, out _, out _)) is null && !found)
            {
                // Nothing but blank lines in this block (valid UTF-8): the header is further on.
                first.Release();
                first = blocks.Next();
            }

            if (header is { Failure: null })
            {
                scanner = new IdScanner(schema, header, scope!, source);
            }
        }

        if (first is null)
        {
            return new FirstPassResult(isUtf8, ids);
        }

        var gate = new object();
        Blocks.ForEach(
            first,
            blocks,
            threads,
            () => (Utf8: true, Ids: idScan ? new IdHashSet() : null, Fields: new FieldSpan[32]),
            (block, local) =>
            {
                // A block ends after a line end (ASCII), so it never cuts a multi-byte character: checked block by block.
                local.Utf8 &= System.Text.Unicode.Utf8.IsValid(block.Data);
                if (scanner is not null)
                {
                    scanner.Scan(block, local.Ids!, ref local.Fields);
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    isUtf8 &= local.Utf8;
                    ids?.UnionWith(local.Ids!);
                }
            });
        return new FirstPassResult(isUtf8, ids);
    }

    private static FileReport SecondPass(
        string path,
        string displayName,
        ExtractSchema schema,
        int? fileYear,
        Geography geography,
        IngestionOptions options,
        Encoding encoding,
        string encodingName,
        Func<LineValidator, LineSink> sinkFor,
        IdHashSet? ids,
        int threads)
    {
        using var blocks = new CsvBlocks(path, options.BlockSize);
        var first = blocks.Next();
        HeaderMap? header = null;
        var blankLines = 0L;
        var headerLines = 0;
        while (first is not null && (header = Header(first, encoding, displayName, schema, out var found, out var blank, out headerLines)) is null && !found)
        {
            // Nothing but blank lines in this block: the header is further on.
            blankLines += blank;
            first.Release();
            first = blocks.Next();
        }

        if (first is null || header is null)
        {
            // Only blank lines: nothing is counted, as for any file refused before its lines are read (FileReport).
            first?.Release();
            return Failed(displayName, schema, fileYear, encodingName, new FileFailure(displayName, Rule.Unreadable, "fichier vide, aucune ligne d'en-tête"));
        }

        if (header.Failure is not null)
        {
            first.Release();
            return Failed(displayName, schema, fileYear, encodingName, header.Failure);
        }

        var fileWarnings = new List<FileWarning>();
        if (encoding == Windows1252)
        {
            fileWarnings.Add(new FileWarning(Rule.Windows1252, "les accents ont été lus en Windows-1252"));
        }

        fileWarnings.AddRange(header.Warnings);
        blankLines += header.BlankLinesBefore;
        var validator = new LineValidator(displayName, schema, header, fileYear, encoding, geography);
        var sink = sinkFor(validator);
        sink.Ids = ids is { Count: > 0 } ? ids : null;
        var outcomes = new ConcurrentDictionary<int, BlockOutcome>();
        Blocks.ForEach(
            first,
            blocks,
            threads,
            () => sink.NewWorker(),
            (block, worker) =>
            {
                outcomes[block.Index] = worker.Validate(block);
                return worker;
            },
            sink.Merge);

        var issues = new List<LineIssue>();
        var read = 0L;
        var rejected = 0L;
        RecordSpan? longest = null;
        foreach (var outcome in outcomes.OrderBy(o => o.Key).Select(o => o.Value))
        {
            issues.AddRange(outcome.Issues);
            read += outcome.Read;
            rejected += outcome.Rejected;
            blankLines += outcome.Blank;
            if (outcome.LongestMultiLineRecord is { } span && (longest is null || span.Lines > longest.Lines))
            {
                longest = span;
            }

            sink.Collect(outcome);
        }

        var failure = read == 0
            ? new FileFailure(displayName, Rule.EmptyExtract, EmptyExtractDetail)
            : ErrorShareFailure(displayName, checked((int)read), checked((int)rejected), options, longest);
        return new FileReport(displayName, schema.FileKind, fileYear, encodingName, checked((int)read), checked((int)(read - rejected)), checked((int)rejected), issues, fileWarnings, failure)
        {
            HeaderLines = headerLines,
            BlankLines = checked((int)blankLines),
            LongestMultiLineRecord = longest,
        };
    }

    /// <summary>
    /// A header and no data line: an export that delivered nothing. Read as zero it would publish a fall to 0 (and
    /// -100 %); a source with nothing to send sends no file, which the engine publishes as not available (x).
    /// </summary>
    private const string EmptyExtractDetail =
        "en-tête seul, sans aucune ligne de données : un export qui n'a rien livré ; une source sans données à transmettre n'envoie pas de fichier, et ses chiffres de l'année sont alors publiés « non disponibles » (x), jamais 0";

    /// <summary>
    /// More than the set share of a file's non-blank lines in error stops the run (extracts.md). The share is printed with as
    /// many decimals as it takes to read over the threshold (5,05 % against 5 %, never "5,0 %"); when a quote left open
    /// made a record of several lines, the message names the line where the longest one starts.
    /// </summary>
    public static FileFailure? ErrorShareFailure(string file, int linesRead, int linesRejected, IngestionOptions options, RecordSpan? longestMultiLineRecord = null)
    {
        if (linesRead == 0 || linesRejected <= options.MaxErrorShare * linesRead)
        {
            return null;
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"{linesRejected} lignes en erreur sur {linesRead} ({SharePercent(linesRejected, linesRead, options.MaxErrorShare)}), seuil {ThresholdPercent(options.MaxErrorShare)}");
        if (longestMultiLineRecord is { } span)
        {
            detail += string.Create(CultureInfo.InvariantCulture, $" ; un guillemet non fermé ligne {span.FirstLine} a emporté {span.Lines} lignes physiques (lignes {span.FirstLine} à {span.LastLine})");
        }

        return new FileFailure(file, Rule.TooManyErrors, detail);
    }

    /// <summary>
    /// The share in percent, truncated (never rounded up) to the fewest decimals, from one, that still read over the
    /// threshold: a share over it never prints as equal to it or under it.
    /// </summary>
    internal static string SharePercent(int rejected, int read, double threshold)
    {
        var share = rejected * 100m / read;
        var limit = double.IsFinite(threshold) && Math.Abs(threshold) < 1e9 ? (decimal)threshold * 100m : decimal.MinValue;
        var decimals = 1;
        while (decimals < 12 && Math.Round(share, decimals, MidpointRounding.ToZero) <= limit)
        {
            decimals++;
        }

        return Percent(Math.Round(share, decimals, MidpointRounding.ToZero), decimals);
    }

    /// <summary>The threshold in percent with the decimals it has (5 %, 5,5 %, 0,25 %), never rounded.</summary>
    internal static string ThresholdPercent(double threshold)
    {
        if (!double.IsFinite(threshold) || Math.Abs(threshold) >= 1e9)
        {
            return threshold.ToString(CultureInfo.InvariantCulture);
        }

        var percent = (decimal)threshold * 100m;
        var decimals = 0;
        while (decimals < 12 && Math.Round(percent, decimals) != percent)
        {
            decimals++;
        }

        return Percent(percent, decimals);
    }

    /// <summary>French writing of a percentage, as the publications write it (FrenchFormat): decimal comma, no-break space before %.</summary>
    private static string Percent(decimal percent, int decimals) =>
        percent.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture).Replace('.', ',') + "\u00A0%";

    /// <summary>
    /// Reads the header at the start of <paramref name="block"/> and moves the block's start past it. A UTF-8 byte-order
    /// mark is skipped, as a UTF-8 reader does, and also on a file read as Windows-1252 (a mark followed by invalid UTF-8
    /// further on): the mark is never text.
    /// </summary>
    /// <param name="found">false when the block holds only blank lines (then the result is null)</param>
    /// <param name="blankLines">when nothing was found, the block's blank lines (the header's own are in its map)</param>
    /// <param name="headerLines">the physical lines the header covers</param>
    private static HeaderMap? Header(CsvBlock block, Encoding encoding, string displayName, ExtractSchema schema, out bool found, out long blankLines, out int headerLines)
    {
        var data = block.Data;
        var start = block.Index == 0 && data.StartsWith("\uFEFF"u8) ? 3 : 0;
        var fields = new FieldSpan[32];
        var status = CsvRecordParser.Read(data, start, final: true, ref fields, out var count, out var next, out var breaks);
        found = status == RecordStatus.Record;
        headerLines = 0;
        blankLines = breaks;
        if (!found)
        {
            return null;
        }

        var before = CsvBlocks.LineBreaks(data[start..fields[0].Start]);
        blankLines = 0;
        var last = fields[count - 1];
        var openToTheEnd = last.Start + last.Length == data.Length && data[^1] is (byte)'\r' or (byte)'\n';
        headerLines = checked((int)(breaks - before + (openToTheEnd ? 0 : 1)));

        var scratch = new byte[256];
        var used = 0;
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            var bytes = CsvRecordParser.IsMalformed(data, fields[i])
                ? CsvRecordParser.MalformedValue(data, fields[i], ref scratch, ref used)
                : CsvRecordParser.Value(data, fields[i], ref scratch, ref used);
            names[i] = encoding.GetString(bytes);
        }

        block.Start = next;
        block.FirstLine += breaks + 1;
        return HeaderMap.Build(displayName, schema, names, checked((int)before));
    }

    private static FileReport Failed(string file, ExtractSchema schema, int? year, string encoding, FileFailure failure) =>
        new(file, schema.FileKind, year, encoding, 0, 0, 0, [], [], failure);

    /// <summary>What one block gave: its issues and counts, and what the sink kept of its valid lines.</summary>
    internal sealed class BlockOutcome
    {
        public List<LineIssue> Issues { get; } = [];

        public int Read { get; set; }

        public int Rejected { get; set; }

        /// <summary>Blank lines skipped between and after the block's records.</summary>
        public long Blank { get; set; }

        public RecordSpan? LongestMultiLineRecord { get; set; }

        public List<ExtractLine> Lines { get; } = [];

        public List<KeySighting> Keys { get; } = [];
    }

    /// <summary>What becomes of the valid lines of a file; one <see cref="LineWorker"/> per thread does the work.</summary>
    internal abstract class LineSink(LineValidator validator)
    {
        public LineValidator Validator { get; } = validator;

        public IdHashSet? Ids { get; set; }

        public abstract LineWorker NewWorker();

        public virtual void Merge(LineWorker worker)
        {
        }

        public virtual void Collect(BlockOutcome outcome)
        {
        }
    }

    internal abstract class LineWorker(LineValidator validator)
    {
        protected LineWorkspace Workspace { get; } = new(validator.Schema.Columns.Count);

        protected LineValidator Validator { get; } = validator;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public BlockOutcome Validate(CsvBlock block)
        {
            var outcome = new BlockOutcome();
            var data = block.Data;
            var position = block.Start;
            var line = block.FirstLine;
            var w = Workspace;
            int breaks;
            while (CsvRecordParser.Read(data, position, final: true, ref w.Fields, out var count, out var next, out breaks, out var plain) == RecordStatus.Record)
            {
                // A record is reported at the line where it starts (the parser counts to its last line, as CsvHelper
                // does): only a record with quotes can hold line breaks, so only then are the blank lines before it
                // counted apart.
                var blank = plain ? breaks : CsvBlocks.LineBreaks(data[position..w.Fields[0].Start]);
                var inner = breaks - blank;
                var recordLine = checked((int)(line + blank));
                line += breaks + 1L;
                position = next;
                outcome.Blank += blank;
                // A quote still open at the end of the file takes the file's last line end into the record: that line end
                // starts no line.
                var last = w.Fields[count - 1];
                var lines = last.Start + last.Length == data.Length && data[^1] is (byte)'\r' or (byte)'\n' ? inner : inner + 1;
                if (lines > 1)
                {
                    MultiLine(outcome, recordLine, checked((int)lines));
                    continue;
                }

                outcome.Read++;
                if (!Validator.Validate(data, count, recordLine, w, outcome.Issues, plain))
                {
                    outcome.Rejected++;
                    continue;
                }

                Accept(data, recordLine, outcome, plain);
            }

            // The blank lines after the last record (the parser's end of data).
            outcome.Blank += breaks;
            return outcome;
        }

        /// <summary>
        /// No contract value holds a line break (codes, dates, ids, numbers): a record over several physical lines is a
        /// quote left open, which swallows the lines after it. It is rejected whole, and every line it covers counts as read
        /// and rejected, so that a stray quote that swallows much of a file makes the file fail on the error share.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private void MultiLine(BlockOutcome outcome, int firstLine, int lines)
        {
            outcome.Read += lines;
            outcome.Rejected += lines;
            outcome.Issues.Add(new LineIssue(
                Validator.File,
                firstLine,
                "*",
                Rule.UnclosedQuote,
                string.Create(CultureInfo.InvariantCulture, $"l'enregistrement couvre {lines} lignes physiques (lignes {firstLine} à {firstLine + lines - 1})")));
            if (outcome.LongestMultiLineRecord is null || lines > outcome.LongestMultiLineRecord.Lines)
            {
                outcome.LongestMultiLineRecord = new RecordSpan(firstLine, lines);
            }
        }

        /// <param name="plain">the record has nothing to unquote or trim (see <see cref="CsvRecordParser"/>)</param>
        protected abstract void Accept(ReadOnlySpan<byte> data, int line, BlockOutcome outcome, bool plain);
    }

    /// <summary>Every valid line as a <see cref="ValidRow"/>, straight to the caller's sink (used with one thread).</summary>
    private sealed class RowSink(LineValidator validator, Action<ValidRow> sink) : LineSink(validator)
    {
        public override LineWorker NewWorker() => new Worker(Validator, sink);

        private sealed class Worker(LineValidator validator, Action<ValidRow> sink) : LineWorker(validator)
        {
            protected override void Accept(ReadOnlySpan<byte> data, int line, BlockOutcome outcome, bool plain)
            {
                var values = new string[Validator.Schema.Columns.Count];
                DateOnly? reference = null;
                var referenceColumn = Validator.IndexOf(Validator.Schema.ReferenceDateColumn);
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Validator.GetString(data, Workspace, i);
                }

                if (referenceColumn >= 0 && Workspace.Values[referenceColumn].HasDate)
                {
                    reference = Workspace.Values[referenceColumn].Date;
                }

                sink(new ValidRow(Validator.Schema, values, line, reference));
            }
        }
    }

    /// <summary>
    /// The run's sink: in-scope lines become <see cref="ExtractLine"/>s; an out-of-scope line is counted by code, and its key
    /// kept only when pass 1 saw its id on a line that may be in scope.
    /// </summary>
    private sealed class ScopeSink : LineSink
    {
        private readonly ExtractFile file;
        private readonly ExtractScope scope;
        private readonly NatinfTable outOfScopeNatinf = new();
        private readonly Dictionary<string, int> outOfScopeCodes = new(StringComparer.Ordinal);
        private readonly List<ExtractLine> lines = [];
        private readonly List<KeySighting> keys = [];
        private readonly Columns columns;

        public ScopeSink(LineValidator validator, ExtractFile file, ExtractScope scope)
            : base(validator)
        {
            this.file = file;
            this.scope = scope;
            columns = new Columns(validator, file.Source);
        }

        public override LineWorker NewWorker() => new Worker(this);

        public override void Merge(LineWorker worker)
        {
            var w = (Worker)worker;
            lock (outOfScopeNatinf)
            {
                foreach (var (code, n) in w.OutOfScopeNatinf.Entries())
                {
                    outOfScopeNatinf.Add(code, n);
                }

                foreach (var (code, n) in w.OutOfScopeCodes)
                {
                    outOfScopeCodes[code] = outOfScopeCodes.GetValueOrDefault(code) + n;
                }
            }
        }

        public override void Collect(BlockOutcome outcome)
        {
            lines.AddRange(outcome.Lines);
            keys.AddRange(outcome.Keys);
        }

        public ScopedExtract Finish(FileReport report)
        {
            var codes = new Dictionary<string, int>(outOfScopeCodes, StringComparer.Ordinal);
            foreach (var (code, n) in outOfScopeNatinf.Entries())
            {
                codes[code.ToString(CultureInfo.InvariantCulture)] = n;
            }

            return new ScopedExtract(file, report, lines, keys, codes);
        }

        /// <summary>The schema positions of the columns an <see cref="ExtractLine"/> is made of.</summary>
        private sealed class Columns(LineValidator v, Source source)
        {
            public int Id { get; } = v.IndexOf(v.Schema.PersonIdColumn);

            public int Key { get; } = v.IndexOf("cle_chainage");

            public int Departement { get; } = v.IndexOf("departement");

            public int Reference { get; } = v.IndexOf(v.Schema.ReferenceDateColumn);

            public int Code { get; } = v.IndexOf(ExtractSchema.CodeColumn(source));

            public int Sex { get; } = v.IndexOf("sexe");

            public int Age { get; } = v.IndexOf("age");

            public int Step { get; } = v.IndexOf("etape");

            public int Sentence { get; } = v.IndexOf("peine");

            public int Quantum { get; } = v.IndexOf("quantum_mois");

            public int MinorVictim { get; } = v.IndexOf("victime_mineure");
        }

        private sealed class Worker(ScopeSink sink) : LineWorker(sink.Validator)
        {
            private readonly Dictionary<long, string> natinfText = [];
            private readonly Dictionary<string, string> codeText = new(StringComparer.Ordinal);
            private readonly IdHashSet? ids = sink.Ids;
            private readonly bool natinf = ExtractScope.HasNatinf(sink.file.Source);

            public NatinfTable OutOfScopeNatinf { get; } = new();

            public Dictionary<string, int> OutOfScopeCodes { get; } = new(StringComparer.Ordinal);

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            protected override void Accept(ReadOnlySpan<byte> data, int line, BlockOutcome outcome, bool plain)
            {
                var c = sink.columns;
                var source = sink.file.Source;
                var number = Workspace.Values[c.Code].Number;
                string? textCode = null;
                if (natinf ? sink.scope.Contains(source, number) : sink.scope.Contains(source, textCode = CodeText(data, c.Code)))
                {
                    outcome.Lines.Add(ToLine(data, line, textCode));
                    return;
                }

                if (textCode is null)
                {
                    OutOfScopeNatinf.Add(number, 1);
                }
                else
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(OutOfScopeCodes, textCode, out _)++;
                }

                if (ids is { } lookup && c.Key >= 0 && !Validator.IsEmpty(Workspace, c.Key) && lookup.Contains(IdHashSet.Hash(plain ? IdOf(data) : IdScanner.Coarse(IdBytes(data)))))
                {
                    outcome.Keys.Add(new KeySighting(Validator.GetString(data, Workspace, c.Id), Validator.GetString(data, Workspace, c.Key), line));
                }
            }

            /// <summary>A plain record's id: its field as it lies, which is its coarse form too.</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private ReadOnlySpan<byte> IdOf(ReadOnlySpan<byte> data)
            {
                ref var v = ref Workspace.Values[sink.columns.Id];
                return data.Slice(v.Start, v.Length);
            }

            /// <summary>The id field's value as pass 1 saw it (unquoted, not trimmed): both passes compare its coarse form.</summary>
            private ReadOnlySpan<byte> IdBytes(ReadOnlySpan<byte> data)
            {
                var field = Workspace.Fields[Validator.Header.IndexOfColumn[sink.columns.Id]];
                return CsvRecordParser.Value(data, field, ref Workspace.Scratch, ref Workspace.ScratchUsed);
            }

            private ExtractLine ToLine(ReadOnlySpan<byte> data, int line, string? textCode)
            {
                var c = sink.columns;
                var values = Workspace.Values;
                var file = sink.file;
                JusticeDetail? justice = null;
                if (file.Source == Source.Justice)
                {
                    justice = new JusticeDetail(
                        Validator.GetString(data, Workspace, c.Step),
                        Validator.IsEmpty(Workspace, c.Sentence) ? null : Validator.GetString(data, Workspace, c.Sentence),
                        c.Quantum >= 0 && !Validator.IsEmpty(Workspace, c.Quantum) ? (int)values[c.Quantum].Number : null,
                        Validator.GetString(data, Workspace, c.MinorVictim) switch { "O" => true, "N" => false, _ => null });
                }

                return new ExtractLine(
                    file.Source,
                    file.Year,
                    file.Name,
                    line,
                    Validator.GetString(data, Workspace, c.Id),
                    c.Key < 0 || Validator.IsEmpty(Workspace, c.Key) ? null : Validator.GetString(data, Workspace, c.Key),
                    Validator.GetString(data, Workspace, c.Departement),
                    values[c.Reference].Date,
                    textCode ?? NatinfText(values[c.Code].Number),
                    Values.ParseSex(Validator.GetString(data, Workspace, c.Sex)),
                    Validator.IsEmpty(Workspace, c.Age) ? null : (int)values[c.Age].Number,
                    justice);
            }

            /// <summary>One string per code, not one per line: a few dozen codes over millions of lines.</summary>
            private string NatinfText(long code)
            {
                if (!natinfText.TryGetValue(code, out var text))
                {
                    text = code.ToString(CultureInfo.InvariantCulture);
                    natinfText[code] = text;
                }

                return text;
            }

            /// <summary>The code as a string shared by all its lines, decoded without a string per line.</summary>
            private string CodeText(ReadOnlySpan<byte> data, int column)
            {
                var lookup = codeText.GetAlternateLookup<ReadOnlySpan<char>>();
                ref var v = ref Workspace.Values[column];
                if ((v.Flags & ValueFlags.Decoded) != 0)
                {
                    var decoded = Workspace.Texts[column]!;
                    if (!lookup.TryGetValue(decoded, out var shared))
                    {
                        codeText[decoded] = shared = decoded;
                    }

                    return shared;
                }

                var bytes = LineValidator.Bytes(data, Workspace, v);
                var encoding = Validator.Encoding;
                var chars = bytes.Length <= 64 ? stackalloc char[encoding.GetMaxCharCount(64)] : new char[encoding.GetMaxCharCount(bytes.Length)];
                var n = encoding.GetChars(bytes, chars);
                if (!lookup.TryGetValue(chars[..n], out var text))
                {
                    text = new string(chars[..n]);
                    codeText[text] = text;
                }

                return text;
            }
        }
    }
}
