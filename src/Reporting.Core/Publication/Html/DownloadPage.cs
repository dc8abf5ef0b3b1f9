using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Reporting.Publication.Folder;
using Reporting.Publication.Narrative;
using Reporting.Publication.Report;

namespace Reporting.Publication.Html;

/// <summary>
/// The download page: every file of the publication with what it holds, its format and size, and the same list as a
/// schema.org Dataset (JSON-LD) with its licence and coverage, for catalogues that read it.
/// </summary>
public static class DownloadPage
{
    private sealed record Entry(string Path, string Name, string Content, string Format, string MediaType);

    public static byte[] Render(PublicationContext ctx, IReadOnlyList<OutputFile> published)
    {
        var n = ctx.Year.ToString(CultureInfo.InvariantCulture);
        // The same files in the same words as the folder's guide (LISEZMOI.md); the sheets are listed below, one by one.
        var catalogue = PublishedFiles.For(ctx.Year)
            .Where(f => published.Any(p => p.RelativePath == f.Path))
            .Select(f => new Entry(f.Path, f.Name, f.Content, f.Format, f.MediaType))
            .ToArray();
        var sheets = ctx.Geography.Departements
            .Select(d => new Entry($"fiches/{d.Code}.pdf", $"Fiche départementale {SiteLinks.DepartementLabel(d)}", string.Empty, "PDF", "application/pdf"))
            .Where(e => published.Any(f => f.RelativePath == e.Path)).ToArray();
        var sizes = published.ToDictionary(f => f.RelativePath, f => f.Content.Length, StringComparer.Ordinal);

        var page = new SitePage(SiteAssets.DownloadsPath);
        var frame = new PageFrame($"{SiteWords.Downloads} — {SiteWords.SiteName(ctx.Year)}", $"Données ouvertes, dictionnaire, classeur et publications PDF {n} : mineurs victimes d'exploitation sexuelle.", Section.Downloads, [(SiteWords.France, SiteAssets.IndexPath), (SiteWords.Downloads, null)])
        {
            JsonLd = JsonLd(ctx, [.. catalogue, .. sheets], sizes),
        };
        return SiteLayout.Page(page, frame, ctx.Year, ctx.Identity, ctx.EditionLine, m => m.Element("h1", $"{SiteWords.Downloads} — {n}").Line(), m =>
        {
            m.Open("p").Text($"Les fichiers de la publication {n}, sous ").Element("a", ctx.Identity.Licence, ("href", ctx.Identity.LicenceUrl), ("rel", "license")).Text(" : réutilisation libre, en citant la source (" + ctx.Identity.ServiceShort + ").").Close("p").Line();
            m.Open("p").Text("Ils sont aussi publiés sur ").Element("a", ctx.Identity.TablesUrl, ("href", ctx.Identity.TablesUrl)).Text(".").Close("p").Line();
            m.Open("div", ("class", "table-wrap"), ("role", "region"), ("aria-labelledby", "fichiers"), ("tabindex", "0")).Open("table", ("class", "downloads")).Line();
            m.Element("caption", $"Fichiers de la publication {n}", ("id", "fichiers")).Line();
            m.Open("thead").Open("tr").Element("th", "Fichier", ("scope", "col")).Element("th", "Contenu", ("scope", "col")).Element("th", "Format", ("scope", "col")).Element("th", "Taille", ("scope", "col"), ("class", "num")).Close("tr").Close("thead").Line();
            m.Open("tbody").Line();
            foreach (var e in catalogue)
            {
                m.Open("tr").Open("th", ("scope", "row")).Element("a", e.Name, ("href", "../" + e.Path)).Raw("<br>").Element("span", e.Path, ("class", "note")).Close("th")
                    .Element("td", e.Content).Element("td", e.Format).Element("td", Size(sizes[e.Path]), ("class", "num")).Close("tr").Line();
            }

            m.Close("tbody").Close("table").Close("div").Line();
            if (sheets.Length > 0)
            {
                m.Element("h2", "Fiches départementales (PDF)", ("id", "fiches")).Line();
                m.Element("p", "Chaque fiche a aussi sa page sur ce site (voir « " + SiteWords.Territories + " »).").Line();
                m.Open("ul", ("class", "territories")).Line();
                foreach (var e in sheets)
                {
                    m.Open("li").Element("a", $"{e.Name} — PDF, {Size(sizes[e.Path])}", ("href", "../" + e.Path)).Close("li").Line();
                }

                m.Close("ul").Line();
            }
        });
    }

    /// <summary>A file's size as readers see it: « 12,3 ko » (1 ko = 1 024 octets).</summary>
    public static string Size(int bytes) => FrenchFormat.Decimal(bytes / 1024m) + FrenchFormat.NoBreakSpace + "ko";

    private static string JsonLd(PublicationContext ctx, IReadOnlyList<Entry> entries, IReadOnlyDictionary<string, int> sizes)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,

            // Keeps < > & escaped (the JSON sits in a script element) and every letter readable.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        using (var w = new Utf8JsonWriter(stream, options))
        {
            w.WriteStartObject();
            w.WriteString("@context", "https://schema.org");
            w.WriteString("@type", "Dataset");
            w.WriteString("name", PublishedFiles.DatasetTitle(ctx.FirstYear, ctx.Year));
            w.WriteString("description", PublishedFiles.DatasetDescription);
            w.WriteString("inLanguage", "fr");
            w.WriteString("license", ctx.Identity.LicenceUrl);
            w.WriteBoolean("isAccessibleForFree", true);
            w.WriteStartObject("creator");
            w.WriteString("@type", "Organization");
            w.WriteString("name", ctx.Identity.Service);
            w.WriteString("alternateName", ctx.Identity.ServiceShort);
            w.WriteEndObject();
            w.WriteString("isPartOf", ctx.Identity.SeriesLine);
            if (ctx.Identity.Issn.Length > 0)
            {
                w.WriteString("issn", ctx.Identity.Issn);
            }

            w.WriteString("citation", string.Join(" ", ctx.Templates.Render("citation", AnnualReport.Citation(ctx)).Take(1)));
            if (ctx.Parameters.PublicationDate is { } date)
            {
                w.WriteString("datePublished", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            w.WriteString("temporalCoverage", $"{ctx.FirstYear}/{ctx.Year}");
            w.WriteStartObject("spatialCoverage");
            w.WriteString("@type", "Place");
            w.WriteString("name", "France (métropole et départements d'outre-mer), régions et départements");
            w.WriteEndObject();
            w.WriteStartArray("keywords");
            foreach (var k in new[] { "exploitation sexuelle", "mineurs", "prostitution", "proxénétisme", "traite des êtres humains", "statistique publique" })
            {
                w.WriteStringValue(k);
            }

            w.WriteEndArray();
            w.WriteStartArray("distribution");
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteString("@type", "DataDownload");
                w.WriteString("name", e.Name);
                w.WriteString("encodingFormat", e.MediaType);
                w.WriteString("contentUrl", "../" + e.Path);
                w.WriteString("contentSize", sizes[e.Path].ToString(CultureInfo.InvariantCulture) + " B");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
