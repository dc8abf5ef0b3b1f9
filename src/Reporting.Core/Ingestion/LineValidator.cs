using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Reporting.Reference;

namespace Reporting.Ingestion;

[Flags]
internal enum ValueFlags : byte
{
    None = 0,

    /// <summary>The value's bytes are in the workspace's scratch buffer (a quoted field with doubled quotes).</summary>
    InScratch = 1,

    /// <summary>The value is a string in the workspace's <see cref="LineWorkspace.Texts"/> (decoded, or made empty by an error).</summary>
    Decoded = 2,

    HasDate = 4,
}

/// <summary>
/// One column's value on the line being validated: where its trimmed bytes are, and what was parsed from them
/// (<see cref="Number"/>: the integer, or the index of the département or list value). No reference: a line's
/// values are written without a GC write barrier.
/// </summary>
internal struct ColumnValue
{
    public int Start;
    public int Length;
    public long Number;
    public DateOnly Date;
    public ValueFlags Flags;

    public readonly bool HasDate => (Flags & ValueFlags.HasDate) != 0;
}

internal enum IntegerParse
{
    Integer,
    NotInteger,

    /// <summary>Digits only, but more than a long holds with room (over 18 significant digits).</summary>
    TooLarge,
}

/// <summary>Buffers a thread reuses from line to line, so that validating a line allocates nothing.</summary>
internal sealed class LineWorkspace(int columns)
{
    public FieldSpan[] Fields = new FieldSpan[32];
    public byte[] Scratch = new byte[256];
    public int ScratchUsed;

    public ColumnValue[] Values { get; } = new ColumnValue[columns];

    /// <summary>Values that had to be decoded, by column; read only where the column's flags say so.</summary>
    public string?[] Texts { get; } = new string?[columns];

    public List<LineIssue> LineIssues { get; } = [];
}

/// <summary>The header of a file: where each schema column is, and what stops the file or deserves a warning.</summary>
internal sealed class HeaderMap
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

    /// <summary>Blank lines before the header, for the file's line accounting (FileReport).</summary>
    public int BlankLinesBefore { get; private set; }

    public static HeaderMap Build(string file, ExtractSchema schema, IReadOnlyList<string> header, int blankLinesBefore = 0)
    {
        var map = BuildMap(file, schema, header);
        map.BlankLinesBefore = blankLinesBefore;
        return map;
    }

    private static HeaderMap BuildMap(string file, ExtractSchema schema, IReadOnlyList<string> header)
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
        return new HeaderMap(index, header.Count, null, warnings);
    }
}

/// <summary>
/// Every rule of the data contract for one line, applied to its bytes (extracts.md). The common values (ASCII dates,
/// codes, keys) are checked where they lie, without a string; anything unusual (non-ASCII at a value's ends, a date of
/// another shape) goes through the same string rules as before (<see cref="Values"/>), so both paths decide alike.
/// Issues, rare, are the only strings made for an invalid line.
/// </summary>
internal sealed class LineValidator
{
    private static readonly SearchValues<byte> LowerHex = SearchValues.Create("0123456789abcdef"u8);
    private static readonly string[] Sexes = ["F", "M", "I"];

    private readonly string file;
    private readonly ExtractSchema schema;
    private readonly ColumnSpec[] columns;
    private readonly ColumnKind[] kinds;
    private readonly int[] positions;
    private readonly HeaderMap header;
    private readonly int? fileYear;
    private readonly Encoding encoding;
    private readonly Geography geography;
    private readonly DepartementCodes departements;
    private readonly ListValues[] lists;
    private readonly bool[] required;
    private readonly DateOnly[] daysOfFileYear;
    private readonly int firstDayOfYear;
    private readonly int lastDayOfYear;
    private readonly int referenceColumn;
    private readonly int stepColumn;
    private readonly int sentenceColumn;
    private readonly long[] minimum;
    private readonly long[] maximum;
    private readonly long[] plausible;

