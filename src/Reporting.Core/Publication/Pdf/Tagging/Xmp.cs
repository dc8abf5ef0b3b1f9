using System.Globalization;
using System.Security;

namespace Reporting.Publication.Pdf.Tagging;

/// <summary>
/// The XMP metadata packet: the Info dictionary's values, and the PDF/UA identifier (<c>pdfuaid:part 1</c>,
/// ISO 14289-1, 5) that tells a checker which standard to hold the file to. No document or instance ID: they would be
/// random, and the bytes must depend on the content only.
/// </summary>
internal static class Xmp
{
    public static string Packet(DocumentInfo info, DateTime date)
    {
        var when = date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $"""
            <?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about=""
              xmlns:dc="http://purl.org/dc/elements/1.1/"
              xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
              xmlns:xmp="http://ns.adobe.com/xap/1.0/"
              xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{Escape(info.Title)}</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>{Escape(info.Author)}</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{Escape(info.Subject)}</rdf:li></rdf:Alt></dc:description>
            <dc:language><rdf:Bag><rdf:li>{DocumentInfo.Language}</rdf:li></rdf:Bag></dc:language>
            <pdf:Keywords>{Escape(string.Join(", ", info.Keywords))}</pdf:Keywords>
            <pdf:Producer>Reporting</pdf:Producer>
            <xmp:CreatorTool>Reporting</xmp:CreatorTool>
            <xmp:CreateDate>{when}</xmp:CreateDate>
            <xmp:ModifyDate>{when}</xmp:ModifyDate>
            <pdfuaid:part>1</pdfuaid:part>
            </rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """;
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
