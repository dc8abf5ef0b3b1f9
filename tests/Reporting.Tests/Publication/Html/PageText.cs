using AngleSharp.Dom;
using Reporting.Publication.Report;

namespace Reporting.Tests.Publication.Html;

/// <summary>
/// Reads a web page's main content back into the snapshot's lines (<c>Composition</c>'s plain-text form of each
/// element): what the page says, read the way a person reads it — headings, sentences, table cells, the chart data
/// tables, the map's table. Only what carries <c>data-aide</c> (aids the PDF has no need of) and the table of contents
/// are skipped; any other element is unexpected and fails, so that the page cannot say more than the PDF. Source lines
/// and captions (Champ, Lecture, notes) are lines of the snapshot, and are also returned apart.
/// </summary>
internal static class PageText
{
    public sealed record Reading(List<string> Lines, List<string> Notes);

    /// <param name="headingOffset">how many levels the page's headings sit below the document's (h2 for a level-1 heading: 1)</param>
    public static Reading Read(IDocument page, int headingOffset)
    {
        var reading = new Reading([], []);
        var main = page.QuerySelector("main") ?? throw new InvalidOperationException("no main element");
        foreach (var child in main.Children)
        {
            Element(child, reading, headingOffset);
        }

        // The snapshot's marks are typeset like the text they frame (Composition): so are the lines read back here.
        return new Reading([.. reading.Lines.Select(Reporting.Publication.Narrative.FrenchTypography.Apply)], reading.Notes);
    }

    private static void Element(IElement e, Reading r, int offset)
    {
        if (e.HasAttribute("data-aide") || e.LocalName == "nav")
        {
            return;
        }

        var lines = r.Lines;
        switch (e.LocalName)
        {
            case "div" when e.ClassList.Contains("title-block"):
                lines.Add("titre : " + Text(e.QuerySelector("h1")!));
                lines.Add("sous-titre : " + Text(e.QuerySelector("p.subtitle")!));
                lines.Add("édition : " + Text(e.QuerySelector("p.edition")!));
                Only(e, "h1", "p");
                break;
            case "h1" or "h2" or "h3" or "h4":
                lines.Add(new string('#', e.LocalName[1] - '0' - offset + 1) + " " + Text(e));
                break;
            case "p" when string.IsNullOrEmpty(e.ClassName):
                lines.Add(Text(e));
                break;
            case "ul" when e.ClassList.Contains("bullets"):
                lines.AddRange(e.Children.Select(li => Composition.ListItemMark + Text(li)));
                break;
            case "ul" when e.ClassList.Contains("key-figures"):
                lines.AddRange(e.Children.Select(li => $"chiffre clé : {Text(li.QuerySelector(".kf-label")!)} = {Text(li.QuerySelector(".kf-value")!)}"));
                break;
            case "aside" when e.ClassList.Contains("encadre"):
                lines.Add("encadré : " + Text(e.QuerySelector("h2, h3, h4")!));
                lines.AddRange(e.QuerySelector("ul") is { } list ? list.Children.Select(li => Composition.ListItemMark + Text(li)) : e.QuerySelectorAll(":scope > p").Select(Text));
                Only(e, "h2", "h3", "h4", "p", "ul");
                break;
            case "div" when e.ClassList.Contains("table-block"):
                Table(e, r);
                break;
            case "figure" when e.ClassList.Contains("line-chart"):
                LineChart(e, r);
                break;
            case "figure" when e.ClassList.Contains("bar-chart"):
                BarChart(e, r);
                break;
            case "figure" when e.ClassList.Contains("map"):
                Map(e, r);
                break;
            default:
                throw new InvalidOperationException($"unexpected element in main: <{e.LocalName} class=\"{e.ClassName}\">");
        }
    }

    private static void Table(IElement block, Reading r)
    {
        var table = block.QuerySelector("table")!;
        r.Lines.Add("tableau : " + Text(table.QuerySelector("caption")!));
        r.Lines.Add("  " + string.Join(" | ", table.QuerySelectorAll("thead th").Select(Text)));
        r.Lines.AddRange(table.QuerySelectorAll("tbody tr").Select(tr => "  " + string.Join(" | ", tr.Children.Select(Text))));
        Captions(block, r);
    }

    private static void LineChart(IElement figure, Reading r)
    {
        r.Lines.Add("graphique : " + Text(figure.QuerySelector("figcaption")!));
        var table = figure.QuerySelector("details table")!;
        var names = table.QuerySelectorAll("thead th").Skip(1).Select(Text).ToArray();
        var rows = table.QuerySelectorAll("tbody tr").Select(tr => tr.Children.Select(Text).ToArray()).ToArray();
        for (var s = 0; s < names.Length; s++)
        {
            r.Lines.Add($"  série {names[s]} : " + string.Join(" ; ", rows.Select(row => $"{row[0]}={row[s + 1]}")));
        }

        foreach (var li in figure.QuerySelectorAll("ul.breaks li"))
        {
            var text = Text(li);
            r.Lines.Add($"  rupture {text[..4]} : {text[7..]}");
        }

        FigureNotes(figure, r);
    }

    private static void BarChart(IElement figure, Reading r)
    {
        r.Lines.Add("graphique : " + Text(figure.QuerySelector("figcaption")!));
        var table = figure.QuerySelector("details table")!;
        var names = table.QuerySelectorAll("thead th").Skip(1).Select(Text).ToArray();
        foreach (var row in table.QuerySelectorAll("tbody tr").Select(tr => tr.Children.Select(Text).ToArray()))
        {
            r.Lines.Add($"  {row[0]} : " + string.Join(" ; ", names.Select((n, i) => $"{n}={row[i + 1]}")));
        }

        FigureNotes(figure, r);
    }

    private static void Map(IElement figure, Reading r)
    {
        r.Lines.Add("carte : " + Text(figure.QuerySelector("figcaption")!));
        r.Lines.Add("  classes : " + string.Join(" ; ", figure.QuerySelectorAll("ul.classes li").Select(Text)));
        var rows = figure.QuerySelectorAll("details table tbody tr").Select(tr => (Code: Text(tr.Children[0]), Value: Text(tr.Children[^1])));
        r.Lines.AddRange(rows.OrderBy(x => x.Code, StringComparer.Ordinal).Select(x => $"  {x.Code} = {x.Value}"));
        r.Notes.Add(Text(figure.QuerySelector("p.legend-title")!));
        FigureNotes(figure, r);
    }

    private static void FigureNotes(IElement figure, Reading r) => Captions(figure, r);

    /// <summary>Under a figure or table: its source line, then Champ, Lecture, notes — lines of the snapshot, and the notes apart.</summary>
    private static void Captions(IElement block, Reading r)
    {
        var captions = block.QuerySelectorAll(":scope > p.source, :scope > p.note").Select(Text).ToArray();
        r.Lines.AddRange(captions.Select(c => "  " + c));
        r.Notes.AddRange(captions);
    }

    private static void Only(IElement e, params string[] tags)
    {
        var other = e.Children.FirstOrDefault(c => !tags.Contains(c.LocalName));
        if (other is not null)
        {
            throw new InvalidOperationException($"unexpected <{other.LocalName}> in {e.ClassName}");
        }
    }

    /// <summary>An element's text as a reader sees it: the page's own spaces only (line ends and the legend's leading space trimmed).</summary>
    public static string Text(IElement e) => e.TextContent.Trim(' ', '\n');
}
