using System.Buffers;
using System.Text;

namespace Reporting.Privacy;

/// <summary>
/// Masks anything shaped like a linkage key before it leaves the engine. The key (extracts.md: 64 lowercase hexadecimal
/// characters) must never appear in an output, a log line or a message, whatever column it sits in: an operator who
/// shifts a column puts it under <c>id_victime</c> or <c>natinf</c>, and the offending value of a bad line is quoted.
/// The mask takes any run of <see cref="MinimumRun"/> or more hexadecimal characters, in either case: a truncated or
/// lengthened key is still a key, and no value of the contract (dates, codes, ages, ids, numbers) is that long.
/// The engine's own SHA-256 digests (manifest) are written by the engine about its files, never through this mask.
/// </summary>
public static class KeyShape
{
    /// <summary>Half a key: shorter runs are ordinary values (a 20-digit number, a date, a NATINF code).</summary>
    public const int MinimumRun = 32;

    /// <summary>What replaces a key-shaped run.</summary>
    public const string Mask = "[clé masquée]";

    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Whether <paramref name="text"/> holds a key-shaped run.</summary>
    public static bool Contains(ReadOnlySpan<char> text) => FirstRun(text, 0) is not null;

    /// <summary><paramref name="text"/> with every key-shaped run replaced by <see cref="Mask"/>; the same instance when there is none.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Redact(string? text)
    {
        if (text is null || text.Length < MinimumRun || FirstRun(text, 0) is not { } first)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var from = 0;
        for (var run = (Range?)first; run is { } r; run = FirstRun(text, r.End.Value))
        {
            result.Append(text, from, r.Start.Value - from).Append(Mask);
            from = r.End.Value;
        }

        return result.Append(text, from, text.Length - from).ToString();
    }

    private static Range? FirstRun(ReadOnlySpan<char> text, int from)
    {
        var i = from;
        while (i + MinimumRun <= text.Length)
        {
            var start = text[i..].IndexOfAny(Hex);
            if (start < 0)
            {
                return null;
            }

            start += i;
            var length = text[start..].IndexOfAnyExcept(Hex);
            var end = length < 0 ? text.Length : start + length;
            if (end - start >= MinimumRun)
            {
                return start..end;
            }

            i = end;
        }

        return null;
    }
}

/// <summary>A writer that masks key-shaped runs line by line: what the command line prints goes through it.</summary>
public sealed class KeyMaskingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder pending = new();

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value)
    {
        pending.Append(value);
        if (value == '\n')
        {
            Flush();
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        pending.Append(value);
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            FlushLines();
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override void Flush()
    {
        if (pending.Length > 0)
        {
            inner.Write(KeyShape.Redact(pending.ToString()));
            pending.Clear();
        }

        inner.Flush();
    }

    /// <summary>Complete lines go out at once (a run's progress is seen as it happens); a key never spans two lines.</summary>
    private void FlushLines()
    {
        var text = pending.ToString();
        var last = text.LastIndexOf('\n');
        inner.Write(KeyShape.Redact(text[..(last + 1)]));
        pending.Clear().Append(text, last + 1, text.Length - last - 1);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
