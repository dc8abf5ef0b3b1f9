using Reporting.Publication.Charts;
using Reporting.Publication.Report;
using Reporting.Reference;
using static Reporting.Publication.Html.Markup;

namespace Reporting.Publication.Html;

/// <summary>
/// The tile map as SVG: the PDF's grid (<see cref="TileGrid"/>), one link per département to its page, named by the
/// département and its published text. Each tile writes its code and its value, so that the class colour is never the
/// only carrier of the figure; hidden tiles are hatched, as in the PDF.
/// </summary>
public static class SvgMap
{
    private const double Tile = 44;
    private const double Gap = 2;

    /// <remarks>
    /// A tile's name begins with the code and the value it shows (« 59 18,2 pour 100 000 mineurs — Nord »): a person who
    /// speaks to their computer names the link by what they see (WCAG 2.5.3).
    /// </remarks>
    public static void Draw(Markup m, MapElement map, string id, Geography geography, SitePage page)
    {
        var words = ChartWords.French;
        var byCode = map.Tiles.ToDictionary(t => t.Code, StringComparer.Ordinal);
        var width = TileGrid.Columns * Tile;
        var height = TileGrid.Rows * Tile;
        m.Open("svg", ("class", "map-svg"), ("viewBox", $"0 0 {N(width)} {N(height)}"), ("role", "group"), ("aria-labelledby", id + "-titre")).Line();
        m.Element("title", map.Numbered, ("id", id + "-titre")).Line();
        m.Open("defs");
        Hatching(m, id + "-hachures");
        m.Close("defs").Line();
        m.Element("text", words.Overseas, ("x", "2"), ("y", N((TileGrid.OverseasRow * Tile) - 8)), ("class", "map-note")).Line();
        foreach (var (code, position) in TileGrid.Positions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var tile = byCode.TryGetValue(code, out var found) ? found : MapTile.NotAvailable(code);
            var shown = map.Shown.GetValueOrDefault(code, "x");
            var x = (position.Column * Tile) + (Gap / 2);
            var y = (position.Row * Tile) + (Gap / 2);
            var size = Tile - Gap;
            var dep = geography[code];
            m.Open("a", ("href", page.Href(SiteLinks.DepartementPath(code))), ("aria-label", $"{code} {TileWords(tile, shown, map.Legend)} — {dep.Name}"));
            var (fill, ink) = tile.State switch
            {
                TileState.Published => (SitePalette.Sequential[tile.Class], SitePalette.OnClass(tile.Class)),
                TileState.Secret => ($"url(#{id}-hachures)", SitePalette.Ink),
                _ => (SitePalette.NotAvailable, SitePalette.Ink),
            };
            m.Open("rect", ("x", N(x)), ("y", N(y)), ("width", N(size)), ("height", N(size)), ("fill", fill), ("class", "tile")).Close("rect");
            if (tile.State == TileState.Secret)
            {
                // A white plate keeps the code and the symbol readable over the hatching.
                m.Open("rect", ("x", N(x + 5)), ("y", N(y + 7)), ("width", N(size - 10)), ("height", N(size - 14)), ("fill", SitePalette.Paper)).Close("rect");
            }

            // One text, two lines: read as « 59 18,2 », the start of the link's name.
            m.Open("text", ("text-anchor", "middle"), ("fill", ink))
                .Element("tspan", code, ("x", N(x + (size / 2))), ("y", N(y + 18)), ("class", "tile-code")).Text(" ")
                .Element("tspan", shown, ("x", N(x + (size / 2))), ("y", N(y + 32)), ("class", "tile-value"))
                .Close("text");
            m.Close("a").Line();
        }

        m.Close("svg").Line();
    }

    /// <summary>The legend's swatch of one class or state.</summary>
    public static void Swatch(Markup m, string mapId, MapTile sample)
    {
        var fill = sample.State switch
        {
            TileState.Published => SitePalette.Sequential[sample.Class],
            TileState.Secret => $"url(#{mapId}-legende-hachures)",
            _ => SitePalette.NotAvailable,
        };
        m.Open("svg", ("width", "22"), ("height", "16"), ("viewBox", "0 0 22 16"), ("aria-hidden", "true"), ("focusable", "false"));
        if (sample.State == TileState.Secret)
        {
            m.Open("defs");
            Hatching(m, mapId + "-legende-hachures");
            m.Close("defs");
        }

        m.Open("rect", ("x", "1"), ("y", "1"), ("width", "20"), ("height", "14"), ("fill", fill), ("stroke", SitePalette.Muted)).Close("rect").Close("svg");
    }

    /// <summary>What a tile says in words: its value and the map's unit, or why there is none.</summary>
    public static string TileWords(MapTile tile, string shown, string legend) => tile.State switch
    {
        TileState.Published => $"{shown} {char.ToLowerInvariant(legend[0])}{legend[1..]}",
        TileState.Secret => $"{shown}, {ChartWords.French.Secret}",
        _ => $"{shown}, {ChartWords.French.NotAvailable}",
    };

    private static void Hatching(Markup m, string id) =>
        m.Open("pattern", ("id", id), ("patternUnits", "userSpaceOnUse"), ("width", "5"), ("height", "5"), ("patternTransform", "rotate(45)"))
            .Open("rect", ("width", "5"), ("height", "5"), ("fill", SitePalette.Paper)).Close("rect")
            .Open("line", ("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "5"), ("stroke", SitePalette.Hatch), ("stroke-width", "1.6")).Close("line")
            .Close("pattern");
}
