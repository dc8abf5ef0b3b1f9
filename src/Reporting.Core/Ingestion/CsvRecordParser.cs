using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Reporting.Ingestion;

/// <summary>Where one field of a record lies in the bytes, before unquoting.</summary>
internal struct FieldSpan
{
    /// <summary>Offset of the field's first byte (its opening quote when quoted).</summary>
    public int Start;

    /// <summary>Raw length, quotes included.</summary>
    public int Length;

    /// <summary>Quote characters met while the field was read as a quoted field (0 for an unquoted one).</summary>
    public int Quotes;

    /// <summary>A quote where RFC 4180 allows none was met while reading.</summary>
    public bool QuoteMisplaced;
}

internal enum RecordStatus
{
    /// <summary>A record was read.</summary>
    Record,

    /// <summary>Nothing but blank lines up to the end of the data.</summary>
    End,

    /// <summary>The record (or a line end) may go on past the data: read more and start again from the same place.</summary>
    NeedMore,
}

/// <summary>
/// Splits <c>;</c>-separated records out of raw bytes, exactly as the engine read them through CsvHelper 33 in RFC 4180
/// mode (no trimming, <c>"</c> as quote and escape, CR, LF or CRLF line ends, blank lines skipped), without decoding a
/// character: the delimiter, the quote and the line ends are ASCII, so they are the same bytes in UTF-8 and Windows-1252.
/// The differential test against CsvHelper (CsvRecordParserTests) holds the two to the same records, fields and line numbers.
/// </summary>
internal static class CsvRecordParser
{
    private const byte Quote = (byte)'"';
    private const byte Delimiter = (byte)';';
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    /// <summary>
    /// Reads the record that starts at <paramref name="start"/> (blank lines before it are skipped).
    /// </summary>
    /// <param name="final">the data ends where the file ends; otherwise a record reaching the end of the data is incomplete</param>
    /// <param name="next">where the next record starts</param>
    /// <param name="breaksBefore">line breaks from <paramref name="start"/> to the record's last line (blank lines, line breaks inside quotes):
    /// CsvHelper numbers a record by the physical line it ends on</param>
    public static RecordStatus Read(ReadOnlySpan<byte> data, int start, bool final, ref FieldSpan[] fields, out int count, out int next, out int breaksBefore)
    {
        var status = Read(data, start, final, ref fields, out count, out next, out breaksBefore, out var plain);
        for (var i = 0; plain && i < count; i++)
        {
            // A caller that does not ask whether the record is plain reads the quote counts: they must be written.
            fields[i].Quotes = 0;
            fields[i].QuoteMisplaced = false;
        }

        return status;
    }

    /// <param name="plain">no quote, no white space, no control character and no non-ASCII byte in the record: every field is
    /// its own value, with nothing to unquote, trim or decode (the common line, which validation then takes the short way);
    /// then the fields' quote counts are not written, and must not be read</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RecordStatus Read(ReadOnlySpan<byte> data, int start, bool final, ref FieldSpan[] fields, out int count, out int next, out int breaksBefore, out bool plain) =>
        Read(data, start, final, ref fields, out count, out next, out breaksBefore, out plain, int.MaxValue);

    /// <param name="maxFields">a plain record's fields past this many are not placed (<paramref name="count"/> stops there):
    /// pass 1 needs only the first few; a record read the general way is always read whole</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RecordStatus Read(ReadOnlySpan<byte> data, int start, bool final, ref FieldSpan[] fields, out int count, out int next, out int breaksBefore, out bool plain, int maxFields)
    {
        plain = false;
        var p = start;
        breaksBefore = 0;
        count = 0;
        next = start;

        // A line end at the start of a row is a blank line, skipped but counted (CsvHelper's ReadBlankLine).
        while (true)
        {
            if (p >= data.Length)
            {
                return final ? RecordStatus.End : RecordStatus.NeedMore;
            }

            var c = data[p];
            if (c == Lf)
            {
                p++;
            }
            else if (c == Cr)
            {
                if (p + 1 >= data.Length && !final)
                {
                    return RecordStatus.NeedMore;
                }

                p += p + 1 < data.Length && data[p + 1] == Lf ? 2 : 1;
            }
            else
            {
                break;
            }

            breaksBefore++;
        }

        return TryReadPlain(data, p, ref fields, out count, out next, out plain, maxFields)
            ? RecordStatus.Record
            : ReadGeneral(data, p, final, ref fields, out count, out next, ref breaksBefore);
    }

