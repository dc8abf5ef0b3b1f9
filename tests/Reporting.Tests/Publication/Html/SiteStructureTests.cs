using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Reporting.Publication.Html;
using Reporting.Tests.Support;

namespace Reporting.Tests.Publication.Html;

/// <summary>
/// The web edition's pages are valid and accessible by structure (what a browser and a screen reader rely on): they
/// parse without error, say their language, have one h1 and headings in order, landmarks and a skip link, ids never
/// twice, every graphic named, every table headed; every internal link leads to a file of the publication; nothing is
/// loaded from elsewhere. axe-core in a browser checks the rest (tools/check-html-a11y.sh).
/// </summary>
public sealed class SiteStructureTests
{
    private static readonly Reporting.Publication.Narrative.PublicationIdentity Identity = Reporting.Publication.Narrative.TemplateSet.Load(SampleRun.Parameters.Templates).Identity;

    private static readonly HashSet<string> Outputs = SampleRun.Outcome.Files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void The_site_has_its_pages_and_its_shared_files()
    {
        var site = Outputs.Where(p => p.StartsWith(SiteAssets.Folder, StringComparison.Ordinal)).ToArray();

        Assert.Contains("site/index.html", site);
        Assert.Contains("site/methodologie.html", site);
        Assert.Contains("site/telechargements.html", site);
        Assert.Contains("site/territoires.html", site);
        Assert.Contains("site/style.css", site);
        Assert.Contains("site/polices/OFL.txt", site);
        Assert.Equal(101, site.Count(p => p.StartsWith("site/departements/", StringComparison.Ordinal)));
        Assert.Equal(18, site.Count(p => p.StartsWith("site/regions/", StringComparison.Ordinal)));
        Assert.Equal(3, site.Count(p => p.EndsWith(".ttf", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_page_has_a_language_a_title_one_h1_headings_in_order_landmarks_and_a_skip_link()
    {
        var problems = new List<string>();
        foreach (var (path, page) in SitePages.All)
        {
            void Check(bool ok, string what)
            {
                if (!ok)
                {
                    problems.Add($"{path}: {what}");
                }
            }

            Check(page.DocumentElement.GetAttribute("lang") == "fr", "lang is not fr");
            Check(page.Doctype?.Name == "html", "no HTML doctype");
            Check(!string.IsNullOrWhiteSpace(page.Title), "no title");
            Check(!string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")), "no description");
            Check(page.QuerySelectorAll("h1").Length == 1, "not exactly one h1");
            var levels = page.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToArray();
            Check(levels.Length > 0 && levels[0] == 1, "the first heading is not the h1");
            Check(levels.Zip(levels.Skip(1)).All(p => p.Second <= p.First + 1), "a heading level is skipped");
            Check(page.QuerySelectorAll("body > header").Length == 1 && page.QuerySelectorAll("main").Length == 1 && page.QuerySelectorAll("body > footer").Length == 1, "not one header, main and footer");
            var navs = page.QuerySelectorAll("nav").Select(n => n.GetAttribute("aria-label") ?? n.GetAttribute("aria-labelledby")).ToArray();
            Check(navs.Length > 0 && navs.All(n => n is not null) && navs.Distinct().Count() == navs.Length, "navigation landmarks missing or not told apart");
            var skip = page.Body!.FirstElementChild;
            Check(skip?.LocalName == "a" && skip.GetAttribute("href") == "#contenu" && page.GetElementById("contenu")?.LocalName == "main", "no skip link to main first in the body");
            Check(page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href")?.EndsWith("style.css", StringComparison.Ordinal) == true, "no shared stylesheet");
            Check(page.QuerySelectorAll("[style]").Length == 0 && page.QuerySelectorAll("style").Length == 0, "inline styles");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(40)));
    }

    [Fact]
    public void Ids_are_unique_and_every_reference_to_one_resolves()
    {
        var problems = new List<string>();
        foreach (var (path, page) in SitePages.All)
        {
            var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToArray();
            problems.AddRange(ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{path}: id {g.Key} {g.Count()} times"));
            var known = ids.ToHashSet(StringComparer.Ordinal);
            foreach (var e in page.QuerySelectorAll("[aria-labelledby], [aria-describedby], [aria-controls], label[for]"))
            {
                var refs = new[] { "aria-labelledby", "aria-describedby", "aria-controls", "for" }.Select(e.GetAttribute).Where(v => v is not null).SelectMany(v => v!.Split(' '));
                problems.AddRange(refs.Where(r => !known.Contains(r)).Select(r => $"{path}: <{e.LocalName}> refers to missing id {r}"));
            }

            foreach (var e in page.QuerySelectorAll("[fill^='url(#']"))
            {
                var id = e.GetAttribute("fill")!["url(#".Length..^1];
                if (!known.Contains(id))
                {
                    problems.Add($"{path}: fill refers to missing pattern {id}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(40)));
    }

    [Fact]
    public void Every_graphic_is_named_and_every_table_is_headed()
    {
        var problems = new List<string>();
        foreach (var (path, page) in SitePages.All)
        {
            string Named(IElement e) => string.Join(" ", (e.GetAttribute("aria-labelledby") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => page.GetElementById(id)?.TextContent.Trim() ?? string.Empty)).Trim();

            problems.AddRange(page.QuerySelectorAll("img").Where(i => i.GetAttribute("alt") is null).Select(_ => $"{path}: img without alt"));
            foreach (var svg in page.QuerySelectorAll("svg"))
            {
                var role = svg.GetAttribute("role");
                var ok = svg.GetAttribute("aria-hidden") == "true"
                    || (role == "img" && Named(svg).Length > 0 && svg.QuerySelector("title") is not null && svg.QuerySelector("desc") is { TextContent.Length: > 0 })
                    || (role == "group" && Named(svg).Length > 0);
                if (!ok)
                {
                    problems.Add($"{path}: an svg is neither hidden nor named ({svg.GetAttribute("class")})");
                }
            }

            problems.AddRange(page.QuerySelectorAll("svg a").Where(a => string.IsNullOrWhiteSpace(a.GetAttribute("aria-label"))).Select(_ => $"{path}: a map link has no name"));
            problems.AddRange(page.QuerySelectorAll("a").Where(a => a.Closest("svg") is null && string.IsNullOrWhiteSpace(a.TextContent)).Select(_ => $"{path}: a link without text"));
            foreach (var table in page.QuerySelectorAll("table"))
            {
                var caption = table.QuerySelector("caption")?.TextContent.Trim();
                if (string.IsNullOrEmpty(caption))
                {
                    problems.Add($"{path}: a table without caption");
                    continue;
                }

                if (table.QuerySelectorAll("thead th[scope=col]").Length == 0 || table.QuerySelectorAll("th").Any(th => th.GetAttribute("scope") is not ("col" or "row")))
                {
                    problems.Add($"{path}: table « {caption} » is not headed (th with scope)");
                }

                var symbols = table.QuerySelectorAll("td, th").Where(c => PageText.Text(c) is "c" or "x" or "z");
                problems.AddRange(symbols.Where(c => c.QuerySelector("abbr[title]") is null).Select(c => $"{path}: table « {caption} »: symbol {PageText.Text(c)} not explained"));
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(40)));
    }

    [Fact]
    public void Every_internal_link_leads_to_a_file_of_the_publication_and_nothing_is_loaded_from_elsewhere()
    {
        var problems = new List<string>();
        foreach (var (path, page) in SitePages.All)
        {
            foreach (var e in page.QuerySelectorAll("[href], [src]"))
            {
                var target = e.GetAttribute("href") ?? e.GetAttribute("src")!;
                if (target.StartsWith("https://", StringComparison.Ordinal) || target.StartsWith("http://", StringComparison.Ordinal))
                {
                    // Only a link a reader follows (the licence's text, where the tables are published) may lead out; nothing
                    // is loaded from there.
                    if (e.LocalName != "a" || (target != Identity.LicenceUrl && target != Identity.TablesUrl))
                    {
                        problems.Add($"{path}: <{e.LocalName}> leads out to {target}");
                    }

                    continue;
                }

                var (file, fragment) = target.IndexOf('#', StringComparison.Ordinal) is var at and >= 0 ? (target[..at], target[(at + 1)..]) : (target, null);
                var resolved = file.Length == 0 ? path : Resolve(path, file);
                if (resolved is null || !Outputs.Contains(resolved.StartsWith("../", StringComparison.Ordinal) ? resolved[3..] : SiteAssets.Folder + resolved))
                {
                    problems.Add($"{path}: {target} leads to no file of the publication");
                }
                else if (fragment is not null && (SitePages.Has(resolved) ? SitePages.Get(resolved).GetElementById(fragment) : null) is null)
                {
                    problems.Add($"{path}: {target} leads to no element");
                }
            }
        }

        var css = Encoding.UTF8.GetString(SampleRun.File(SampleRun.Outcome, "site/style.css"));
        Assert.DoesNotContain("http", css, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", css, StringComparison.Ordinal);
        foreach (var font in SiteAssets.Fonts)
        {
            Assert.Contains($"url(\"polices/{font}\")", css, StringComparison.Ordinal);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(40)));
    }

    [Fact]
    public void The_download_page_describes_the_dataset_and_each_of_its_files()
    {
        var page = SitePages.Get(SiteAssets.DownloadsPath);

        var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;

        Assert.Equal("Dataset", json.GetProperty("@type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("description").GetString()));
        Assert.Equal(Identity.LicenceUrl, json.GetProperty("license").GetString());
        Assert.StartsWith("Citer cette publication", json.GetProperty("citation").GetString(), StringComparison.Ordinal);
        Assert.Equal($"{SampleRun.Edition.Indicators.Years[0]}/{SampleRun.Year}", json.GetProperty("temporalCoverage").GetString());
        Assert.Equal("Place", json.GetProperty("spatialCoverage").GetProperty("@type").GetString());
        var urls = json.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("contentUrl").GetString()!).ToArray();
        Assert.All(urls, u => Assert.Contains(u[3..], Outputs));
        Assert.Contains("../indicateurs-2025.csv", urls);
        Assert.Contains("../dictionnaire-indicateurs.csv", urls);
        Assert.Contains("../tableaux-2025.xlsx", urls);
        Assert.Contains("../rapport-2025.pdf", urls);
        Assert.Equal(101, urls.Count(u => u.StartsWith("../fiches/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_departement_page_links_its_region_and_france_and_the_map_and_the_list_lead_to_each()
    {
        var geography = SampleRun.Edition.Geography;
        foreach (var d in geography.Departements)
        {
            var trail = SitePages.Get($"departements/{d.Code}.html").QuerySelectorAll("nav.breadcrumb a").Select(a => a.GetAttribute("href")!).ToArray();
            Assert.Equal(new[] { "../index.html", $"../regions/{geography.RegionOf(d.Code).Code}.html" }, trail);
        }

        var codes = geography.Departements.Select(d => $"departements/{d.Code}.html").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(codes, SitePages.Get("index.html").QuerySelectorAll("svg.map-svg a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal));
        Assert.Equal(codes, SitePages.Get("territoires.html").QuerySelectorAll("li[data-recherche] a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal));
        Assert.Contains(SitePages.Get("territoires.html").QuerySelectorAll("li[data-recherche]"), li => li.GetAttribute("data-recherche") == "la reunion 974");
    }

    /// <summary>A relative link from a page, as a path inside site/ (or starting with ../ for the publication's other files).</summary>
    private static string? Resolve(string page, string link)
    {
        var parts = page.Split('/').SkipLast(1).ToList();
        foreach (var part in link.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count == 0 || parts[^1] == "..")
                {
                    parts.Add("..");
                }
                else
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        var path = string.Join('/', parts);
        return path.StartsWith("../../", StringComparison.Ordinal) ? null : path;
    }
}