    public LineValidator(string file, ExtractSchema schema, HeaderMap header, int? fileYear, Encoding encoding, Geography geography)
    {
        this.file = file;
        this.schema = schema;
        this.header = header;
        this.fileYear = fileYear;
        this.encoding = encoding;
        this.geography = geography;
        columns = schema.Columns.ToArray();
        kinds = columns.Select(c => c.Kind).ToArray();
        positions = header.IndexOfColumn;
        departements = DepartementCodes.For(geography);
        lists = columns.Select(c => new ListValues(c.Choices ?? [])).ToArray();
        required = columns.Select(c => c.ValueRequired).ToArray();
        if (columns.FirstOrDefault(c => c.Kind is ColumnKind.Integer or ColumnKind.NonNegativeInteger && c.Bounds is null) is { } unbounded)
        {
            throw new InvalidOperationException($"The integer column {unbounded.Name} of the {schema.FileKind} schema has no bounds.");
        }

        minimum = columns.Select(c => c.Bounds?.Minimum ?? long.MinValue).ToArray();
        maximum = columns.Select(c => c.Bounds?.Maximum ?? long.MaxValue).ToArray();
        plausible = columns.Select(c => c.Bounds?.Plausible ?? long.MaxValue).ToArray();
        daysOfFileYear = DaysOf(fileYear);
        if (fileYear is { } y and >= 1 and <= 9999)
        {
            (firstDayOfYear, lastDayOfYear) = (new DateOnly(y, 1, 1).DayNumber, new DateOnly(y, 12, 31).DayNumber);
        }
        else
        {
            (firstDayOfYear, lastDayOfYear) = (int.MinValue, int.MaxValue);
        }
        referenceColumn = IndexOf(schema.ReferenceDateColumn);
        var justice = schema == ExtractSchema.Justice;
        stepColumn = justice ? IndexOf("etape") : -1;
        sentenceColumn = justice ? IndexOf("peine") : -1;
    }

    public ExtractSchema Schema => schema;

    /// <summary>The file's name as issues give it.</summary>
    public string File => file;

    public HeaderMap Header => header;

    public Encoding Encoding => encoding;

    public int IndexOf(string? column) => column is null ? -1 : Array.FindIndex(columns, c => c.Name == column);

