using Reporting.Publication.Report;

namespace Reporting.Publication.Html;

/// <summary>
/// The web edition (<c>site/</c>): the annual report, its methodology annex, one page per département and per region,
/// the list of territories and the download page, rendered from the same composed elements as the PDFs — one text,
/// two layouts. Self-contained: one stylesheet, the publication's fonts, relative links only, nothing loaded from
/// elsewhere; the same edition gives the same bytes.
/// </summary>
public static class SiteRenderer
{
    /// <summary>The report's annex is its section whose level-1 heading ends so (« 7. Méthodologie »): a page of its own.</summary>
    public const string AnnexHeading = "Méthodologie";

    /// <param name="published">the publication's other files, which the download page lists and links</param>
    public static IReadOnlyList<OutputFile> Render(PublicationContext ctx, ComposedDocument report, IReadOnlyList<(string Code, ComposedDocument Sheet)> sheets, IReadOnlyList<OutputFile> published)
    {
        var site = new SiteBuilder(ctx, published);
        var (body, annex) = SplitAnnex(report.Elements);
        var files = new List<(string, byte[])>
        {
            (SiteAssets.IndexPath, site.Report(body, annex[0] is HeadingElement h ? h.Text : AnnexHeading)),
            (SiteAssets.MethodologyPath, site.Methodology(annex)),
            (SiteAssets.TerritoriesPath, site.Territories()),
            (SiteAssets.DownloadsPath, DownloadPage.Render(ctx, published)),
        };
        files.AddRange(sheets.Select(s => (SiteLinks.DepartementPath(s.Code), site.Departement(s.Code, s.Sheet))));
        files.AddRange(ctx.Geography.Regions.Select(r => (SiteLinks.RegionPath(r.Code), site.Region(r.Code, RegionPage.Compose(ctx, r.Code)))));
        files.AddRange(SiteAssets.Files());
        return [.. files.Select(f => new OutputFile(SiteAssets.Folder + f.Item1, f.Item2))];
    }

    /// <summary>The report's elements before its annex, and the annex from its heading on (the page break between them dropped).</summary>
    public static (IReadOnlyList<Element> Body, IReadOnlyList<Element> Annex) SplitAnnex(IReadOnlyList<Element> elements)
    {
        var at = elements.ToList().FindIndex(e => e is HeadingElement { Level: 1 } h && h.Text.EndsWith(AnnexHeading, StringComparison.Ordinal));
        if (at < 0)
        {
            throw new InvalidOperationException($"The report has no level-1 heading ending with « {AnnexHeading} »: the web edition cannot find its methodology annex.");
        }

        var end = at;
        while (end > 0 && elements[end - 1] is PageBreakElement)
        {
            end--;
        }

        return ([.. elements.Take(end)], [.. elements.Skip(at)]);
    }
}
