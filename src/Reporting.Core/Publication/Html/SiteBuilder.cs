using Reporting.Publication.Report;

namespace Reporting.Publication.Html;

/// <summary>The pages made of composed elements, and the list of territories, for one edition.</summary>
internal sealed class SiteBuilder(PublicationContext ctx, IReadOnlyList<OutputFile> published)
{
    private readonly SiteLinks links = new(ctx.Geography);
    private readonly HashSet<string> publishedPaths = published.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);

    private int Year => ctx.Year;

    private Narrative.PublicationIdentity Publisher => ctx.Identity;

    public byte[] Report(IReadOnlyList<Element> body, string annexTitle)
    {
        var page = new SitePage(SiteAssets.IndexPath);
        var title = (TitleElement)body[0];
        var renderer = new ElementRenderer(page, links, ctx.Geography, headingOffset: 1);
        var frame = new PageFrame(title.Title, title.Subtitle, Section.Report, []) { Script = SiteAssets.SortScript };
        return SiteLayout.Page(page, frame, Year, Publisher, ctx.EditionLine, m => renderer.Title(m, title), m =>
        {
            renderer.Render(m, body.Skip(1));
            page.AddPageToContents(annexTitle, SiteAssets.MethodologyPath);
        });
    }

    public byte[] Methodology(IReadOnlyList<Element> annex)
    {
        var page = new SitePage(SiteAssets.MethodologyPath);
        var renderer = new ElementRenderer(page, links, ctx.Geography, headingOffset: 0);
        var heading = (HeadingElement)annex[0];
        var frame = new PageFrame($"{SiteWords.Methodology} — {SiteWords.SiteName(Year)}", $"Sources, définitions, secret statistique et qualité des données de la publication {Year}.", Section.Methodology, [(SiteWords.France, SiteAssets.IndexPath), (SiteWords.Methodology, null)]);
        return SiteLayout.Page(page, frame, Year, Publisher, ctx.EditionLine, m => renderer.Render(m, [heading]), m => renderer.Render(m, annex.Skip(1)));
    }

    public byte[] Departement(string code, ComposedDocument sheet)
    {
        var page = new SitePage(SiteLinks.DepartementPath(code));
        var dep = ctx.Geography[code];
        var region = ctx.Geography.RegionOf(code);
        var renderer = new ElementRenderer(page, links, ctx.Geography, headingOffset: 1);
        var title = (TitleElement)sheet.Elements[0];
        var frame = new PageFrame(
            $"{SiteLinks.DepartementLabel(dep)} — mineurs victimes d'exploitation sexuelle, {Year}",
            $"Fiche départementale {Year} : {SiteLinks.DepartementLabel(dep)}, région {region.Name}. Mineurs victimes d'exploitation sexuelle repérés par la police, la justice, l'aide sociale à l'enfance et les établissements de santé.",
            Section.Territories,
            [(SiteWords.France, SiteAssets.IndexPath), (region.Name, SiteLinks.RegionPath(region.Code)), (SiteLinks.DepartementLabel(dep), null)]);
        return SiteLayout.Page(page, frame, Year, Publisher, ctx.EditionLine, m => renderer.Title(m, title), m =>
        {
            renderer.Render(m, sheet.Elements.Skip(1));
            PageLinks(m, page, [($"{SiteWords.DepartementPdf} ({Size($"fiches/{code}.pdf")})", $"fiches/{code}.pdf")]);
        });
    }

    public byte[] Region(string code, ComposedDocument document)
    {
        var page = new SitePage(SiteLinks.RegionPath(code));
        var region = ctx.Geography.GetRegion(code);
        var renderer = new ElementRenderer(page, links, ctx.Geography, headingOffset: 1);
        var title = (TitleElement)document.Elements[0];
        var frame = new PageFrame(
            $"{region.Name} — mineurs victimes d'exploitation sexuelle, {Year}",
            $"Page régionale {Year} : {region.Name}. Mineurs victimes d'exploitation sexuelle, par département.",
            Section.Territories,
            [(SiteWords.France, SiteAssets.IndexPath), (region.Name, null)]);
        return SiteLayout.Page(page, frame, Year, Publisher, ctx.EditionLine, m => renderer.Title(m, title), m => renderer.Render(m, document.Elements.Skip(1)));
    }

    /// <summary>Every département by region, with a search that ignores accents (the list works without the script).</summary>
    public byte[] Territories()
    {
        var page = new SitePage(SiteAssets.TerritoriesPath);
        var frame = new PageFrame($"{SiteWords.Territories} — {SiteWords.SiteName(Year)}", $"Les pages des 101 départements et des 18 régions : mineurs victimes d'exploitation sexuelle, {Year}.", Section.Territories, [(SiteWords.France, SiteAssets.IndexPath), (SiteWords.Territories, null)])
        {
            Script = SiteAssets.SearchScript,
        };
        return SiteLayout.Page(page, frame, Year, Publisher, ctx.EditionLine, m => m.Element("h1", SiteWords.Territories).Line(), m =>
        {
            m.Element("p", $"Chaque département et chaque région a sa page : ses chiffres de {Year}, comparés à sa région et à la France, et leur évolution depuis {ctx.FirstYear}. La carte du rapport mène aussi à chaque département.").Line();
            m.Open("div", ("class", "search"), ("id", "recherche-bloc"), ("hidden", string.Empty)).Line();
            m.Element("label", SiteWords.Search, ("for", "recherche")).Line();
            m.Element("p", SiteWords.SearchHint, ("class", "hint"), ("id", "recherche-aide")).Line();
            m.Open("input", ("type", "search"), ("id", "recherche"), ("autocomplete", "off"), ("aria-describedby", "recherche-aide"), ("aria-controls", "liste-territoires")).Line();
            m.Open("p", ("id", "recherche-etat"), ("role", "status")).Close("p").Line();
            m.Close("div").Line();
            m.Open("div", ("class", "territories"), ("id", "liste-territoires")).Line();
            foreach (var region in ctx.Geography.Regions.OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                var heading = page.Id("region-" + region.Code);
                m.Open("section", ("class", "region-group"), ("aria-labelledby", heading)).Line();
                m.Open("h2", ("id", heading)).Element("a", region.Name, ("href", page.Href(SiteLinks.RegionPath(region.Code)))).Close("h2").Line();
                m.Open("ul").Line();
                foreach (var d in region.Departements.Select(c => ctx.Geography[c]))
                {
                    var search = SitePage.Unaccented($"{d.Name} {d.Code}").ToLowerInvariant().Replace('-', ' ').Replace('\'', ' ');
                    m.Open("li", ("data-recherche", search)).Element("a", SiteLinks.DepartementLabel(d), ("href", page.Href(SiteLinks.DepartementPath(d.Code)))).Close("li").Line();
                }

                m.Close("ul").Close("section").Line();
            }

            m.Close("div").Line();
        });
    }

    /// <summary>Links to the page's other forms (its PDF), only to files the publication holds.</summary>
    private void PageLinks(Markup m, SitePage page, IReadOnlyList<(string Text, string Path)> targets)
    {
        var present = targets.Where(t => publishedPaths.Contains(t.Path)).ToArray();
        if (present.Length == 0)
        {
            return;
        }

        m.Open("ul", ("class", "page-links"), ("data-aide", string.Empty)).Line();
        foreach (var (text, path) in present)
        {
            m.Open("li").Element("a", text, ("href", page.Root + "../" + path)).Close("li").Line();
        }

        m.Close("ul").Line();
    }

    private string Size(string path) => published.FirstOrDefault(f => f.RelativePath == path) is { } f ? DownloadPage.Size(f.Content.Length) : string.Empty;
}
