using System.Runtime.CompilerServices;

namespace Reporting.Ingestion;

// Any other record, byte by byte: CsvHelper's state machine for quoted fields, line ends inside them, misplaced quotes.
internal static partial class CsvRecordParser
{
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
}