    /// <summary>
    /// The common record: no quote before its line end. Finds the delimiters and the line end a vector at a time (64 bytes
    /// where the processor has them: one or two steps for a usual line); any quote, or a line end too near the end of the
    /// data to be sure of, leaves the record to <see cref="ReadGeneral"/>. Only the fields' places are written: their quote
    /// counts are zero, and written only when a consumer may read them (a record that is not plain).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadPlain(ReadOnlySpan<byte> data, int start, ref FieldSpan[] fields, out int count, out int next, out bool plain, int maxFields)
    {
        count = 0;
        next = start;
        plain = false;
        bool found;
        if (Vector512.IsHardwareAccelerated)
        {
            found = TryReadPlainWith<Scan512>(data, start, ref fields, ref count, ref next, ref plain, maxFields);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            found = TryReadPlainWith<Scan256>(data, start, ref fields, ref count, ref next, ref plain, maxFields);
        }
        else
        {
            return false;
        }

        if (found && !plain)
        {
            for (var i = 0; i < count; i++)
            {
                fields[i].Quotes = 0;
                fields[i].QuoteMisplaced = false;
            }
        }

        return found;
    }

    /// <summary>
    /// The scan of one record over vectors of <typeparamref name="TScan"/>'s width: the same loop for 64- and 32-byte
    /// vectors, specialised by the JIT for each (a struct type argument), so no width costs the other anything.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadPlainWith<TScan>(ReadOnlySpan<byte> data, int start, ref FieldSpan[] fields, ref int count, ref int next, ref bool plain, int maxFields)
        where TScan : struct, IVectorScan
    {
        // Offsets are bounded by the block's length (under 2 GB): the project's overflow checks cost here, per byte.
        unchecked
        {
            ref var origin = ref MemoryMarshal.GetReference(data);
            var fieldStart = start;
            var p = start;
            ulong loose = 0;
            while (p + TScan.Width <= data.Length)
            {
                if (count + TScan.Width >= fields.Length)
                {
                    Array.Resize(ref fields, fields.Length + (TScan.Width * 2));
                }

                TScan.Scan(ref origin, p, out var delimiters, out var notPlain, out var stops);
                if (stops != 0)
                {
                    var at = BitOperations.TrailingZeroCount(stops);
                    var end = p + at;
                    var c = Unsafe.Add(ref origin, end);
                    if (c == Quote || (c == Cr && end + 1 >= data.Length))
                    {
                        return false;
                    }

                    var before = (1UL << at) - 1;
                    if (count < maxFields)
                    {
                        Delimited(fields, ref count, ref fieldStart, p, delimiters & before, maxFields);
                        if (count < maxFields)
                        {
                            Place(fields, count++, fieldStart, end - fieldStart);
                        }
                    }

                    next = end + (c == Cr && data[end + 1] == Lf ? 2 : 1);
                    plain = (loose | (notPlain & before)) == 0;
                    return true;
                }

                loose |= notPlain;
                if (count < maxFields)
                {
                    Delimited(fields, ref count, ref fieldStart, p, delimiters, maxFields);
                }

                p += TScan.Width;
            }

            // Fewer bytes left than a vector: the general reader finishes the record from its start.
            count = 0;
            return false;
        }
    }

    /// <summary>One vector's bit masks: delimiters, bytes that make a record not plain, and record stops (CR, LF, quote).</summary>
    private interface IVectorScan
    {
        static abstract int Width { get; }

        static abstract void Scan(ref byte origin, int p, out ulong delimiters, out ulong notPlain, out ulong stops);
    }

