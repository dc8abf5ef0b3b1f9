using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Reporting.Ingestion;

// The decoded path: the values the byte path leaves (non-ASCII at an end, a date of another shape) go through the
// string rules of Values. Both paths must decide alike: CsvRecordParserTests (dates), IntegerBoundsTests (integers) and
// ScopedReadingTests (trimming) hold them together.
internal sealed partial class LineValidator
{
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
}
