using System.Globalization;
using System.Text;
using Reporting.Reference;

namespace Reporting.Publication.Html;

/// <summary>
/// One page being written: where it sits in the site (so that every link is relative and the site works opened from
/// disk), the ids already given (never twice on a page) and the entries of its table of contents.
/// </summary>
public sealed class SitePage(string path)
{
    private readonly HashSet<string> ids = new(StringComparer.Ordinal) { "contenu" };
    private readonly List<(string Id, string Text)> sections = [];
    private readonly List<(string Id, string Text)> blocks = [];
    private readonly List<(string Text, string SitePath)> contentsLinks = [];

    /// <summary>The page's path inside <c>site/</c>, e.g. <c>departements/75.html</c>.</summary>
    public string Path { get; } = path;

    /// <summary>How to climb from this page to the site's root: <c>""</c> or <c>"../"</c>.</summary>
    public string Root { get; } = string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));

    /// <summary>The table of contents: the page's sections, or its tables and figures when it has no sections.</summary>
    public IReadOnlyList<(string Id, string Text)> Contents => sections.Count > 0 ? sections : blocks;

    public string Href(string sitePath) => Root + sitePath;

    /// <summary>A readable id made from the text (accents dropped), unique on the page.</summary>
    public string Id(string text)
    {
        var slug = Slug(text);
        var id = slug;
        for (var n = 2; !ids.Add(id); n++)
        {
            id = slug + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        return id;
    }

    /// <summary>Entries of the table of contents that lead to another page (the report's annex).</summary>
    public IReadOnlyList<(string Text, string SitePath)> ContentsLinks => contentsLinks;

    /// <summary>A section's heading (<paramref name="section"/>) or a table's or figure's caption.</summary>
    public void AddToContents(string id, string text, bool section) => (section ? sections : blocks).Add((id, text));

    public void AddPageToContents(string text, string sitePath) => contentsLinks.Add((text, sitePath));

    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var ch in Unaccented(text).ToLowerInvariant())
        {
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                sb.Append(ch);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }

            if (sb.Length >= 48)
            {
                break;
            }
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 || !char.IsAsciiLetter(slug[0]) ? "s-" + slug : slug;
    }

    /// <summary>
    /// The text without the diacritics French names carry (é → e): what the search ignores too. A table rather than
    /// Unicode normalisation, which the engine's invariant globalisation does not promise.
    /// </summary>
    public static string Unaccented(string text)
    {
        const string from = "àâäáãåçéèêëîïíìôöóòõùûüúÿñÀÂÄÁÃÅÇÉÈÊËÎÏÍÌÔÖÓÒÕÙÛÜÚŸÑ";
        const string to = "aaaaaaceeeeiiiiooooouuuuynAAAAAACEEEEIIIIOOOOOUUUUYN";
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var at = from.IndexOf(chars[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                chars[i] = to[at];
            }
        }

        return new string(chars);
    }
}

/// <summary>
/// Where a territory's name in a table leads: « Nord (59) » to its département page, a region's name to its region page.
/// Only exact cell texts are linked, so a sentence is never cut into links.
/// </summary>
public sealed class SiteLinks
{
    private readonly Dictionary<string, string> targets = new(StringComparer.Ordinal);

    public SiteLinks(Geography geography)
    {
        foreach (var d in geography.Departements)
        {
            targets[DepartementLabel(d)] = DepartementPath(d.Code);
        }

        foreach (var r in geography.Regions)
        {
            targets[r.Name] = RegionPath(r.Code);
        }
    }

    public static string DepartementLabel(Departement d) => $"{d.Name} ({d.Code})";

    public static string DepartementPath(string code) => $"departements/{code}.html";

    public static string RegionPath(string code) => $"regions/{code}.html";

    /// <summary>The site path a cell's text leads to, if it names a territory.</summary>
    public string? Target(string text) => targets.GetValueOrDefault(text);
}