    private readonly struct Scan512 : IVectorScan
    {
        public static int Width => Vector512<byte>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Scan(ref byte origin, int p, out ulong delimiters, out ulong notPlain, out ulong stops)
        {
            var v = Vector512.LoadUnsafe(ref origin, (nuint)p);
            delimiters = Vector512.Equals(v, Vector512.Create(Delimiter)).ExtractMostSignificantBits();

            // As signed bytes, non-ASCII bytes are negative: "at most a space" catches them with white space and controls.
            notPlain = Vector512.LessThanOrEqual(v.AsSByte(), Vector512.Create((sbyte)' ')).ExtractMostSignificantBits();
            stops = (Vector512.Equals(v, Vector512.Create(Cr)) | Vector512.Equals(v, Vector512.Create(Lf)) | Vector512.Equals(v, Vector512.Create(Quote))).ExtractMostSignificantBits();
        }
    }

    private readonly struct Scan256 : IVectorScan
    {
        public static int Width => Vector256<byte>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Scan(ref byte origin, int p, out ulong delimiters, out ulong notPlain, out ulong stops)
        {
            var v = Vector256.LoadUnsafe(ref origin, (nuint)p);
            delimiters = Vector256.Equals(v, Vector256.Create(Delimiter)).ExtractMostSignificantBits();
            notPlain = Vector256.LessThanOrEqual(v.AsSByte(), Vector256.Create((sbyte)' ')).ExtractMostSignificantBits();
            stops = (Vector256.Equals(v, Vector256.Create(Cr)) | Vector256.Equals(v, Vector256.Create(Lf)) | Vector256.Equals(v, Vector256.Create(Quote))).ExtractMostSignificantBits();
        }
    }

