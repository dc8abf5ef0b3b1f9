using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Reporting.Publication.Workbook;

/// <summary>
/// Makes a saved workbook byte-identical from one run to the next (outputs.md: no clock, no random ids in an output).
/// System.IO.Packaging, under ClosedXML, leaves three things that change at every save: each zip entry's time, the
/// name of the core properties part (<c>/package/services/metadata/core-properties/&lt;guid&gt;.psmdcp</c>) and the ids of
/// the package relationships (<c>R&lt;random hex&gt;</c>). The package is rewritten entry by entry, in the same order and
/// with the same compression, with one fixed time, the core properties under Excel's own name <c>docProps/core.xml</c>,
/// and relationship ids numbered in order. The core properties also get the document language, which ClosedXML 0.95
/// cannot set.
/// </summary>
internal static partial class DeterministicPackage
{
    public const string CorePropertiesPart = "docProps/core.xml";

    private const string PackageRelationships = "_rels/.rels";

    private const string ContentTypes = "[Content_Types].xml";

    private const string CorePropertiesType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

    private const string CorePropertiesContentType = "application/vnd.openxmlformats-package.core-properties+xml";

    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly XNamespace Types = "http://schemas.openxmlformats.org/package/2006/content-types";

    public static byte[] Rewrite(byte[] package, DateTime stamp, string language)
    {
        var entryTime = new DateTimeOffset(DateTime.SpecifyKind(stamp, DateTimeKind.Unspecified), TimeSpan.Zero);
        using var source = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        var parts = source.Entries.Select(e => (Name: e.FullName, Content: Read(e))).ToList();
        var relationships = parts.FindIndex(p => p.Name == PackageRelationships);
        if (relationships < 0)
        {
            throw new InvalidOperationException($"Classeur sans {PackageRelationships}.");
        }

        var (rels, coreName) = NormaliseRelationships(parts[relationships].Content);
        parts[relationships] = (PackageRelationships, rels);
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].Name == coreName)
            {
                parts[i] = (CorePropertiesPart, WithLanguage(parts[i].Content, language));
            }
            else if (parts[i].Name == ContentTypes)
            {
                parts[i] = (ContentTypes, WithCoreContentType(parts[i].Content, coreName));
            }
        }

        using var buffer = new MemoryStream();
        using (var target = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                // System.IO.Packaging writes every part with CompressionOption.Normal, that is Deflate at Optimal.
                var entry = target.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = entryTime;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Ids numbered in document order (nothing refers to package-level ids); the core part moved to its fixed name.</summary>
    private static (byte[] Content, string? CorePart) NormaliseRelationships(byte[] xml)
    {
        var document = Load(xml);
        string? core = null;
        var taken = document.Root!.Elements(Relationships + "Relationship").Select(r => (string?)r.Attribute("Id")).ToHashSet(StringComparer.Ordinal);
        var next = 1;
        foreach (var r in document.Root.Elements(Relationships + "Relationship"))
        {
            if (!NumberedId().IsMatch((string?)r.Attribute("Id") ?? string.Empty))
            {
                while (taken.Contains($"rId{next}"))
                {
                    next++;
                }

                r.SetAttributeValue("Id", $"rId{next}");
                taken.Add($"rId{next}");
            }

            if ((string?)r.Attribute("Type") == CorePropertiesType)
            {
                core = ((string?)r.Attribute("Target"))?.TrimStart('/');
                r.SetAttributeValue("Target", "/" + CorePropertiesPart);
            }
        }

        return (Save(document), core);
    }

    private static byte[] WithCoreContentType(byte[] xml, string? corePart)
    {
        var document = Load(xml);
        if (corePart is null)
        {
            return xml;
        }

        if (Path.GetExtension(corePart) is { Length: > 1 } extension && extension != ".xml")
        {
            document.Root!.Elements(Types + "Default").Where(d => (string?)d.Attribute("Extension") == extension[1..]).Remove();
        }

        document.Root!.Elements(Types + "Override").Where(o => (string?)o.Attribute("PartName") == "/" + CorePropertiesPart).Remove();
        document.Root.Add(new XElement(Types + "Override", new XAttribute("PartName", "/" + CorePropertiesPart), new XAttribute("ContentType", CorePropertiesContentType)));
        return Save(document);
    }

    private static byte[] WithLanguage(byte[] xml, string language)
    {
        var document = Load(xml);
        document.Root!.Elements(Dc + "language").Remove();
        document.Root.Add(new XElement(Dc + "language", language));
        return Save(document);
    }

    private static XDocument Load(byte[] xml) => XDocument.Load(new MemoryStream(xml));

    private static byte[] Save(XDocument document)
    {
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        return output.ToArray();
    }

    [GeneratedRegex("^rId[0-9]+$")]
    private static partial Regex NumberedId();
}
