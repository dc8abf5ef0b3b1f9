using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Reporting.Ingestion;

// The byte path: each value located, trimmed and checked where it lies, without a string.
internal sealed partial class LineValidator
{
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool InFileYear(DateOnly date) => date.DayNumber >= firstDayOfYear && date.DayNumber <= lastDayOfYear;

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
}
