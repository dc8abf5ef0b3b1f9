using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics.Operations.MarkedContent;
using UglyToad.PdfPig.Tokens;

namespace Reporting.Tests.Publication.Pdf;

/// <summary>A structure element read back: its type, depth, the text of its own marked content, and its attributes.</summary>
internal sealed record StructureNode(string Role, int Depth, string Text, string? Alt, string? Scope, string? Id, int ContentCount);

/// <summary>
/// Reads a tagged PDF back through PdfPig's tokens, as an assistive technology would: the structure tree depth first,
/// each element's text from the marked content it owns (found by page and MCID), the outline, the catalogue's
/// accessibility entries, and every page operator that lies outside a marked-content sequence.
/// </summary>
internal sealed class TaggedReadBack
{
    private TaggedReadBack(IReadOnlyList<StructureNode> nodes, IReadOnlyList<string> outline, DictionaryToken catalog, string? xmp, IReadOnlyList<string> stray, IReadOnlyList<string> unowned)
    {
        Nodes = nodes;
        Outline = outline;
        Catalog = catalog;
        Xmp = xmp;
        Untagged = stray;
        Unowned = unowned;
    }

    public IReadOnlyList<StructureNode> Nodes { get; }

    /// <summary>The outline's titles, depth first, indented by two spaces a level.</summary>
    public IReadOnlyList<string> Outline { get; }

    public DictionaryToken Catalog { get; }

    public string? Xmp { get; }

    /// <summary>Page operators drawn outside any marked-content sequence ("page 2: Tj").</summary>
    public IReadOnlyList<string> Untagged { get; }

    /// <summary>Marked content with an MCID that no structure element owns, or tagged content without an MCID.</summary>
    public IReadOnlyList<string> Unowned { get; }

    /// <summary>What a screen reader reads: each element with content, indented by depth, its text or its alternative text.</summary>
    public IEnumerable<string> ReadingText() => Nodes
        .Where(n => n.Text.Length > 0 || n.Alt is not null)
        .Select(n => new string(' ', 2 * n.Depth) + n.Role + (n.Scope is null ? string.Empty : $"[{n.Scope}]") + ": " + (n.Alt is null ? n.Text : "[Alt] " + n.Alt));

    /// <summary>The tagged reading of <paramref name="pdf"/>, from the one reading of it the tests share (<see cref="PdfReadBack"/>).</summary>
    public static TaggedReadBack Read(byte[] pdf) => PdfReadBack.Tagged(pdf);