    /// <summary>The fields ended by the delimiters of one vector (the caller made room for a vector's worth).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Delimited(FieldSpan[] fields, ref int count, ref int fieldStart, int p, ulong delimiters, int maxFields)
    {
        // Offsets are bounded by the block's length (under 2 GB): the project's overflow checks cost here, per byte.
        unchecked
        {
            while (delimiters != 0 && count < maxFields)
            {
                var at = p + BitOperations.TrailingZeroCount(delimiters);
                Place(fields, count++, fieldStart, at - fieldStart);
                fieldStart = at + 1;
                delimiters &= delimiters - 1;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Place(FieldSpan[] fields, int index, int start, int length)
    {
        ref var f = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(fields), index);
        f.Start = start;
        f.Length = length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ref FieldSpan[] fields, ref int count, int start, int length, int quotes = 0, bool misplaced = false)
    {
        if (count == fields.Length)
        {
            Array.Resize(ref fields, fields.Length * 2);
        }

        ref var f = ref fields[count++];
        f.Start = start;
        f.Length = length;
        f.Quotes = quotes;
        f.QuoteMisplaced = misplaced;
    }

    /// <summary>
    /// Byte by byte, CsvHelper's state machine: a field is quoted only when its first character is a quote; inside it,
    /// delimiters and line ends are data; a quote that neither opens, closes nor doubles a quote is misplaced, after which
    /// quotes no longer toggle; a quote in an unquoted field is misplaced too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RecordStatus ReadGeneral(ReadOnlySpan<byte> data, int start, bool final, ref FieldSpan[] fields, out int count, out int next, ref int breaksBefore)
    {
        count = 0;
        next = start;
        var p = start;
        while (true)
        {
            var fieldStart = p;
            var quotes = 0;
            var misplaced = false;
            if (p < data.Length && data[p] == Quote)
            {
                quotes = 1;
                var inQuotes = true;
                var previous = Quote;
                p++;
                while (true)
                {
                    if (p >= data.Length)
                    {
                        return EndOfData(final, ref fields, ref count, fieldStart, p - fieldStart, quotes, misplaced, out next, data.Length);
                    }

                    var c = data[p];
                    if (c == Quote)
                    {
                        quotes++;
                        if (!inQuotes && previous != Quote)
                        {
                            misplaced = true;
                        }
                        else if (!misplaced)
                        {
                            inQuotes = !inQuotes;
                        }
                    }
                    else if (inQuotes)
                    {
                        if (c == Cr || (c == Lf && previous != Cr))
                        {
                            breaksBefore++;
                        }
                    }
                    else if (c is Delimiter or Cr or Lf)
                    {
                        break;
                    }

                    previous = c;
                    p++;
                }
            }
            else
            {
                while (true)
                {
                    if (p >= data.Length)
                    {
                        return EndOfData(final, ref fields, ref count, fieldStart, p - fieldStart, quotes, misplaced, out next, data.Length);
                    }

                    var c = data[p];
                    if (c is Delimiter or Cr or Lf)
                    {
                        break;
                    }

                    misplaced |= c == Quote;
                    p++;
                }
            }

            Add(ref fields, ref count, fieldStart, p - fieldStart, quotes, misplaced);
            if (data[p] == Delimiter)
            {
                p++;
                continue;
            }

            if (data[p] == Cr)
            {
                if (p + 1 >= data.Length)
                {
                    if (!final)
                    {
                        return RecordStatus.NeedMore;
                    }

                    next = p + 1;
                    return RecordStatus.Record;
                }

                next = p + (data[p + 1] == Lf ? 2 : 1);
                return RecordStatus.Record;
            }

            next = p + 1;
            return RecordStatus.Record;
        }
    }

    private static RecordStatus EndOfData(bool final, ref FieldSpan[] fields, ref int count, int start, int length, int quotes, bool misplaced, out int next, int end)
    {
        next = end;
        if (!final)
        {
            return RecordStatus.NeedMore;
        }

        // The file ends inside the record: what was read is its last field (CsvHelper's ReadEndOfFile).
        Add(ref fields, ref count, start, length, quotes, misplaced);
        return RecordStatus.Record;
    }

    /// <summary>
    /// A field RFC 4180 does not allow: a misplaced quote, or a quoted field that does not end with its closing quote
    /// (CsvHelper calls its BadDataFound for it).
    /// </summary>
    public static bool IsMalformed(ReadOnlySpan<byte> data, in FieldSpan f) =>
        f.QuoteMisplaced || (f.Quotes > 0 && (f.Length == 1 || data[f.Start + f.Length - 1] != Quote));

    /// <summary>
    /// The value of a well-formed field: the bytes themselves, or between the quotes with doubled quotes made single
    /// (written to <paramref name="scratch"/>, which grows as needed).
    /// </summary>
    public static ReadOnlySpan<byte> Value(ReadOnlySpan<byte> data, scoped in FieldSpan f, ref byte[] scratch, ref int scratchUsed)
    {
        if (f.Quotes == 0)
        {
            return data.Slice(f.Start, f.Length);
        }

        var inner = data.Slice(f.Start + 1, f.Length - 2);
        if (f.Quotes == 2)
        {
            return inner;
        }

        var target = Reserve(ref scratch, ref scratchUsed, inner.Length);
        var n = 0;
        var escaped = false;
        foreach (var b in inner)
        {
            if (!escaped && b == Quote)
            {
                escaped = true;
                continue;
            }

            escaped = false;
            target[n++] = b;
        }

        scratchUsed += n;
        return target[..n];
    }

    /// <summary>
    /// The value CsvHelper gives a malformed field (its ProcessRFC4180BadField): the bytes as they are unless the field
    /// starts with a quote; then the quote is dropped and doubled quotes are made single until the first lone one.
    /// Only the header needs it: a data line with a malformed field is an error.
    /// </summary>
    public static ReadOnlySpan<byte> MalformedValue(ReadOnlySpan<byte> data, scoped in FieldSpan f, ref byte[] scratch, ref int scratchUsed)
    {
        var raw = data.Slice(f.Start, f.Length);
        if (raw.Length == 0 || raw[0] != Quote)
        {
            return raw;
        }

        var target = Reserve(ref scratch, ref scratchUsed, raw.Length);
        var n = 0;
        var inEscape = false;
        var done = false;
        byte c = 0;
        for (var i = 1; i < raw.Length; i++)
        {
            var previous = c;
            c = raw[i];
            if (inEscape)
            {
                inEscape = false;
                if (c == Quote)
                {
                    continue;
                }

                if (previous == Quote)
                {
                    done = true;
                }
            }

            if (c == Quote && !done)
            {
                inEscape = true;
                continue;
            }

            target[n++] = c;
        }

        scratchUsed += n;
        return target[..n];
    }

    private static Span<byte> Reserve(ref byte[] scratch, ref int used, int length)
    {
        if (scratch.Length - used < length)
        {
            Array.Resize(ref scratch, Math.Max(scratch.Length * 2, used + length));
        }

        return scratch.AsSpan(used, length);
    }
}
