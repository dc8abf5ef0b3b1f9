using System.Reflection;

namespace Reporting.Publication.Html;

/// <summary>
/// The site's paths and its shared files: one stylesheet, the publication's Noto Sans subsets (the PDF's own files,
/// under the SIL Open Font License, whose text travels with them) and the two small scripts, all from the assembly.
/// </summary>
public static class SiteAssets
{
    public const string Folder = "site/";
    public const string IndexPath = "index.html";
    public const string MethodologyPath = "methodologie.html";
    public const string DownloadsPath = "telechargements.html";
    public const string TerritoriesPath = "territoires.html";
    public const string StylesheetPath = "style.css";
    public const string FontLicencePath = "polices/OFL.txt";

    public static readonly string[] Fonts = ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"];

    public static byte[] Stylesheet => Resource("Reporting.Publication.Html.site.css");

    public static string SearchScript => System.Text.Encoding.UTF8.GetString(Resource("Reporting.Publication.Html.search.js"));

    public static string SortScript => System.Text.Encoding.UTF8.GetString(Resource("Reporting.Publication.Html.sort.js"));

    /// <summary>The stylesheet, the fonts and their licence, as site files.</summary>
    public static IEnumerable<(string SitePath, byte[] Content)> Files()
    {
        yield return (StylesheetPath, Stylesheet);
        foreach (var font in Fonts)
        {
            yield return ("polices/" + font, Resource("Reporting.Publication.Fonts." + font));
        }

        yield return (FontLicencePath, Resource("Reporting.Publication.Fonts.OFL.txt"));
    }

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
