using System.Globalization;
using System.IO.Compression;
using Reporting.Privacy;
using Reporting.Publication;

namespace Reporting.Tests.Support;

/// <summary>
/// The linkage keys of a set of extracts, held as every 32-character window of each key: a run of hex digits in an
/// output leaks a key when any of its own 32-character windows is one of them. One pass over each output, whatever the
/// number of keys.
/// </summary>
internal sealed class LinkageKeys
{
    private const int KeyLength = 64;

    private readonly HashSet<UInt128> windows = [];

    private LinkageKeys()
    {
    }

    public int Count { get; private set; }

    public static LinkageKeys Of(IEnumerable<string> extracts)
    {
        var keys = new LinkageKeys();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in extracts.SelectMany(File.ReadLines).SelectMany(l => l.Split(';')))
        {
            if (value.Length == KeyLength && value.All(char.IsAsciiHexDigit) && seen.Add(value.ToLowerInvariant()))
            {
                for (var i = 0; i + KeyShape.MinimumRun <= KeyLength; i++)
                {
                    keys.windows.Add(Window(value.AsSpan(i, KeyShape.MinimumRun)));
                }
            }
        }

        keys.Count = seen.Count;
        return keys;
    }

    /// <summary>What to scan of one output: its bytes, and for a zip (the workbook) each part, uncompressed.</summary>
    public static IEnumerable<(string Part, byte[] Bytes)> Parts(OutputFile file)
    {
        yield return (file.RelativePath, file.Content);
        if (!file.RelativePath.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            yield break;
        }

        using var zip = new ZipArchive(new MemoryStream(file.Content), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            yield return ($"{file.RelativePath}:{entry.FullName}", copy.ToArray());
        }
    }

    /// <summary>Whether a run of at least 32 hex digits in <paramref name="bytes"/> (ASCII, hence UTF-8 too) holds a window of a key.</summary>
    public bool Leaks(ReadOnlySpan<byte> bytes)
    {
        Span<char> window = stackalloc char[KeyShape.MinimumRun];
        var run = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            run = char.IsAsciiHexDigit((char)bytes[i]) ? run + 1 : 0;
            if (run < KeyShape.MinimumRun)
            {
                continue;
            }

            for (var j = 0; j < KeyShape.MinimumRun; j++)
            {
                window[j] = (char)bytes[i - KeyShape.MinimumRun + 1 + j];
            }

            if (windows.Contains(Window(window)))
            {
                return true;
            }
        }

        return false;
    }

    private static UInt128 Window(ReadOnlySpan<char> hex) => UInt128.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
