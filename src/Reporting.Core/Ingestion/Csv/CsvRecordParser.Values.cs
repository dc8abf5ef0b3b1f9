namespace Reporting.Ingestion;

// A field's value once its record is read: unquoted, or told malformed.
internal static partial class CsvRecordParser
{
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
