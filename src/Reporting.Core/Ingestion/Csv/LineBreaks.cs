using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Reporting.Ingestion;

/// <summary>
/// Line ends counted in raw bytes, as CsvHelper numbered lines: every physical line of a file is accounted for (FileReport),
/// and a block's first line number is the count of the line ends before it.
/// </summary>
internal static class LineBreaks
{
    /// <summary>
    /// Line breaks as CsvHelper counts lines (its raw row): CRLF, CR or LF, inside quotes too, blank lines included.
    /// A block never ends between a CR and its LF, so blocks can be counted one by one.
    /// </summary>
    public static long Count(ReadOnlySpan<byte> data)
    {
        long breaks = data.Count((byte)'\n');
        var cr = data.Count((byte)'\r');
        return cr == 0 ? breaks : breaks + cr - data.Count("\r\n"u8);
    }

    /// <summary>
    /// One look at each byte of a block: its line feeds, and whether it holds a quote or a carriage return (then line
    /// ends and record ends need the slower, exact count).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (long LineFeeds, bool HasQuoteOrCr) Survey(ReadOnlySpan<byte> data)
    {
        long lineFeeds = 0;
        var special = false;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var origin = ref MemoryMarshal.GetReference(data);
            var lf = Vector256.Create((byte)'\n');
            var cr = Vector256.Create((byte)'\r');
            var quote = Vector256.Create((byte)'"');
            var any = Vector256<byte>.Zero;
            for (; i + Vector256<byte>.Count <= data.Length; i += Vector256<byte>.Count)
            {
                var v = Vector256.LoadUnsafe(ref origin, (nuint)i);
                lineFeeds += BitOperations.PopCount(Vector256.Equals(v, lf).ExtractMostSignificantBits());
                any |= Vector256.Equals(v, cr) | Vector256.Equals(v, quote);
            }

            special = any != Vector256<byte>.Zero;
        }

        foreach (var b in data[i..])
        {
            lineFeeds += b == '\n' ? 1 : 0;
            special |= b is (byte)'\r' or (byte)'"';
        }

        return (lineFeeds, special);
    }
}
