using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Reporting.Publication.Pdf.Tagging;

/// <summary>
/// Reads back the PDF that Skia wrote: its objects, its pages in order, each page's resources and decoded content.
/// Skia always writes one classic cross-reference table and direct page dictionaries whose resources map names to
/// indirect objects; anything else is refused, since the writer would otherwise lose content silently.
/// </summary>
internal sealed partial class SkiaPdfFile
{
    /// <summary>Latin-1 maps every byte to one char and back, so binary streams survive the round trip.</summary>
    internal static readonly Encoding Bytes = Encoding.Latin1;

    private readonly byte[] pdf;
    private readonly Dictionary<int, (int Start, int End)> objects;

    private SkiaPdfFile(byte[] pdf, Dictionary<int, (int Start, int End)> objects, IReadOnlyList<int> pages)
    {
        this.pdf = pdf;
        this.objects = objects;
        Pages = pages;
    }

    /// <summary>The page objects' numbers, in page order.</summary>
    public IReadOnlyList<int> Pages { get; }

    public static SkiaPdfFile Read(byte[] pdf)
    {
        var text = Bytes.GetString(pdf);
        var startXref = StartXref().Matches(text) is { Count: > 0 } found ? found[^1] : throw Broken("no startxref");
        var xrefOffset = int.Parse(startXref.Groups[1].Value, CultureInfo.InvariantCulture);
        var table = XrefTable().Match(text, xrefOffset);
        if (!table.Success || table.Index != xrefOffset || table.Groups[1].Value != "0")
        {
            throw Broken("no single cross-reference table at startxref");
        }

        var count = int.Parse(table.Groups[2].Value, CultureInfo.InvariantCulture);
        var entries = table.Index + table.Length;
        var offsets = new List<(int Number, int Offset)>();
        for (var i = 1; i < count; i++)
        {
            var entry = text.AsSpan(entries + (i * 20), 20);
            if (entry[17] == 'n')
            {
                offsets.Add((i, int.Parse(entry[..10], CultureInfo.InvariantCulture)));
            }
        }

        offsets.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        var objects = new Dictionary<int, (int, int)>();
        for (var i = 0; i < offsets.Count; i++)
        {
            var (number, offset) = offsets[i];
            var header = $"{number} 0 obj";
            var end = text.LastIndexOf("endobj", (i + 1 < offsets.Count ? offsets[i + 1].Offset : xrefOffset) - 1, StringComparison.Ordinal);
            if (string.CompareOrdinal(text, offset, header, 0, header.Length) != 0 || end < offset)
            {
                throw Broken($"object {number} is not where the cross-reference table says");
            }

            objects[number] = (offset + header.Length, end);
        }

        var root = RootReference().Match(text, entries + (count * 20));
        if (!root.Success)
        {
            throw Broken("no /Root in the trailer");
        }

        var file = new SkiaPdfFile(pdf, objects, []);
        var pages = new List<int>();
        file.CollectPages(Reference(file.Dictionary(Number(root)), "Pages") ?? throw Broken("no page tree"), pages);
        return new SkiaPdfFile(pdf, objects, pages);
    }

    /// <summary>The object's dictionary (or other direct value), without its stream.</summary>
    public string Dictionary(int number)
    {
        var (start, end) = objects.TryGetValue(number, out var span) ? span : throw Broken($"object {number} is missing");
        var text = Bytes.GetString(pdf, start, end - start);
        var stream = StreamKeyword().Match(text);
        return (stream.Success ? text[..stream.Index] : text).Trim();
    }

