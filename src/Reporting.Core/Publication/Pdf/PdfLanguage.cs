using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Reporting.Publication.Pdf;

/// <summary>
/// Writes <c>/Lang</c> into the document catalog, which SkiaSharp's PDF metadata cannot express.
/// The catalog object is rewritten in place and every cross-reference offset after it is shifted, so the
/// file stays a single clean revision (no incremental update for a reader to stumble on).
/// Skia always writes one classic cross-reference table with one subsection; anything else is refused.
/// </summary>
internal static partial class PdfLanguage
{
    /// <summary>Latin-1 maps every byte to one char and back, so binary streams survive the round trip.</summary>
    private static readonly Encoding Bytes = Encoding.Latin1;

    private const int EntryLength = 20;

    public static byte[] Set(byte[] pdf, string language)
    {
        var text = Bytes.GetString(pdf);
        var startXref = StartXref().Matches(text) is { Count: > 0 } found ? found[^1] : throw Broken("no startxref");
        var xrefOffset = int.Parse(startXref.Groups[1].Value, CultureInfo.InvariantCulture);
        var table = XrefTable().Match(text, xrefOffset);
        if (!table.Success || table.Index != xrefOffset)
        {
            throw Broken("no cross-reference table at startxref");
        }

        var first = int.Parse(table.Groups[1].Value, CultureInfo.InvariantCulture);
        var count = int.Parse(table.Groups[2].Value, CultureInfo.InvariantCulture);
        var entriesStart = table.Index + table.Length;
        var trailer = text.IndexOf("trailer", entriesStart, StringComparison.Ordinal);
        var root = trailer < 0 ? Match.Empty : RootReference().Match(text, trailer);
        if (first != 0 || !root.Success || trailer != entriesStart + (count * EntryLength))
        {
            throw Broken("unexpected cross-reference layout");
        }

        var rootNumber = int.Parse(root.Groups[1].Value, CultureInfo.InvariantCulture);
        var catalogOffset = Offset(text, entriesStart, rootNumber);
        var header = $"{rootNumber} 0 obj";
        var endObj = text.IndexOf("endobj", catalogOffset, StringComparison.Ordinal);
        var dictionaryEnd = endObj < 0 ? -1 : text.LastIndexOf(">>", endObj, StringComparison.Ordinal);
        if (string.CompareOrdinal(text, catalogOffset, header, 0, header.Length) != 0 || dictionaryEnd < catalogOffset)
        {
            throw Broken("the catalog is not where the cross-reference table says");
        }

        if (text.AsSpan(catalogOffset, endObj - catalogOffset).Contains("/Lang", StringComparison.Ordinal))
        {
            throw Broken("the catalog already has a /Lang");
        }

        var insertion = $"\n/Lang ({language})";
        var result = new StringBuilder(text.Length + insertion.Length + 32)
            .Append(text, 0, dictionaryEnd)
            .Append(insertion)
            .Append(text, dictionaryEnd, entriesStart - dictionaryEnd);

        for (var i = 0; i < count; i++)
        {
            var entry = text.Substring(entriesStart + (i * EntryLength), EntryLength);
            var offset = long.Parse(entry.AsSpan(0, 10), CultureInfo.InvariantCulture);
            if (entry[17] == 'n' && offset > dictionaryEnd)
            {
                offset += insertion.Length;
            }

            result.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(entry, 10, EntryLength - 10);
        }

        result.Append(text, trailer, startXref.Index - trailer)
            .Append(CultureInfo.InvariantCulture, $"startxref\n{xrefOffset + insertion.Length}\n%%EOF\n");
        return Bytes.GetBytes(result.ToString());
    }

    private static int Offset(string text, int entriesStart, int objectNumber)
    {
        var entry = text.AsSpan(entriesStart + (objectNumber * EntryLength), EntryLength);
        return int.Parse(entry[..10], CultureInfo.InvariantCulture);
    }

    private static InvalidOperationException Broken(string what) =>
        new($"Cannot set the PDF language: {what} in the PDF Skia wrote.");

    [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"\Gxref\r?\n(\d+) (\d+)\r?\n")]
    private static partial Regex XrefTable();

    [GeneratedRegex(@"\G\s*trailer\s*<<[^>]*?/Root (\d+) 0 R")]
    private static partial Regex RootReference();
}
