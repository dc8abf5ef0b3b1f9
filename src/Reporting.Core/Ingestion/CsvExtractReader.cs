using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Reporting.Quality;
using Reporting.Reference;

namespace Reporting.Ingestion;

public sealed record IngestionOptions(double MaxErrorShare = 0.05)
{
    public static readonly IngestionOptions Default = new();
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

/// <summary>
/// Streams one extract and applies every rule of the data contract, line by line. Valid rows go to the sink
/// as they are read; nothing holds the whole file. Bad lines become <see cref="LineIssue"/>s, never exceptions.
/// </summary>
public static class CsvExtractReader
{
    private static readonly Encoding Utf8Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 encoding unavailable.");

    public static FileReport Read(string path, string displayName, ExtractSchema schema, int? fileYear, Geography geography, IngestionOptions options, Action<ValidRow> sink)
    {
        Encoding encoding;
        try
        {
            encoding = IsValidUtf8(path) ? Encoding.UTF8 : Windows1252;
        }
        catch (IOException e)
        {
            return Failed(displayName, schema, fileYear, "?", new FileFailure(displayName, Rule.Unreadable, e.Message));
        }

        var state = new ReadState(displayName, schema, fileYear, geography);
        var fileWarnings = new List<FileWarning>();
        if (encoding != Encoding.UTF8)
        {
            fileWarnings.Add(new FileWarning(Rule.Windows1252, "les accents ont été lus en Windows-1252"));
        }

        var encodingName = encoding == Encoding.UTF8 ? "UTF-8" : "Windows-1252";
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            SkipUtf8Bom(stream, encoding);
            using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: encoding == Encoding.UTF8);
            var config = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                Delimiter = ";",
                HasHeaderRecord = false,
                IgnoreBlankLines = true,
                DetectDelimiter = false,
                Mode = CsvMode.RFC4180,
                BadDataFound = _ => state.BadQuotes = true,
            };
            using var parser = new CsvParser(reader, config);
            if (!parser.Read())
            {
                return Failed(displayName, schema, fileYear, encodingName, new FileFailure(displayName, Rule.Unreadable, "fichier vide, aucune ligne d'en-tête"));
            }

            var header = HeaderMap.Build(displayName, schema, parser.Record ?? []);
            if (header.Failure is not null)
            {
                return Failed(displayName, schema, fileYear, encodingName, header.Failure);
            }

