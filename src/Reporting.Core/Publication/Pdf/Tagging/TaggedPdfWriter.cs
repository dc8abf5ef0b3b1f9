using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using static Reporting.Publication.Pdf.Tagging.PdfSyntax;

namespace Reporting.Publication.Pdf.Tagging;

/// <summary>
/// Writes the tagged PDF (PDF/UA-1) from the pieces drawn into Skia's scratch document: each page's pieces become one
/// content stream, each inside its marked-content sequence (an element's MCID, or an artifact); then the structure tree
/// and its parent tree, the outline, the XMP metadata and the catalogue's accessibility entries. The fonts and graphics
/// states Skia wrote are kept as they are. Nothing depends on the clock or on chance: the file identifier is a digest
/// of the file's own bytes.
/// </summary>
internal static class TaggedPdfWriter
{
    public static byte[] Write(SkiaPdfFile scratch, IReadOnlyList<IReadOnlyList<Piece>> pages, StructureElement root, DocumentInfo info, DateTime date)
    {
        var file = new ObjectTable();
        var catalog = file.Reserve();
        var infoObject = file.Reserve();
        var pageTree = file.Reserve();
        var pageObjects = pages.Select(_ => (Page: file.Reserve(), Content: file.Reserve())).ToArray();
        var treeRoot = file.Reserve();
        var parentTree = file.Reserve();
        var elements = root.DepthFirst().ToArray();
        var elementNumbers = elements.ToDictionary(e => e, _ => file.Reserve());
        var headings = elements.Where(e => e.IsHeading && e.Anchor is not null).ToArray();
        var outlines = headings.Length > 0 ? file.Reserve() : 0;
        var outlineItems = headings.Select(_ => file.Reserve()).ToArray();
        var metadata = file.Reserve();

        // Skia's fonts and graphics states, renumbered after the objects above.
        var resources = pages.SelectMany(p => p).Select(p => scratch.Pages[p.ScratchPage]).Distinct().SelectMany(scratch.Resources).ToArray();
        var kept = scratch.Closure(resources.Select(r => r.Object));
        var numbers = kept.ToDictionary(n => n, _ => file.Reserve());

        for (var i = 0; i < pages.Count; i++)
        {
            var (page, content) = pageObjects[i];
            var used = pages[i].SelectMany(p => scratch.Resources(scratch.Pages[p.ScratchPage])).Distinct().ToArray();
            var resourceText = new StringBuilder("<</ProcSet [/PDF /Text /ImageB /ImageC /ImageI]");
            foreach (var category in used.GroupBy(r => r.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                resourceText.Append(CultureInfo.InvariantCulture, $"\n/{category.Key} <<");
                foreach (var (_, name, number) in category.DistinctBy(r => r.Name).OrderBy(r => r.Name, StringComparer.Ordinal))
                {
                    resourceText.Append(CultureInfo.InvariantCulture, $"/{name} {Ref(numbers[number])} ");
                }

                resourceText.Append(">>");
            }

            resourceText.Append(">>");
            file.Set(page, $"<</Type /Page\n/Parent {Ref(pageTree)}\n/MediaBox [0 0 {Number(PageFrame.Width)} {Number(PageFrame.Height)}]\n/Resources {resourceText}\n/Contents {Ref(content)}\n/StructParents {i}\n/Tabs /S>>");
            file.SetStream(content, "", Compress(PageContent(scratch, pages[i])), "/Filter /FlateDecode");
        }

        file.Set(pageTree, $"<</Type /Pages\n/Kids [{string.Join(" ", pageObjects.Select(p => Ref(p.Page)))}]\n/Count {pages.Count}>>");

        // The structure tree: every element, and for each page the element that owns each MCID (the parent tree).
        file.Set(treeRoot, $"<</Type /StructTreeRoot\n/K [{Ref(elementNumbers[root])}]\n/ParentTree {Ref(parentTree)}\n/ParentTreeNextKey {pages.Count}>>");
        var nums = new StringBuilder("<</Nums [");
        for (var i = 0; i < pages.Count; i++)
        {
            var owners = pages[i].Where(p => p.Element is not null).OrderBy(p => p.Mcid).Select(p => Ref(elementNumbers[p.Element!]));
            nums.Append(CultureInfo.InvariantCulture, $"{i} [{string.Join(" ", owners)}]\n");
        }

        file.Set(parentTree, nums.Append("]>>").ToString());
        var notes = 0;
        foreach (var element in elements)
        {
            file.Set(elementNumbers[element], Element(element, element == root ? treeRoot : elementNumbers[element.Parent!], elementNumbers, pageObjects, ref notes));
        }

        WriteOutline(file, outlines, outlineItems, headings, pageObjects);
        file.SetStream(metadata, "/Type /Metadata /Subtype /XML", Encoding.UTF8.GetBytes(Xmp.Packet(info, date)), null);
        file.Set(infoObject, $"<</Title {Text(info.Title)}\n/Author {Text(info.Author)}\n/Subject {Text(info.Subject)}\n/Keywords {Text(string.Join(", ", info.Keywords))}\n/Creator (Reporting)\n/Producer (Reporting)\n/CreationDate ({Date(date)})\n/ModDate ({Date(date)})>>");
        var outlineEntries = outlines == 0 ? string.Empty : $"\n/Outlines {Ref(outlines)}\n/PageMode /UseOutlines";
        file.Set(catalog, $"<</Type /Catalog\n/Pages {Ref(pageTree)}\n/Lang {Text(DocumentInfo.Language)}\n/MarkInfo <</Marked true>>\n/StructTreeRoot {Ref(treeRoot)}\n/Metadata {Ref(metadata)}\n/ViewerPreferences <</DisplayDocTitle true>>{outlineEntries}>>");
        foreach (var (old, number) in numbers)
        {
            file.Set(number, scratch.Renumbered(old, numbers));
        }

        return file.Write(catalog, infoObject);
    }

    /// <summary>Each piece inside its marked-content sequence, in the order drawn: the logical order of the page.</summary>
    private static byte[] PageContent(SkiaPdfFile scratch, IReadOnlyList<Piece> pieces)
    {
        using var content = new MemoryStream();
        void Text(string text) => content.Write(SkiaPdfFile.Bytes.GetBytes(text));
        foreach (var piece in pieces)
        {
            Text(piece.Element is { } element
                ? string.Create(CultureInfo.InvariantCulture, $"/{element.Role} <</MCID {piece.Mcid}>> BDC\nq\n")
                : piece.Artifact switch
                {
                    ArtifactKind.Header => "/Artifact <</Type /Pagination /Subtype /Header>> BDC\nq\n",
                    ArtifactKind.Footer => "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nq\n",
                    ArtifactKind.Background => "/Artifact <</Type /Background>> BDC\nq\n",
                    _ => "/Artifact <</Type /Layout>> BDC\nq\n",
                });
            content.Write(scratch.Content(scratch.Pages[piece.ScratchPage]));
            Text("\nQ\nEMC\n");
        }

        return content.ToArray();
    }

    private static string Element(StructureElement element, int parent, Dictionary<StructureElement, int> numbers, (int Page, int Content)[] pages, ref int notes)
    {
        var page = element.Kids.OfType<MarkedContent>().Select(m => (int?)m.Page).FirstOrDefault();
        var kids = element.Kids.Select(k => k switch
        {
            StructureElement e => Ref(numbers[e]),
            MarkedContent m when m.Page == page => m.Mcid.ToString(CultureInfo.InvariantCulture),
            MarkedContent m => $"<</Type /MCR /Pg {Ref(pages[m.Page].Page)} /MCID {m.Mcid}>>",
            _ => throw new InvalidOperationException("A structure element's kid is an element or marked content."),
        });
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<</S /{element.Role} /P {Ref(parent)}");
        if (page is { } p)
        {
            text.Append(CultureInfo.InvariantCulture, $" /Pg {Ref(pages[p].Page)}");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n/K [{string.Join(" ", kids)}]");
        if (element.Alt is not null)
        {
            text.Append("\n/Alt ").Append(Text(element.Alt));
        }

        if (element.Scope is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n/A <</O /Table /Scope /{element.Scope}>>");
        }

        // Matterhorn 19-003: a Note has an ID, unique in the document.
        if (element.Role == Roles.Note)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n/ID (note-{++notes})");
        }

        return text.Append(">>").ToString();
    }

    /// <summary>The outline mirrors the headings: a heading is under the nearest heading of a higher level before it.</summary>
    private static void WriteOutline(ObjectTable file, int outlines, int[] items, StructureElement[] headings, (int Page, int Content)[] pages)
    {
        if (headings.Length == 0)
        {
            return;
        }

        var level = headings.Select(h => h.Role[1] - '0').ToArray();
        var parent = new int[headings.Length];
        var stack = new Stack<int>();
        for (var i = 0; i < headings.Length; i++)
        {
            while (stack.Count > 0 && level[stack.Peek()] >= level[i])
            {
                stack.Pop();
            }

            parent[i] = stack.Count > 0 ? stack.Peek() : -1;
            stack.Push(i);
        }

        int[] Children(int p) => Enumerable.Range(0, headings.Length).Where(i => parent[i] == p).ToArray();
        int Descendants(int p) => Children(p).Sum(c => 1 + Descendants(c));
        string Links(int p) => Children(p) is { Length: > 0 } children
            ? $"\n/First {Ref(items[children[0]])}\n/Last {Ref(items[children[^1]])}\n/Count {Descendants(p)}"
            : string.Empty;

        file.Set(outlines, $"<</Type /Outlines{Links(-1)}>>");
        for (var i = 0; i < headings.Length; i++)
        {
            var siblings = Children(parent[i]);
            var at = Array.IndexOf(siblings, i);
            var (page, top) = headings[i].Anchor!.Value;
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<</Title {Text(headings[i].Text ?? string.Empty)}\n/Parent {Ref(parent[i] < 0 ? outlines : items[parent[i]])}");
            if (at > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n/Prev {Ref(items[siblings[at - 1]])}");
            }

            if (at < siblings.Length - 1)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n/Next {Ref(items[siblings[at + 1]])}");
            }

            text.Append(Links(i));
            text.Append(CultureInfo.InvariantCulture, $"\n/Dest [{Ref(pages[page].Page)} /XYZ {Number(PageFrame.Content.Left)} {Number(PageFrame.Height - top)} null]>>");
            file.Set(items[i], text.ToString());
        }
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Objects by number, written in order with one classic cross-reference table.</summary>
    private sealed class ObjectTable
    {
        private readonly List<byte[]?> bodies = [];

        public int Reserve()
        {
            bodies.Add(null);
            return bodies.Count;
        }

        public void Set(int number, string body) => Set(number, SkiaPdfFile.Bytes.GetBytes(body));

        public void Set(int number, byte[] body) => bodies[number - 1] = body;

        public void SetStream(int number, string entries, byte[] data, string? filter)
        {
            var dictionary = string.Create(CultureInfo.InvariantCulture, $"<<{entries}{(entries.Length > 0 ? " " : string.Empty)}/Length {data.Length}{(filter is null ? string.Empty : " " + filter)}>>\nstream\n");
            Set(number, [.. SkiaPdfFile.Bytes.GetBytes(dictionary), .. data, .. SkiaPdfFile.Bytes.GetBytes("\nendstream")]);
        }

        public byte[] Write(int catalog, int info)
        {
            using var output = new MemoryStream();
            void Text(string text) => output.Write(SkiaPdfFile.Bytes.GetBytes(text));
            Text("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
            var offsets = new long[bodies.Count];
            for (var i = 0; i < bodies.Count; i++)
            {
                offsets[i] = output.Position;
                Text(string.Create(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n"));
                output.Write(bodies[i] ?? throw new InvalidOperationException($"PDF object {i + 1} was reserved and never written."));
                Text("\nendobj\n");
            }

            var xref = output.Position;
            var id = Convert.ToHexString(SHA256.HashData(output.ToArray()).AsSpan(0, 16));
            var table = new StringBuilder().Append(CultureInfo.InvariantCulture, $"xref\n0 {bodies.Count + 1}\n0000000000 65535 f \n");
            foreach (var offset in offsets)
            {
                table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
            }

            table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {bodies.Count + 1}\n/Root {Ref(catalog)}\n/Info {Ref(info)}\n/ID [<{id}> <{id}>]>>\nstartxref\n{xref}\n%%EOF\n");
            Text(table.ToString());
            return output.ToArray();
        }
    }
}
