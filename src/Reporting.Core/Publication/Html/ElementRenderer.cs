using Reporting.Publication.Charts;
using Reporting.Publication.Report;
using Reporting.Reference;

namespace Reporting.Publication.Html;

/// <summary>
/// Writes composed elements as HTML: the same text as the PDF, in the same order, with the structure the PDF shows by
/// layout said by markup (headings, lists, tables with their headers, figures with their captions). The renderer
/// formats and places, it computes no figure. Aids the PDF has no need of (a chart's data table, the map's table, the
/// legend) carry <c>data-aide</c>, so that a reader of the page can tell them from the publication's text.
/// </summary>
public sealed class ElementRenderer(SitePage page, SiteLinks links, Geography geography, int headingOffset)
{
    /// <summary>Every element but the title (see <see cref="Title"/>) and page breaks, in order.</summary>
    public void Render(Markup m, IEnumerable<Element> elements)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case TitleElement t:
                    Title(m, t);
                    break;
                case HeadingElement h:
                    Heading(m, h);
                    break;
                case ParagraphElement p:
                    m.Element("p", p.Text).Line();
                    break;
                case BulletsElement b:
                    m.Open("ul", ("class", "bullets")).Line();
                    foreach (var item in b.Items)
                    {
                        m.Element("li", item).Line();
                    }

