namespace Reporting.Publication.Html;

/// <summary>Which entry of the main navigation a page belongs to.</summary>
public enum Section
{
    Report,
    Territories,
    Methodology,
    Downloads,
}

/// <summary>One page's frame: its title and description, its place in the navigation, and the trail that leads to it.</summary>
public sealed record PageFrame(string Title, string Description, Section Section, IReadOnlyList<(string Text, string? SitePath)> Trail)
{
    /// <summary>Machine-readable metadata for the page's head (JSON-LD), already serialised.</summary>
    public string? JsonLd { get; init; }

    /// <summary>A script for the page's end; the page works without it.</summary>
    public string? Script { get; init; }
}

/// <summary>
/// The frame every page shares: language, title, the shared stylesheet, a skip link, the header with the main
/// navigation, a breadcrumb, the main content with its table of contents, the footer. Only relative links: the site
/// works opened from disk, and loads nothing from elsewhere.
/// </summary>
public static class SiteLayout
{
    public static byte[] Page(SitePage page, PageFrame frame, int year, Narrative.PublicationIdentity identity, string editionLine, Action<Markup> title, Action<Markup> body)
    {
        // The body is written first: it gives the ids and the contents the frame's table of contents lists.
        var main = new Markup();
        body(main);
        var head = new Markup();
        title(head);

        var m = new Markup();
        m.Raw("<!DOCTYPE html>").Line().Open("html", ("lang", "fr")).Line().Open("head").Line();
        m.Open("meta", ("charset", "utf-8")).Line();
        m.Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1")).Line();
        m.Element("title", frame.Title).Line();
        m.Open("meta", ("name", "description"), ("content", frame.Description)).Line();
        m.Open("link", ("rel", "stylesheet"), ("href", page.Href(SiteAssets.StylesheetPath))).Line();
        if (frame.JsonLd is not null)
        {
            m.Open("script", ("type", "application/ld+json")).Raw(frame.JsonLd).Close("script").Line();
        }

        m.Close("head").Line().Open("body").Line();
        m.Element("a", SiteWords.SkipLink, ("class", "skip-link"), ("href", "#contenu")).Line();
        Header(m, page, frame, year);
        m.Open("main", ("id", "contenu"), ("tabindex", "-1")).Line();
        m.Raw(head.ToString());
        Contents(m, page);
        m.Raw(main.ToString());
        m.Close("main").Line();
        Footer(m, page, identity, editionLine);
        if (frame.Script is not null)
        {
            m.Open("script").Raw(frame.Script).Close("script").Line();
        }

        m.Close("body").Line().Close("html").Line();
        return m.ToUtf8();
    }

    private static void Header(Markup m, SitePage page, PageFrame frame, int year)
    {
        m.Open("header", ("class", "site-header")).Open("div", ("class", "wrap")).Line();
        m.Open("p", ("class", "site-name")).Element("a", SiteWords.SiteName(year), ("href", page.Href(SiteAssets.IndexPath))).Close("p").Line();
        m.Open("nav", ("aria-label", SiteWords.MainNavigation)).Open("ul").Line();
        foreach (var (section, text, path) in new[]
        {
            (Section.Report, SiteWords.Report, SiteAssets.IndexPath),
            (Section.Territories, SiteWords.Territories, SiteAssets.TerritoriesPath),
            (Section.Methodology, SiteWords.Methodology, SiteAssets.MethodologyPath),
            (Section.Downloads, SiteWords.Downloads, SiteAssets.DownloadsPath),
        })
        {
            var current = section == frame.Section ? (page.Path == path ? "page" : "true") : null;
            m.Open("li").Element("a", text, ("href", page.Href(path)), ("aria-current", current)).Close("li").Line();
        }

        m.Close("ul").Close("nav").Line().Close("div").Close("header").Line();
        if (frame.Trail.Count > 0)
        {
            m.Open("nav", ("class", "breadcrumb"), ("aria-label", SiteWords.Breadcrumb)).Open("ol").Line();
            foreach (var (text, path) in frame.Trail)
            {
                m.Open("li");
                if (path is null)
                {
                    m.Element("span", text, ("aria-current", "page"));
                }
                else
                {
                    m.Element("a", text, ("href", page.Href(path)));
                }

                m.Close("li").Line();
            }

            m.Close("ol").Close("nav").Line();
        }
    }

    private static void Contents(Markup m, SitePage page)
    {
        if (page.Contents.Count < 2)
        {
            return;
        }

        m.Open("nav", ("class", "toc"), ("aria-labelledby", "sommaire")).Line();
        m.Element("h2", SiteWords.Contents, ("id", "sommaire")).Line().Open("ol").Line();
        foreach (var (id, text) in page.Contents)
        {
            m.Open("li").Element("a", text, ("href", "#" + id)).Close("li").Line();
        }

        foreach (var (text, path) in page.ContentsLinks)
        {
            m.Open("li").Element("a", text, ("href", page.Href(path))).Close("li").Line();
        }

        m.Close("ol").Close("nav").Line();
    }

    private static void Footer(Markup m, SitePage page, Narrative.PublicationIdentity identity, string editionLine)
    {
        m.Open("footer", ("class", "site-footer")).Open("div", ("class", "wrap")).Line();
        m.Open("p").Text(SiteWords.Footer(identity.Service) + " ").Element("a", identity.Licence, ("href", identity.LicenceUrl), ("rel", "license")).Text(".").Close("p").Line();
        m.Element("p", $"{identity.SeriesLine}{(identity.Issn.Length > 0 ? $", ISSN {identity.Issn}" : string.Empty)}. Contact : {identity.Contact}").Line();
        m.Element("p", editionLine).Line();
        m.Open("ul", ("class", "footer-links")).Line();
        m.Open("li").Element("a", SiteWords.Methodology, ("href", page.Href(SiteAssets.MethodologyPath))).Close("li");
        m.Open("li").Element("a", SiteWords.Downloads, ("href", page.Href(SiteAssets.DownloadsPath))).Close("li");
        m.Open("li").Element("a", SiteWords.FontNotice, ("href", page.Href(SiteAssets.FontLicencePath))).Close("li");
        m.Close("ul").Line().Close("div").Close("footer").Line();
    }
}