            fileWarnings.AddRange(header.Warnings);
            while (parser.Read())
            {
                var row = state.Validate(parser, header);
                if (row is not null)
                {
                    sink(row);
                }
            }
        }
        catch (Exception e) when (e is IOException or CsvHelperException)
        {
            return Failed(displayName, schema, fileYear, encodingName, new FileFailure(displayName, Rule.Unreadable, Describe(e)));
        }

        var failure = ErrorShareFailure(displayName, state.LinesRead, state.LinesRejected, options);
        return new FileReport(displayName, schema.FileKind, fileYear, encodingName, state.LinesRead, state.LinesRead - state.LinesRejected, state.LinesRejected, state.Issues, fileWarnings, failure);
    }

    /// <summary>More than the set share of a file's non-blank lines in error stops the run (extracts.md).</summary>
    public static FileFailure? ErrorShareFailure(string file, int linesRead, int linesRejected, IngestionOptions options)
    {
        if (linesRead == 0 || linesRejected <= options.MaxErrorShare * linesRead)
        {
            return null;
        }

        var share = (double)linesRejected / linesRead;
        return new FileFailure(
            file,
            Rule.TooManyErrors,
            string.Create(CultureInfo.InvariantCulture, $"{linesRejected} lignes en erreur sur {linesRead} ({share:P1}), seuil {options.MaxErrorShare:P0}"));
    }

    private static string Describe(Exception e) => e is CsvHelperException csv && csv.Context?.Parser is { } p
        ? $"lecture impossible vers la ligne {p.RawRow}"
        : e.Message;

    private static FileReport Failed(string file, ExtractSchema schema, int? year, string encoding, FileFailure failure) =>
        new(file, schema.FileKind, year, encoding, 0, 0, 0, [], [], failure);

    /// <summary>A file that starts with a UTF-8 byte order mark but is not valid UTF-8 further on: the mark is not text.</summary>
    private static void SkipUtf8Bom(FileStream stream, Encoding encoding)
    {
        if (encoding == Encoding.UTF8)
        {
            return;
        }

        Span<byte> head = stackalloc byte[3];
        var n = stream.Read(head);
        stream.Position = n == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
    }

    /// <summary>Streams the bytes once through a strict decoder: a file that is not valid UTF-8 is read as Windows-1252 (extracts.md).</summary>
    private static bool IsValidUtf8(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var decoder = Utf8Strict.GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[Utf8Strict.GetMaxCharCount(bytes.Length)];
        try
        {
            int n;
            while ((n = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
            }

            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private sealed class HeaderMap
    {
        private HeaderMap(int[] indexOfColumn, int fieldCount, FileFailure? failure, IReadOnlyList<FileWarning> warnings)
        {
            IndexOfColumn = indexOfColumn;
            FieldCount = fieldCount;
            Failure = failure;
            Warnings = warnings;
        }

        /// <summary>For each schema column, its position in the file, or -1 when an optional column is absent.</summary>
        public int[] IndexOfColumn { get; }

        public int FieldCount { get; }

        public FileFailure? Failure { get; }

        public IReadOnlyList<FileWarning> Warnings { get; }

        public static HeaderMap Build(string file, ExtractSchema schema, string[] header)
        {
            // Column names are case-insensitive and trimmed; order is free (extracts.md).
            var names = header.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
            var duplicate = names.Where(n => n.Length > 0).GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                return new HeaderMap([], 0, new FileFailure(file, Rule.DuplicateColumn, $"colonne « {duplicate.Key} »"), []);
            }

            var index = schema.Columns.Select(c => Array.IndexOf(names, c.Name)).ToArray();
            var missing = schema.Columns.Where((c, i) => c.HeaderRequired && index[i] < 0).Select(c => c.Name).ToArray();
            if (missing.Length > 0)
            {
                var detail = missing.Length == 1 ? $"colonne « {missing[0]} »" : "colonnes " + string.Join(", ", missing.Select(m => $"« {m} »"));
                return new HeaderMap([], 0, new FileFailure(file, Rule.MissingColumn, detail), []);
            }

            var known = schema.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var warnings = names
                .Where(n => !known.Contains(n))
                .Select(n => new FileWarning(Rule.UnknownColumn, $"colonne « {n} »"))
                .ToArray();
            return new HeaderMap(index, header.Length, null, warnings);
        }
    }

    private sealed class ReadState(string file, ExtractSchema schema, int? fileYear, Geography geography)
    {
        private readonly List<LineIssue> lineIssues = [];

        public List<LineIssue> Issues { get; } = [];

        public int LinesRead { get; private set; }

        public int LinesRejected { get; private set; }

        public bool BadQuotes { get; set; }

        public ValidRow? Validate(IParser parser, HeaderMap header)
        {
            var line = StartLine(parser);
            LinesRead++;
            lineIssues.Clear();
            var values = new string[schema.Columns.Count];
            DateOnly? referenceDate = null;

            if (BadQuotes)
            {
                BadQuotes = false;
                return Reject(line, new LineIssue(file, line, "*", Rule.BadQuotes, null));
            }

            if (parser.Count != header.FieldCount)
            {
                return Reject(line, new LineIssue(file, line, "*", Rule.FieldCount, $"{parser.Count} champs au lieu de {header.FieldCount}"));
            }

            for (var i = 0; i < schema.Columns.Count; i++)
            {
                var column = schema.Columns[i];
                var raw = header.IndexOfColumn[i] < 0 ? string.Empty : parser[header.IndexOfColumn[i]].Trim();
                values[i] = CheckValue(line, column, raw, out var date);
                if (column.Name == schema.ReferenceDateColumn)
                {
                    referenceDate = date;
                }
            }

            if (referenceDate is { } d && fileYear is { } year && d.Year != year)
            {
                lineIssues.Add(new LineIssue(file, line, schema.ReferenceDateColumn!, Rule.WrongYear, values[IndexOf(schema.ReferenceDateColumn!)]));
            }

            if (schema == ExtractSchema.Justice)
            {
                CheckSentence(line, values);
            }

            Issues.AddRange(lineIssues);
            if (lineIssues.Any(i => i.Rule.Severity == Severity.Error))
            {
                LinesRejected++;
                return null;
            }

            return new ValidRow(schema, values, line, referenceDate);
        }

        /// <summary>
        /// The physical line where the record starts: a quoted field may span lines, and the parser counts rows at the
        /// record's end.
        /// </summary>
        private static int StartLine(IParser parser)
        {
            var spans = false;
            for (var i = 0; i < parser.Count && !spans; i++)
            {
                spans = parser[i]?.Contains('\n', StringComparison.Ordinal) == true;
            }

            if (!spans)
            {
                return parser.RawRow;
            }

            var raw = parser.RawRecord.TrimEnd('\r', '\n');
            return parser.RawRow - raw.Count(c => c == '\n');
        }

        private ValidRow? Reject(int line, LineIssue issue)
        {
            Issues.Add(issue);
            LinesRejected++;
            return null;
        }

        private int IndexOf(string column) => schema.Columns.Select((c, i) => (c, i)).First(x => x.c.Name == column).i;

        /// <summary>A conviction carries its sentence, and only a conviction does (extracts.md, justice).</summary>
        private void CheckSentence(int line, string[] values)
        {
            if (lineIssues.Any(i => i.Column is "peine" or "etape"))
            {
                // The value itself is already wrong: one finding per fault.
                return;
            }

            var step = values[IndexOf("etape")];
            var sentence = values[IndexOf("peine")];
            if (step == "CONDAMNATION" && sentence.Length == 0)
            {
                lineIssues.Add(new LineIssue(file, line, "peine", Rule.ConvictionWithoutSentence, null));
            }
            else if (step.Length > 0 && step != "CONDAMNATION" && sentence.Length > 0)
            {
                lineIssues.Add(new LineIssue(file, line, "peine", Rule.SentenceWithoutConviction, sentence));
            }
        }

        private string CheckValue(int line, ColumnSpec column, string raw, out DateOnly? date)
        {
            date = null;
            if (raw.Length == 0)
            {
                if (column.ValueRequired)
                {
                    lineIssues.Add(new LineIssue(file, line, column.Name, Rule.MissingValue, null));
                }

                return string.Empty;
            }

            switch (column.Kind)
            {
                case ColumnKind.Text:
                    return raw;
                case ColumnKind.Date:
                    date = Values.ParseDate(raw);
                    return date is null ? Fail(line, column, Rule.InvalidDate, raw) : raw;
                case ColumnKind.Departement:
                    var dep = geography.ParseDepartement(raw);
                    if (dep.Code is null)
                    {
                        return Fail(line, column, Rule.InvalidDepartement, raw);
                    }

                    if (dep.LeadingZeroRestored)
                    {
                        lineIssues.Add(new LineIssue(file, line, column.Name, Rule.LeadingZero, raw));
                    }

                    return dep.Code;
                case ColumnKind.Sex:
                    return raw is "F" or "M" or "I" ? raw : Fail(line, column, Rule.InvalidSex, raw);
                case ColumnKind.Age:
                    return Values.ParseAge(raw) is null ? Fail(line, column, Rule.InvalidAge, raw) : raw;
                case ColumnKind.Key:
                    // The value is never recorded: a malformed key may still be a real one.
                    return Values.IsKey(raw) ? raw : Fail(line, column, Rule.InvalidKey, null);
                case ColumnKind.Natinf:
                    return Values.ParseNonNegative(raw) is { } natinf ? natinf.ToString(CultureInfo.InvariantCulture) : Fail(line, column, Rule.InvalidNatinf, raw);
                case ColumnKind.Integer:
                    return Values.ParseInteger(raw) is null ? Fail(line, column, Rule.InvalidInteger, raw) : raw;
                case ColumnKind.NonNegativeInteger:
                    return Values.ParseNonNegative(raw) is null ? Fail(line, column, Rule.InvalidInteger, raw) : raw;
                case ColumnKind.Choice:
                    return column.Choices!.Contains(raw, StringComparer.Ordinal) ? raw : Fail(line, column, Rule.NotInList, raw);
                default:
                    throw new InvalidOperationException($"Unhandled column kind {column.Kind}.");
            }
        }

        private string Fail(int line, ColumnSpec column, Rule rule, string? value)
        {
            lineIssues.Add(new LineIssue(file, line, column.Name, rule, value));
            return string.Empty;
        }
    }
}