    /// <summary>
    /// Checks one record. The columns' values are left in <paramref name="w"/>; the line's issues are added to
    /// <paramref name="issues"/>, in the order of the columns (then the year, then the sentence).
    /// </summary>
    /// <returns>true when the line has no error (warnings keep it)</returns>
    /// <param name="plain">the record has no quote, white space or non-ASCII byte (see <see cref="CsvRecordParser"/>): each
    /// field is its value as it lies</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Validate(ReadOnlySpan<byte> data, int count, int line, LineWorkspace w, List<LineIssue> issues, bool plain = false)
    {
        // Everything that makes an issue is out of line: this loop runs for every line of every extract.
        var fields = w.Fields;
        w.ScratchUsed = 0;
        if (!plain && HasMalformedField(data, fields, count))
        {
            return Reject(issues, line, Rule.BadQuotes, null);
        }

        if (count != header.FieldCount)
        {
            return RejectFieldCount(issues, line, count);
        }

        var lineIssues = w.LineIssues;
        if (lineIssues.Count > 0)
        {
            lineIssues.Clear();
        }

        var values = w.Values;
        for (var i = 0; i < values.Length; i++)
        {
            ref var v = ref values[i];
            v.Flags = ValueFlags.None;
            var position = positions[i];
            ReadOnlySpan<byte> bytes;
            if (position < 0)
            {
                v.Length = 0;
                bytes = default;
            }
            else if (plain)
            {
                ref var f = ref fields[position];
                (v.Start, v.Length) = (f.Start, f.Length);
                bytes = data.Slice(f.Start, f.Length);
            }
            else if (Locate(data, ref fields[position], w, i, ref v))
            {
                bytes = Bytes(data, w, v);
            }
            else
            {
                // Non-ASCII at an end of the value: decoded, and checked by the string rules.
                CheckDecoded(line, i, w, ref v);
                continue;
            }

            if (bytes.Length == 0)
            {
                if (required[i])
                {
                    Missing(line, i, w);
                }

                continue;
            }

            switch (kinds[i])
            {
                case ColumnKind.Text:
                    break;
                case ColumnKind.Date:
                    if (TryFileDate(bytes, out v.Date))
                    {
                        v.Flags |= ValueFlags.HasDate;
                    }
                    else
                    {
                        CheckDecoded(line, i, w, ref v, GetString(data, w, i));
                    }

                    break;
                case ColumnKind.Departement:
                    if (departements.TryFind(bytes, out var index, out var restored))
                    {
                        v.Number = index;
                        if (restored)
                        {
                            Warn(data, line, i, Rule.LeadingZero, w, v);
                        }
                    }
                    else
                    {
                        Fail(data, line, i, Rule.InvalidDepartement, w, ref v);
                    }

                    break;
                case ColumnKind.Sex:
                    v.Number = bytes.Length == 1 ? bytes[0] switch { (byte)'F' => 0, (byte)'M' => 1, (byte)'I' => 2, _ => -1 } : -1;
                    if (v.Number < 0)
                    {
                        Fail(data, line, i, Rule.InvalidSex, w, ref v);
                    }

                    break;
                case ColumnKind.Age:
                    if (!TryDigits(bytes, out v.Number) || v.Number > 120)
                    {
                        Fail(data, line, i, Rule.InvalidAge, w, ref v);
                    }

                    break;
                case ColumnKind.Key:
                    if (!IsKey(bytes))
                    {
                        // The value is never recorded: a malformed key may still be a real one.
                        Missing(line, i, w, Rule.InvalidKey);
                    }

                    break;
                case ColumnKind.Natinf:
                    if (!TryDigits(bytes, out v.Number))
                    {
                        Fail(data, line, i, Rule.InvalidNatinf, w, ref v);
                    }

                    break;
                case ColumnKind.Integer:
                case ColumnKind.NonNegativeInteger:
                    var parsed = ParseInteger(bytes, kinds[i] == ColumnKind.Integer, out v.Number);
                    if (parsed != IntegerParse.Integer || v.Number < minimum[i] || v.Number > maximum[i])
                    {
                        Fail(data, line, i, parsed == IntegerParse.NotInteger ? Rule.InvalidInteger : Rule.IntegerOutOfBounds, w, ref v);
                    }
                    else if (v.Number > plausible[i])
                    {
                        Drop(data, line, i, w, ref v);
                    }

                    break;
                case ColumnKind.Choice:
                    v.Number = lists[i].IndexOf(bytes);
                    if (v.Number < 0)
                    {
                        Fail(data, line, i, Rule.NotInList, w, ref v);
                    }

                    break;
                default:
                    throw Unhandled(kinds[i]);
            }
        }

        if (referenceColumn >= 0 && fileYear is not null && values[referenceColumn].HasDate && !InFileYear(values[referenceColumn].Date))
        {
            WrongYear(data, line, w);
        }

        if (stepColumn >= 0)
        {
            CheckSentence(data, line, w);
        }

        return lineIssues.Count == 0 || Keep(lineIssues, issues);
    }