                    m.Close("ul").Line();
                    break;
                case KeyFiguresElement k:
                    KeyFigures(m, k);
                    break;
                case TableElement t:
                    Table(m, t);
                    break;
                case ChartElement c:
                    Chart(m, c);
                    break;
                case MapElement map:
                    Map(m, map);
                    break;
                case AsideElement a:
                    Aside(m, a);
                    break;
                case PageBreakElement:
                    break;
                default:
                    throw new ArgumentException($"The web edition has no rendering for {element.GetType().Name}.", nameof(elements));
            }
        }
    }

    public void Title(Markup m, TitleElement t)
    {
        m.Open("div", ("class", "title-block")).Line();
        m.Element("h1", t.Title).Line();
        m.Element("p", t.Subtitle, ("class", "subtitle")).Line();
        m.Element("p", t.Edition, ("class", "edition")).Line();
        m.Close("div").Line();
    }

    private void Heading(Markup m, HeadingElement h)
    {
        var level = h.Level + headingOffset;
        var id = page.Id(h.Text);
        if (level == 2)
        {
            page.AddToContents(id, h.Text, section: true);
        }

        var tag = "h" + (char)('0' + Math.Clamp(level, 1, 6));
        m.Element(tag, h.Text, ("id", id)).Line();
    }

    private static void KeyFigures(Markup m, KeyFiguresElement k)
    {
        m.Open("ul", ("class", "key-figures")).Line();
        foreach (var (value, label) in k.Items)
        {
            m.Open("li").Element("span", value, ("class", "kf-value")).Text(" ").Element("span", label, ("class", "kf-label")).Close("li").Line();
        }

        m.Close("ul").Line();
    }

    private void Table(Markup m, TableElement t)
    {
        var id = page.Id(t.Numbered);
        page.AddToContents(id, t.Numbered, section: false);
        m.Open("div", ("class", "block table-block"), ("id", id)).Line();
        m.Open("div", ("class", "table-wrap"), ("role", "region"), ("aria-labelledby", id + "-legende"), ("tabindex", "0")).Line();
        m.Open("table").Element("caption", t.Numbered, ("id", id + "-legende")).Line();
        m.Open("thead").Open("tr");
        for (var i = 0; i < t.Headers.Count; i++)
        {
            m.Element("th", t.Headers[i], ("scope", "col"), ("class", t.Numeric[i] ? "num" : null));
        }

        m.Close("tr").Close("thead").Line().Open("tbody").Line();
        var rowHeaders = t.Headers.Count > 1 && !t.Numeric[0];
        foreach (var row in t.Rows)
        {
            m.Open("tr", ("class", row.Emphasis ? "total" : null));
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var header = i == 0 && rowHeaders;
                m.Open(header ? "th" : "td", ("scope", header ? "row" : null), ("class", t.Numeric[i] ? "num" : null));
                Cell(m, row.Cells[i]);
                m.Close(header ? "th" : "td");
            }

            m.Close("tr").Line();
        }

        m.Close("tbody").Close("table").Line().Close("div").Line();
        Notes(m, t.Notes, t.Source);
        m.Close("div").Line();
    }

    /// <summary>A cell's text: a symbol is explained where it stands, a territory's name leads to its page.</summary>
    private void Cell(Markup m, string text)
    {
        if (SiteWords.Symbols.TryGetValue(text, out var meaning))
        {
            m.Element("abbr", text, ("title", meaning));
        }
        else if (links.Target(text) is { } target && page.Path != target)
        {
            m.Element("a", text, ("href", page.Href(target)));
        }
        else
        {
            m.Text(text);
        }
    }

    private void Chart(Markup m, ChartElement c)
    {
        var id = page.Id(c.Numbered);
        page.AddToContents(id, c.Numbered, section: false);
        m.Open("figure", ("class", c.IsBar ? "block chart bar-chart" : "block chart line-chart"), ("id", id), ("aria-labelledby", id + "-legende")).Line();
        m.Element("figcaption", c.Numbered, ("id", id + "-legende")).Line();
        var svgId = id + "-svg";
        ScrollOnNarrowScreens(m, id);
        if (c.IsBar)
        {
            SvgCharts.Bars(m, c, svgId, BarDescription(c));
        }
        else
        {
            SvgCharts.Line(m, c, svgId, LineDescription(c));
        }

        m.Close("div").Line();

        var names = c.IsBar ? c.BarSeries! : [.. c.Series.Select(s => s.Name)];
        m.Open("ul", ("class", "legend"), ("data-aide", string.Empty)).Line();
        for (var i = 0; i < names.Count; i++)
        {
            m.Open("li");
            if (c.IsBar)
            {
                SvgCharts.BarSample(m, c, svgId, i);
            }
            else
            {
                SvgCharts.LegendSample(m, c, i);
            }

            m.Text(" " + names[i]).Close("li").Line();
        }

        m.Close("ul").Line();
        if (c.Breaks.Count > 0)
        {
            m.Open("ul", ("class", "breaks")).Line();
            foreach (var b in c.Breaks)
            {
                m.Element("li", $"{b.Year} : {b.Label}").Line();
            }

            m.Close("ul").Line();
        }

        m.Open("details", ("class", "chart-data")).Element("summary", SiteWords.ChartData, ("data-aide", string.Empty)).Line();
        m.Open("div", ("class", "table-wrap"), ("role", "region"), ("aria-labelledby", id + "-donnees"), ("tabindex", "0")).Open("table", ("class", "data"));
        m.Element("caption", "Données : " + c.Numbered, ("id", id + "-donnees"), ("data-aide", string.Empty)).Line();
        if (c.IsBar)
        {
            m.Open("thead").Open("tr").Element("th", c.Axis, ("scope", "col"), ("data-aide", string.Empty));
            foreach (var name in c.BarSeries!)
            {
                m.Element("th", name, ("scope", "col"), ("class", "num"));
            }

            m.Close("tr").Close("thead").Line().Open("tbody").Line();
            foreach (var g in c.Bars!)
            {
                m.Open("tr").Element("th", g.Label, ("scope", "row"));
                foreach (var v in g.Values)
                {
                    m.Element("td", Point(v), ("class", "num"));
                }

                m.Close("tr").Line();
            }
        }
        else
        {
            m.Open("thead").Open("tr").Element("th", SiteWords.Year, ("scope", "col"), ("data-aide", string.Empty));
            foreach (var s in c.Series)
            {
                m.Element("th", s.Name, ("scope", "col"), ("class", "num"));
            }

            m.Close("tr").Close("thead").Line().Open("tbody").Line();
            var years = c.Series.SelectMany(s => s.Points).Select(p => p.Year).Distinct().Order();
            foreach (var year in years)
            {
                m.Open("tr").Element("th", YearText(year), ("scope", "row"));
                foreach (var s in c.Series)
                {
                    m.Element("td", Point(s.Points.FirstOrDefault(p => p.Year == year).Value), ("class", "num"));
                }

                m.Close("tr").Line();
            }
        }

        m.Close("tbody").Close("table").Close("div").Line();
        m.Element("p", SiteWords.Gap, ("class", "table-note"), ("data-aide", string.Empty)).Line();
        m.Close("details").Line();
        Notes(m, c.Notes, c.Source);
        m.Close("figure").Line();
    }

    private void Map(Markup m, MapElement map)
    {
        var id = page.Id(map.Numbered);
        page.AddToContents(id, map.Numbered, section: false);
        m.Open("figure", ("class", "block map"), ("id", id), ("aria-labelledby", id + "-legende")).Line();
        m.Element("figcaption", map.Numbered, ("id", id + "-legende")).Line();
        m.Open("div", ("class", "map-layout")).Line();
        ScrollOnNarrowScreens(m, id);
        SvgMap.Draw(m, map, id + "-svg", geography, page);
        m.Close("div").Line();
        m.Open("div", ("class", "map-legend")).Line();
        m.Element("p", map.Legend, ("class", "legend-title")).Line();
        m.Open("ul", ("class", "classes")).Line();
        for (var i = 0; i < map.ClassLabels.Count; i++)
        {
            m.Open("li", ("class", "class"));
            SvgMap.Swatch(m, id, MapTile.InClass(string.Empty, i));
            m.Text(" " + map.ClassLabels[i]).Close("li").Line();
        }

        m.Close("ul").Line().Open("ul", ("class", "states"), ("data-aide", string.Empty)).Line();
        m.Open("li");
        SvgMap.Swatch(m, id, MapTile.Secret(string.Empty));
        m.Text(" c : " + ChartWords.French.Secret).Close("li").Line();
        m.Open("li");
        SvgMap.Swatch(m, id, MapTile.NotAvailable(string.Empty));
        m.Text(" x : " + ChartWords.French.NotAvailable).Close("li").Line();
        m.Close("ul").Line().Close("div").Line().Close("div").Line();

        m.Open("details", ("class", "map-data")).Element("summary", SiteWords.MapData, ("data-aide", string.Empty)).Line();
        m.Element("p", SiteWords.SortHint, ("class", "sort-hint"), ("data-aide", string.Empty), ("hidden", string.Empty)).Line();
        m.Open("div", ("class", "table-wrap"), ("role", "region"), ("aria-labelledby", id + "-donnees"), ("tabindex", "0")).Open("table", ("class", "data sortable"));
        m.Element("caption", "Données : " + map.Numbered, ("id", id + "-donnees"), ("data-aide", string.Empty)).Line();
        m.Open("thead").Open("tr")
            .Element("th", SiteWords.Code, ("scope", "col"), ("aria-sort", "ascending"))
            .Element("th", SiteWords.Departement, ("scope", "col"), ("data-aide", string.Empty))
            .Element("th", map.Legend, ("scope", "col"), ("class", "num"))
            .Close("tr").Close("thead").Line().Open("tbody").Line();
        foreach (var (code, shown) in map.Shown.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            // The sort key of a figure: its value in invariant digits, a symbol after every figure.
            var key = shown.Replace(Narrative.FrenchFormat.NarrowNoBreakSpace.ToString(), string.Empty, StringComparison.Ordinal).Replace(',', '.').Replace(Narrative.FrenchFormat.Minus, "-", StringComparison.Ordinal);
            m.Open("tr").Element("td", code).Open("th", ("scope", "row")).Element("a", geography[code].Name, ("href", page.Href(SiteLinks.DepartementPath(code)))).Close("th");
            m.Open("td", ("class", "num"), ("data-tri", key));
            Cell(m, shown);
            m.Close("td").Close("tr").Line();
        }

        m.Close("tbody").Close("table").Close("div").Line().Close("details").Line();
        Notes(m, map.Notes, map.Source);
        m.Close("figure").Line();
    }

    /// <summary>
    /// A chart keeps a legible size on a narrow screen and scrolls sideways, as a two-dimensional graphic may
    /// (WCAG 1.4.10); its data table beside it reflows. Focusable, so that the keyboard scrolls it too.
    /// </summary>
    private static void ScrollOnNarrowScreens(Markup m, string figureId) =>
        m.Open("div", ("class", "graphic-scroll"), ("role", "region"), ("aria-labelledby", figureId + "-legende"), ("tabindex", "0")).Line();

    /// <summary>Under a figure or table, as in the PDF: its source line, then Champ, Lecture and its notes, a line each.</summary>
    private static void Notes(Markup m, IReadOnlyList<string> notes, string source)
    {
        m.Element("p", source, ("class", "source")).Line();
        foreach (var note in notes)
        {
            m.Element("p", note, ("class", "note")).Line();
        }
    }

    /// <summary>An encadré: an aside titled by its heading, its paragraphs or its list.</summary>
    private void Aside(Markup m, AsideElement a)
    {
        var id = page.Id(a.Title);
        var level = a.Level + headingOffset;
        if (level == 2)
        {
            page.AddToContents(id, a.Title, section: true);
        }

        m.Open("aside", ("class", "encadre"), ("aria-labelledby", id)).Line();
        m.Element("h" + (char)('0' + Math.Clamp(level, 2, 6)), a.Title, ("id", id)).Line();
        if (a.Items)
        {
            m.Open("ul").Line();
            foreach (var item in a.Paragraphs)
            {
                m.Element("li", item).Line();
            }

            m.Close("ul").Line();
        }
        else
        {
            foreach (var p in a.Paragraphs)
            {
                m.Element("p", p).Line();
            }
        }

        m.Close("aside").Line();
    }

    /// <summary>A chart value as the snapshot writes it; a value not published is a dash, explained under the table.</summary>
    private static string Point(double? v) => v is { } x ? SvgCharts.ValueText(x, string.Empty) : "—";

    private static string YearText(int year) => Narrative.FrenchFormat.Year(year);

    private static string LineDescription(ChartElement c)
    {
        var years = c.Series.SelectMany(s => s.Points).Select(p => p.Year).Distinct().Order().ToArray();
        var parts = c.Series.Select(s =>
        {
            var published = s.Points.Where(p => p.Value is not null).OrderBy(p => p.Year).ToArray();
            return published.Length == 0
                ? $"{s.Name} : aucune valeur publiée"
                : $"{s.Name} : {SvgCharts.ValueText(published[0].Value!.Value, c.Axis)} en {published[0].Year}, {SvgCharts.ValueText(published[^1].Value!.Value, c.Axis)} en {published[^1].Year}";
        });
        var period = years.Length == 0 ? string.Empty : $" de {years[0]} à {years[^1]}";
        return $"Courbes{period} ({c.Axis}). " + string.Join(" ; ", parts) + ". Toutes les valeurs sont dans le tableau de données qui suit.";
    }

    private static string BarDescription(ChartElement c)
    {
        var parts = c.Bars!.Select(g => g.Label + " : " + string.Join(", ", g.Values.Select((v, i) =>
            (c.BarSeries!.Count > 1 ? c.BarSeries[i] + " " : string.Empty) + (v is { } x ? SvgCharts.ValueText(x, c.Axis) : SiteWords.NotPublished))));
        return $"Barres horizontales ({c.Axis}). " + string.Join(" ; ", parts) + ".";
    }
}