    /// <summary>The object's stream as stored (still encoded), or null when it has none.</summary>
    public byte[]? RawStream(int number)
    {
        var (start, end) = objects[number];
        var text = Bytes.GetString(pdf, start, end - start);
        var stream = StreamKeyword().Match(text);
        if (!stream.Success)
        {
            return null;
        }

        var length = LengthEntry().Match(text[..stream.Index]);
        if (!length.Success)
        {
            throw Broken($"object {number} has a stream without a direct /Length");
        }

        return pdf.AsSpan(start + stream.Index + stream.Length, int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>A page's content, decoded.</summary>
    public byte[] Content(int page)
    {
        if (Reference(Dictionary(page), "Contents") is not { } contents)
        {
            return [];
        }

        var raw = RawStream(contents) ?? throw Broken($"the contents of page object {page} are not a stream");
        var dictionary = Dictionary(contents);
        if (!dictionary.Contains("/Filter", StringComparison.Ordinal))
        {
            return raw;
        }

        if (!dictionary.Contains("/Filter /FlateDecode", StringComparison.Ordinal))
        {
            throw Broken($"the contents of page object {page} use a filter other than FlateDecode");
        }

        using var input = new ZLibStream(new MemoryStream(raw), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>A page's resources: for each category (Font, ExtGState, …), each name and the object it refers to.</summary>
    public IEnumerable<(string Category, string Name, int Object)> Resources(int page)
    {
        var dictionary = Dictionary(page);
        var resources = ResourcesEntry().Match(dictionary);
        if (!resources.Success)
        {
            yield break;
        }

        foreach (Match category in ResourceCategory().Matches(resources.Value))
        {
            foreach (Match entry in NamedReference().Matches(category.Groups[2].Value))
            {
                yield return (category.Groups[1].Value, entry.Groups[1].Value, int.Parse(entry.Groups[2].Value, CultureInfo.InvariantCulture));
            }

            if (RemainsAfterReferences().IsMatch(NamedReference().Replace(category.Groups[2].Value, string.Empty)))
            {
                throw Broken($"page object {page} has a resource that is not a named indirect object");
            }
        }
    }

    /// <summary>Every object referred to from <paramref name="roots"/>, themselves included, through dictionaries.</summary>
    public IReadOnlyList<int> Closure(IEnumerable<int> roots)
    {
        var seen = new SortedSet<int>();
        var pending = new Stack<int>(roots);
        while (pending.Count > 0)
        {
            var number = pending.Pop();
            if (seen.Add(number))
            {
                foreach (Match reference in AnyReference().Matches(Dictionary(number)))
                {
                    pending.Push(Number(reference));
                }
            }
        }

        return [.. seen];
    }

    /// <summary>The whole object (dictionary and stream) with its references renumbered.</summary>
    public byte[] Renumbered(int number, IReadOnlyDictionary<int, int> numbers)
    {
        var dictionary = AnyReference().Replace(Dictionary(number), m => $"{numbers[Number(m)]} 0 R");
        var stream = RawStream(number);
        if (stream is null)
        {
            return Bytes.GetBytes(dictionary);
        }

        return [.. Bytes.GetBytes(dictionary + "\nstream\n"), .. stream, .. Bytes.GetBytes("\nendstream")];
    }

    private void CollectPages(int node, List<int> pages)
    {
        var dictionary = Dictionary(node);
        if (TypePage().IsMatch(dictionary))
        {
            pages.Add(node);
            return;
        }

        var kids = KidsEntry().Match(dictionary);
        if (!kids.Success)
        {
            throw Broken($"page tree node {node} has no /Kids");
        }

        foreach (Match kid in AnyReference().Matches(kids.Groups[1].Value))
        {
            CollectPages(Number(kid), pages);
        }
    }

    private static int? Reference(string dictionary, string key) =>
        Regex.Match(dictionary, $@"/{key} (\d+) 0 R") is { Success: true } m ? Number(m) : null;

    private static int Number(Match reference) => int.Parse(reference.Groups[1].Value, CultureInfo.InvariantCulture);

    private static InvalidOperationException Broken(string what) => new($"Cannot tag the PDF: {what} in the PDF Skia wrote.");

    [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"\Gxref\r?\n(\d+) (\d+)\r?\n")]
    private static partial Regex XrefTable();

    [GeneratedRegex(@"\G\s*trailer\s*<<[^>]*?/Root (\d+) 0 R")]
    private static partial Regex RootReference();

    [GeneratedRegex(@"(?<=>>)\s*stream\r?\n")]
    private static partial Regex StreamKeyword();

    [GeneratedRegex(@"/Length (\d+)(?! \d+ R)")]
    private static partial Regex LengthEntry();

    [GeneratedRegex(@"(\d+) 0 R")]
    private static partial Regex AnyReference();

    [GeneratedRegex(@"/Type /Page(?!s)")]
    private static partial Regex TypePage();

    [GeneratedRegex(@"/Kids \[([^\]]*)\]")]
    private static partial Regex KidsEntry();

    [GeneratedRegex(@"/Resources <<(?:[^<>]|<<[^<>]*>>)*>>")]
    private static partial Regex ResourcesEntry();

    [GeneratedRegex(@"/(ExtGState|Font|XObject|Pattern|Shading|ColorSpace) <<([^<>]*)>>")]
    private static partial Regex ResourceCategory();

    [GeneratedRegex(@"/([^\s/<>\[\]()]+)\s+(\d+) 0 R")]
    private static partial Regex NamedReference();

    [GeneratedRegex(@"\S")]
    private static partial Regex RemainsAfterReferences();
}