    private static bool HasMalformedField(ReadOnlySpan<byte> data, FieldSpan[] fields, int count)
    {
        for (var i = 0; i < count; i++)
        {
            ref var f = ref fields[i];
            if (f.QuoteMisplaced || (f.Quotes > 0 && CsvRecordParser.IsMalformed(data, f)))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool RejectFieldCount(List<LineIssue> issues, int line, int count) =>
        Reject(issues, line, Rule.FieldCount, string.Create(CultureInfo.InvariantCulture, $"{count} champs au lieu de {header.FieldCount}"));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static InvalidOperationException Unhandled(ColumnKind kind) => new($"Unhandled column kind {kind}.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Reject(List<LineIssue> issues, int line, Rule rule, string? value)
    {
        issues.Add(new LineIssue(file, line, "*", rule, value));
        return false;
    }

    /// <summary>The line's issues to the file's list; the line is kept when they are all warnings.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Keep(List<LineIssue> lineIssues, List<LineIssue> issues)
    {
        var valid = true;
        foreach (var issue in lineIssues)
        {
            issues.Add(issue);
            valid &= issue.Rule.Severity != Severity.Error;
        }

        return valid;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Missing(int line, int column, LineWorkspace w, Rule? rule = null) =>
        w.LineIssues.Add(new LineIssue(file, line, columns[column].Name, rule ?? Rule.MissingValue, null));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Warn(ReadOnlySpan<byte> data, int line, int column, Rule rule, LineWorkspace w, in ColumnValue v) =>
        w.LineIssues.Add(new LineIssue(file, line, columns[column].Name, rule, Raw(data, w, v)));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WrongYear(ReadOnlySpan<byte> data, int line, LineWorkspace w) =>
        w.LineIssues.Add(new LineIssue(file, line, columns[referenceColumn].Name, Rule.WrongYear, GetString(data, w, referenceColumn)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool InFileYear(DateOnly date) => date.DayNumber >= firstDayOfYear && date.DayNumber <= lastDayOfYear;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEmpty(LineWorkspace w, int column)
    {
        ref var v = ref w.Values[column];
        return (v.Flags & ValueFlags.Decoded) != 0 ? w.Texts[column]!.Length == 0 : v.Length == 0;
    }

    /// <summary>
    /// The value as the string reader had it: trimmed and decoded with the file's encoding; the département with its
    /// leading zero, the NATINF without leading zeros; empty when absent.
    /// </summary>
    public string GetString(ReadOnlySpan<byte> data, LineWorkspace w, int column)
    {
        ref var v = ref w.Values[column];
        if ((v.Flags & ValueFlags.Decoded) != 0)
        {
            return w.Texts[column]!;
        }

        if (v.Length == 0)
        {
            return string.Empty;
        }

        return kinds[column] switch
        {
            ColumnKind.Departement => departements.Code((int)v.Number),
            ColumnKind.Choice => columns[column].Choices![(int)v.Number],
            ColumnKind.Sex => Sexes[v.Number],
            ColumnKind.Natinf => v.Number.ToString(CultureInfo.InvariantCulture),
            _ => encoding.GetString(Bytes(data, w, v)),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> data, LineWorkspace w, in ColumnValue v) =>
        (v.Flags & ValueFlags.InScratch) != 0 ? w.Scratch.AsSpan(v.Start, v.Length) : data.Slice(v.Start, v.Length);

    /// <summary>The value as written (trimmed), for an issue: an issue quotes what the file says, not its normal form.</summary>
    private string Raw(ReadOnlySpan<byte> data, LineWorkspace w, in ColumnValue v) => encoding.GetString(Bytes(data, w, v));

    /// <summary>
    /// Finds the field's value, unquoted, with its surrounding white space removed as <see cref="string.Trim()"/> would.
    /// ASCII white space is removed on the bytes. A non-ASCII byte left at an end may be white space in the file's
    /// encoding (a no-break space…): then the value is decoded and trimmed by .NET itself, and false is returned.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Locate(ReadOnlySpan<byte> data, ref FieldSpan f, LineWorkspace w, int column, ref ColumnValue v)
    {
        int start;
        int length;
        ReadOnlySpan<byte> bytes;
        if (f.Quotes == 0)
        {
            (start, length) = (f.Start, f.Length);
            bytes = data.Slice(start, length);
        }
        else if (f.Quotes == 2)
        {
            (start, length) = (f.Start + 1, f.Length - 2);
            bytes = data.Slice(start, length);
        }
        else
        {
            start = w.ScratchUsed;
            bytes = CsvRecordParser.Value(data, f, ref w.Scratch, ref w.ScratchUsed);
            length = bytes.Length;
            v.Flags = ValueFlags.InScratch;
        }

        if (length == 0 || (IsPlain(bytes[0]) && IsPlain(bytes[length - 1])))
        {
            // The usual value: nothing to trim.
            v.Start = start;
            v.Length = length;
            return true;
        }

        var first = 0;
        var last = length - 1;
        while (first <= last && IsAsciiSpace(bytes[first]))
        {
            first++;
        }

        while (last >= first && IsAsciiSpace(bytes[last]))
        {
            last--;
        }

        if (first <= last && (bytes[first] >= 0x80 || bytes[last] >= 0x80))
        {
            w.Texts[column] = encoding.GetString(bytes).Trim();
            v.Flags = ValueFlags.Decoded;
            return false;
        }

        v.Start = start + first;
        v.Length = last - first + 1;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiSpace(byte b) => b == ' ' || (b >= 0x09 && b <= 0x0D);

    /// <summary>Neither white space nor the start or end of a non-ASCII character: a value's end that trimming keeps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlain(byte b) => b is > 0x20 and < 0x80;

    /// <summary>64 lowercase hexadecimal characters (<see cref="Values.IsKey"/>), two vectors at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 64)
        {
            return false;
        }

        if (!Vector256.IsHardwareAccelerated)
        {
            return bytes.IndexOfAnyExcept(LowerHex) < 0;
        }

        ref var origin = ref MemoryMarshal.GetReference(bytes);
        return IsLowerHex(Vector256.LoadUnsafe(ref origin)) && IsLowerHex(Vector256.LoadUnsafe(ref origin, 32));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLowerHex(Vector256<byte> v) =>
        (Vector256.LessThan(v - Vector256.Create((byte)'0'), Vector256.Create((byte)10))
            | Vector256.LessThan(v - Vector256.Create((byte)'a'), Vector256.Create((byte)6))) == Vector256<byte>.AllBitsSet;

    /// <summary>An implausible value: quoted in a warning, then read as absent (the line is kept).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Drop(ReadOnlySpan<byte> data, int line, int column, LineWorkspace w, ref ColumnValue v)
    {
        w.LineIssues.Add(new LineIssue(file, line, columns[column].Name, Rule.ImplausibleQuantum, Raw(data, w, v)));
        MakeEmpty(w, column, ref v);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Fail(ReadOnlySpan<byte> data, int line, int column, Rule rule, LineWorkspace w, ref ColumnValue v)
    {
        w.LineIssues.Add(new LineIssue(file, line, columns[column].Name, rule, Raw(data, w, v)));
        MakeEmpty(w, column, ref v);
    }

    private static void MakeEmpty(LineWorkspace w, int column, ref ColumnValue v)
    {
        // As the string reader: an invalid value reads as empty (the line is an error anyway).
        w.Texts[column] = string.Empty;
        v.Flags = ValueFlags.Decoded;
    }

    /// <summary>The string rules, exactly the string reader's, for the values the byte path leaves to them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckDecoded(int line, int i, LineWorkspace w, ref ColumnValue v, string? raw = null)
    {
        if (raw is not null)
        {
            w.Texts[i] = raw;
            v.Flags = (v.Flags & ~ValueFlags.InScratch) | ValueFlags.Decoded;
        }

        raw = w.Texts[i]!;
        var column = columns[i];
        if (raw.Length == 0)
        {
            if (column.ValueRequired)
            {
                w.LineIssues.Add(new LineIssue(file, line, column.Name, Rule.MissingValue, null));
            }

            return;
        }

        switch (column.Kind)
        {
            case ColumnKind.Text:
                return;
            case ColumnKind.Date:
                if (Values.ParseDate(raw) is { } date)
                {
                    v.Date = date;
                    v.Flags |= ValueFlags.HasDate;
                    return;
                }

                FailDecoded(line, i, Rule.InvalidDate, raw, w, ref v);
                return;
            case ColumnKind.Departement:
                var dep = geography.ParseDepartement(raw);
                if (dep.Code is null)
                {
                    FailDecoded(line, i, Rule.InvalidDepartement, raw, w, ref v);
                    return;
                }

                if (dep.LeadingZeroRestored)
                {
                    w.LineIssues.Add(new LineIssue(file, line, column.Name, Rule.LeadingZero, raw));
                }

                w.Texts[i] = dep.Code;
                return;
            case ColumnKind.Sex:
                if (raw is not ("F" or "M" or "I"))
                {
                    FailDecoded(line, i, Rule.InvalidSex, raw, w, ref v);
                }

                return;
            case ColumnKind.Age:
                if (Values.ParseAge(raw) is { } age)
                {
                    v.Number = age;
                    return;
                }

                FailDecoded(line, i, Rule.InvalidAge, raw, w, ref v);
                return;
            case ColumnKind.Key:
                if (!Values.IsKey(raw))
                {
                    w.LineIssues.Add(new LineIssue(file, line, column.Name, Rule.InvalidKey, null));
                }

                return;
            case ColumnKind.Natinf:
                if (Values.ParseNonNegative(raw) is { } natinf)
                {
                    v.Number = natinf;
                    w.Texts[i] = natinf.ToString(CultureInfo.InvariantCulture);
                    return;
                }

                FailDecoded(line, i, Rule.InvalidNatinf, raw, w, ref v);
                return;
            case ColumnKind.Integer:
            case ColumnKind.NonNegativeInteger:
                // The byte rule on the value's characters: a non-ASCII character is not a digit either way.
                var parsed = ParseInteger(raw.AsSpan(), column.Kind == ColumnKind.Integer, out v.Number);
                if (parsed != IntegerParse.Integer || v.Number < minimum[i] || v.Number > maximum[i])
                {
                    FailDecoded(line, i, parsed == IntegerParse.NotInteger ? Rule.InvalidInteger : Rule.IntegerOutOfBounds, raw, w, ref v);
                }
                else if (v.Number > plausible[i])
                {
                    w.LineIssues.Add(new LineIssue(file, line, column.Name, Rule.ImplausibleQuantum, raw));
                    MakeEmpty(w, i, ref v);
                }

                return;
            case ColumnKind.Choice:
                if (!column.Choices!.Contains(raw, StringComparer.Ordinal))
                {
                    FailDecoded(line, i, Rule.NotInList, raw, w, ref v);
                }

                return;
            default:
                throw new InvalidOperationException($"Unhandled column kind {column.Kind}.");
        }
    }

    private void FailDecoded(int line, int column, Rule rule, string raw, LineWorkspace w, ref ColumnValue v)
    {
        w.LineIssues.Add(new LineIssue(file, line, columns[column].Name, rule, raw));
        MakeEmpty(w, column, ref v);
    }

    /// <summary>A conviction carries its sentence, and only a conviction does (extracts.md, justice).</summary>
    private void CheckSentence(ReadOnlySpan<byte> data, int line, LineWorkspace w)
    {
        foreach (var issue in w.LineIssues)
        {
            if (issue.Column is "peine" or "etape")
            {
                // The value itself is already wrong: one finding per fault.
                return;
            }
        }

        var step = GetString(data, w, stepColumn);
        var sentence = GetString(data, w, sentenceColumn);
        if (step == "CONDAMNATION" && sentence.Length == 0)
        {
            w.LineIssues.Add(new LineIssue(file, line, "peine", Rule.ConvictionWithoutSentence, null));
        }
        else if (step.Length > 0 && step != "CONDAMNATION" && sentence.Length > 0)
        {
            w.LineIssues.Add(new LineIssue(file, line, "peine", Rule.SentenceWithoutConviction, sentence));
        }
    }

    /// <summary>
    /// <c>YYYY-MM-DD</c> or <c>DD/MM/YYYY</c> of a day that exists: the two shapes <see cref="Values.ParseDate"/> accepts,
    /// read digit by digit. False sends the value to <see cref="Values.ParseDate"/> itself.
    /// </summary>
    internal static bool TryDate(ReadOnlySpan<byte> s, out DateOnly date) => TryDate(s, null, 0, out date);

    /// <summary>
    /// <see cref="TryDate(ReadOnlySpan{byte}, out DateOnly)"/> with the days of the file's year in a table (month × 32 + day,
    /// default where none): most dates of an extract fall in its year, and a table is quicker than building the date.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryFileDate(ReadOnlySpan<byte> s, out DateOnly date) => TryDate(s, daysOfFileYear, fileYear ?? 0, out date);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryDate(ReadOnlySpan<byte> s, DateOnly[]? days, int tableYear, out DateOnly date)
    {
        date = default;
        if (s.Length != 10)
        {
            return false;
        }

        int year, month, day;
        if (s[4] == '-' && s[7] == '-')
        {
            (year, month, day) = (Digits4(s), Digits2(s[5], s[6]), Digits2(s[8], s[9]));
        }
        else if (s[2] == '/' && s[5] == '/')
        {
            (day, month, year) = (Digits2(s[0], s[1]), Digits2(s[3], s[4]), Digits4(s[6..]));
        }
        else
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day is < 1 or > 31)
        {
            return false;
        }

        if (year == tableYear && days is not null)
        {
            date = days[(month * 32) + day];
            return date != default;
        }

        if (day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static DateOnly[] DaysOf(int? year)
    {
        var days = new DateOnly[13 * 32];
        if (year is { } y and >= 1 and <= 9999)
        {
            for (var d = new DateOnly(y, 1, 1); d.Year == y; d = d.AddDays(1))
            {
                days[(d.Month * 32) + d.Day] = d;
            }
        }

        return days;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits2(byte a, byte b) =>
        a is >= (byte)'0' and <= (byte)'9' && b is >= (byte)'0' and <= (byte)'9' ? ((a - '0') * 10) + (b - '0') : -1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits4(ReadOnlySpan<byte> s)
    {
        var high = Digits2(s[0], s[1]);
        var low = Digits2(s[2], s[3]);
        return high < 0 || low < 0 ? -1 : (high * 100) + low;
    }

    /// <summary>
    /// An integer of any length: an optional <c>-</c> (when <paramref name="signed"/>), then ASCII digits only. Leading zeros
    /// do not count; more than 18 significant digits is <see cref="IntegerParse.TooLarge"/>, so that a huge value is told
    /// apart from a value that is not a number and no accumulation can overflow.
    /// </summary>
    internal static IntegerParse ParseInteger(ReadOnlySpan<byte> s, bool signed, out long value)
    {
        value = 0;
        var negative = signed && s.Length > 0 && s[0] == '-';
        var digits = negative ? s[1..] : s;
        if (digits.Length == 0 || digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return IntegerParse.NotInteger;
        }

        var significant = digits.TrimStart((byte)'0');
        if (significant.Length > 18)
        {
            return IntegerParse.TooLarge;
        }

        TryDigits(significant.Length == 0 ? "0"u8 : significant, out value);
        value = negative ? -value : value;
        return IntegerParse.Integer;
    }

    /// <summary><see cref="ParseInteger(ReadOnlySpan{byte}, bool, out long)"/> on a decoded value.</summary>
    internal static IntegerParse ParseInteger(ReadOnlySpan<char> s, bool signed, out long value)
    {
        value = 0;
        if (!Ascii.IsValid(s))
        {
            return IntegerParse.NotInteger;
        }

        Span<byte> bytes = s.Length <= 64 ? stackalloc byte[s.Length] : new byte[s.Length];
        Ascii.FromUtf16(s, bytes, out _);
        return ParseInteger(bytes, signed, out value);
    }

    /// <summary><see cref="Values.ParseNonNegative"/> on bytes: 1 to 18 ASCII digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryDigits(ReadOnlySpan<byte> s, out long value)
    {
        // Accumulated in a local (not through the out reference, which may point into a shared array), and unchecked:
        // 18 digits cannot overflow a long.
        value = 0;
        if (s.Length is 0 or > 18)
        {
            return false;
        }

        long result = 0;
        foreach (var b in s)
        {
            var digit = unchecked((uint)(b - '0'));
            if (digit > 9)
            {
                return false;
            }

            result = unchecked((result * 10) + digit);
        }

        value = result;
        return true;
    }

    /// <summary>
    /// The values of a closed list (the contract's are short ASCII words): up to 8 bytes, compared as one number;
    /// longer ones byte by byte, after their length.
    /// </summary>
    private sealed class ListValues
    {
        private readonly byte[][] values;
        private readonly ulong[] words;

        public ListValues(IReadOnlyList<string> values)
        {
            if (!values.All(v => Ascii.IsValid(v)))
            {
                throw new InvalidOperationException("The schema's list values must be ASCII: they are compared as bytes.");
            }

            this.values = values.Select(v => Encoding.ASCII.GetBytes(v)).ToArray();
            words = this.values.Select(v => v.Length <= 8 ? Word(v) : 0).ToArray();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int IndexOf(ReadOnlySpan<byte> bytes)
        {
            var word = bytes.Length <= 8 ? Word(bytes) : 0;
            for (var k = 0; k < values.Length; k++)
            {
                if (values[k].Length == bytes.Length && (bytes.Length <= 8 ? words[k] == word : bytes.SequenceEqual(values[k])))
                {
                    return k;
                }
            }

            return -1;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Word(ReadOnlySpan<byte> bytes)
        {
            ulong word = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                word |= (ulong)bytes[i] << (8 * i);
            }

            return word;
        }
    }

    /// <summary>The 101 codes, found from bytes without a string (geography.csv is ASCII).</summary>
    private sealed class DepartementCodes
    {
        private static readonly ConditionalWeakTable<Geography, DepartementCodes> Cache = [];

        private readonly string[] codes;

        /// <summary>Two-character codes (all but the overseas ones) by their two bytes: index + 1, 0 for none.</summary>
        private readonly byte[] twoCharacters = new byte[1 << 16];

        /// <summary>Codes of one or three characters (the overseas ones) by their bytes.</summary>
        private readonly Dictionary<int, int> otherLengths = [];

        /// <summary>For a digit 1..9 that lost its leading zero, the index of its restored code.</summary>
        private readonly int[] restored;

        private DepartementCodes(Geography geography)
        {
            codes = [.. geography.Departements.Select(d => d.Code), .. Enumerable.Range(1, 9).Select(d => "0" + d.ToString(CultureInfo.InvariantCulture))];
            codes = codes.Distinct(StringComparer.Ordinal).ToArray();
            if (codes.Length > 250 || !codes.All(c => Ascii.IsValid(c)) || codes.Any(c => c.Length is 0 or > 3))
            {
                throw new InvalidOperationException("geography.csv: the département codes must be 1 to 3 ASCII characters.");
            }

            for (var i = 0; i < codes.Length; i++)
            {
                var c = codes[i];
                if (c.Length == 2)
                {
                    twoCharacters[(c[0] << 8) | c[1]] = (byte)(i + 1);
                }
                else
                {
                    otherLengths[c.Length == 1 ? c[0] : (c[0] << 16) | (c[1] << 8) | c[2]] = i;
                }
            }

            restored = Enumerable.Range(0, 10).Select(d => Array.IndexOf(codes, "0" + d.ToString(CultureInfo.InvariantCulture))).ToArray();
        }

        public static DepartementCodes For(Geography geography) => Cache.GetValue(geography, g => new DepartementCodes(g));

        public string Code(int index) => codes[index];

        /// <summary><see cref="Geography.ParseDepartement"/> on bytes: a code as listed, or one digit that lost its leading zero.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryFind(ReadOnlySpan<byte> raw, out int index, out bool leadingZeroRestored)
        {
            leadingZeroRestored = false;
            index = -1;
            if (raw.Length == 2)
            {
                index = twoCharacters[(raw[0] << 8) | raw[1]] - 1;
                return index >= 0;
            }

            return TryFindOther(raw, out index, out leadingZeroRestored);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool TryFindOther(ReadOnlySpan<byte> raw, out int index, out bool leadingZeroRestored)
        {
            leadingZeroRestored = false;
            index = -1;
            if (raw.Length == 3)
            {
                // The overseas codes (971…976): a small table of their three bytes.
                return otherLengths.TryGetValue((raw[0] << 16) | (raw[1] << 8) | raw[2], out index);
            }

            if (raw.Length != 1)
            {
                return false;
            }

            if (otherLengths.TryGetValue(raw[0], out index))
            {
                return true;
            }

            if (raw[0] is >= (byte)'1' and <= (byte)'9')
            {
                index = restored[raw[0] - '0'];
                leadingZeroRestored = true;
                return true;
            }

            return false;
        }
    }
}