    /// <summary>Reads the structure of an open document whose pages are already read.</summary>
    internal static TaggedReadBack Read(PdfDocument document, Page[] pages)
    {
        var catalog = document.Structure.Catalog.CatalogDictionary;

        // Page object numbers in page order, from the page tree's kids.
        var pageNumbers = new Dictionary<long, int>();
        var order = new List<long>();
        void Walk(IToken node)
        {
            var dictionary = PdfInspection.Dictionary(document, node)!;
            if (dictionary.Data.TryGetValue("Kids", out var kids))
            {
                foreach (var kid in ((ArrayToken)PdfInspection.Resolve(document, kids)!).Data)
                {
                    Walk(kid);
                }
            }
            else
            {
                order.Add(((IndirectReferenceToken)node).Data.ObjectNumber);
            }
        }

        Walk(catalog.Data["Pages"]);
        for (var i = 0; i < order.Count; i++)
        {
            pageNumbers[order[i]] = i;
        }

        var contents = pages.Select(p => p.GetMarkedContents().Where(m => !m.IsArtifact).ToDictionary(m => m.MarkedContentIdentifier, m => Text(m.Letters))).ToArray();
        var owned = new HashSet<(int Page, int Mcid)>();
        var nodes = new List<StructureNode>();
        if (catalog.Data.TryGetValue("StructTreeRoot", out var treeRoot))
        {
            var root = PdfInspection.Dictionary(document, treeRoot)!;
            foreach (var kid in Kids(document, root))
            {
                Element(document, kid, 0, null);
            }
        }

        void Element(PdfDocument document, IToken token, int depth, int? inheritedPage)
        {
            var element = PdfInspection.Dictionary(document, token)!;
            var page = element.Data.TryGetValue("Pg", out var pg) ? pageNumbers[((IndirectReferenceToken)pg).Data.ObjectNumber] : inheritedPage;
            var text = new StringBuilder();
            var count = 0;
            var children = new List<IToken>();
            foreach (var kid in Kids(document, element))
            {
                switch (PdfInspection.Resolve(document, kid))
                {
                    case NumericToken mcid:
                        Own(page!.Value, mcid.Int);
                        break;
                    case DictionaryToken { } d when d.Data.TryGetValue("MCID", out var m):
                        Own(pageNumbers[((IndirectReferenceToken)d.Data["Pg"]).Data.ObjectNumber], ((NumericToken)m).Int);
                        break;
                    default:
                        children.Add(kid);
                        break;
                }
            }

            void Own(int onPage, int mcid)
            {
                owned.Add((onPage, mcid));
                count++;
                // Each line is its own marked content: a reader leaves a space between lines, as between words.
                text.Append(text.Length > 0 ? " " : string.Empty).Append(contents[onPage].TryGetValue(mcid, out var t) ? t : string.Empty);
            }

            var attributes = element.Data.TryGetValue("A", out var a) ? PdfInspection.Dictionary(document, a) : null;
            nodes.Add(new StructureNode(
                ((NameToken)element.Data["S"]).Data,
                depth,
                text.ToString(),
                TextOf(document, element, "Alt"),
                attributes is not null && attributes.Data.TryGetValue("Scope", out var scope) ? ((NameToken)scope).Data : null,
                TextOf(document, element, "ID"),
                count));
            foreach (var child in children)
            {
                Element(document, child, depth + 1, page);
            }
        }

        var stray = new List<string>();
        var unowned = new List<string>();
        for (var i = 0; i < pages.Length; i++)
        {
            var depth = 0;
            foreach (var operation in pages[i].Operations)
            {
                switch (operation)
                {
                    case BeginMarkedContent or BeginMarkedContentWithProperties:
                        depth++;
                        break;
                    case EndMarkedContent:
                        depth--;
                        break;
                    default:
                        if (depth == 0)
                        {
                            stray.Add($"page {i + 1}: {operation.Operator}");
                        }

                        break;
                }
            }

            foreach (var marked in pages[i].GetMarkedContents().Where(m => !m.IsArtifact))
            {
                if (marked.MarkedContentIdentifier < 0 || !owned.Contains((i, marked.MarkedContentIdentifier)))
                {
                    unowned.Add($"page {i + 1}: /{marked.Tag} MCID {marked.MarkedContentIdentifier}");
                }
            }
        }

        var outline = new List<string>();
        if (catalog.Data.TryGetValue("Outlines", out var outlines))
        {
            Items(PdfInspection.Dictionary(document, outlines)!, 0);
        }

        void Items(DictionaryToken parent, int level)
        {
            var item = parent.Data.TryGetValue("First", out var first) ? PdfInspection.Dictionary(document, first) : null;
            while (item is not null)
            {
                outline.Add(new string(' ', 2 * level) + TextOf(document, item, "Title"));
                Items(item, level + 1);
                item = item.Data.TryGetValue("Next", out var next) ? PdfInspection.Dictionary(document, next) : null;
            }
        }

        var xmp = document.TryGetXmpMetadata(out var metadata) ? Encoding.UTF8.GetString(metadata.GetXmlBytes().ToArray()) : null;
        return new TaggedReadBack(nodes, outline, catalog, xmp, stray, unowned);
    }

    /// <summary>Letters in content order; a reader leaves a space where the text goes on to a new line.</summary>
    private static string Text(IReadOnlyList<UglyToad.PdfPig.Content.Letter> letters)
    {
        var text = new StringBuilder();
        for (var i = 0; i < letters.Count; i++)
        {
            if (i > 0 && Math.Abs(letters[i].StartBaseLine.Y - letters[i - 1].StartBaseLine.Y) > 1 && !char.IsWhiteSpace(text[^1]))
            {
                text.Append(' ');
            }

            text.Append(letters[i].Value);
        }

        return text.ToString();
    }

    private static IEnumerable<IToken> Kids(PdfDocument document, DictionaryToken element) =>
        !element.Data.TryGetValue("K", out var k) ? [] : PdfInspection.Resolve(document, k) is ArrayToken array ? array.Data : [k];

    private static string? TextOf(PdfDocument document, DictionaryToken dictionary, string key) =>
        dictionary.Data.TryGetValue(key, out var value) && PdfInspection.Resolve(document, value) is { } token
            ? token switch
            {
                StringToken s => s.Data,
                HexToken h => h.Data,
                _ => token.ToString(),
            }
            : null;
}
