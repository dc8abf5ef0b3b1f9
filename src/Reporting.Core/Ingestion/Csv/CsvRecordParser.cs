using System.Runtime.CompilerServices;

namespace Reporting.Ingestion;

/// <summary>
/// Splits <c>;</c>-separated records out of raw bytes, exactly as the engine read them through CsvHelper 33 in RFC 4180
/// mode (no trimming, <c>"</c> as quote and escape, CR, LF or CRLF line ends, blank lines skipped), without decoding a
/// character: the delimiter, the quote and the line ends are ASCII, so they are the same bytes in UTF-8 and Windows-1252.
/// The differential test against CsvHelper (CsvRecordParserTests) holds the two to the same records, fields and line numbers.
/// </summary>
internal static partial class CsvRecordParser
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
}
