using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Reporting.Publication.Html;
using Reporting.Publication.Narrative;
using Reporting.Publication.Report;
using Reporting.Tests.Support;

namespace Reporting.Tests.Publication.Html;

/// <summary>
/// One text, two layouts: each page of the web edition, read back as a person reads it (<see cref="PageText"/>), gives
/// exactly the snapshot lines of the document the PDF prints — every sentence, heading, key figure, table row, chart
/// value and map value, in the same order, and nothing else — and the same notes and source lines.
/// </summary>
public sealed class SiteContentTests
{
    private static readonly Lazy<PublicationContext> Context = new(() => new PublicationContext(SampleRun.Edition, TemplateSet.Load(SampleRun.Parameters.Templates)));

    [Fact]
    public void The_report_page_and_its_methodology_page_say_what_the_pdf_report_says()
    {
        var report = AnnualReport.Compose(Context.Value);

        var index = PageText.Read(SitePages.Get("index.html"), headingOffset: 1);
        var methodology = PageText.Read(SitePages.Get("methodologie.html"), headingOffset: 0);

        SameLines(report.Snapshot.Lines, [.. index.Lines, .. methodology.Lines], "index.html + methodologie.html");
        SameLines(Notes(report.Elements), [.. index.Notes, .. methodology.Notes], "notes and sources");
    }

    [Fact]
    public void Each_departement_page_says_what_its_pdf_sheet_says()
    {
        foreach (var d in SampleRun.Edition.Geography.Departements)
        {
            var sheet = DepartementSheet.Compose(Context.Value, d.Code);

            var page = PageText.Read(SitePages.Get($"departements/{d.Code}.html"), headingOffset: 1);

            SameLines(sheet.Snapshot.Lines, page.Lines, $"departements/{d.Code}.html");
            SameLines(Notes(sheet.Elements), page.Notes, $"departements/{d.Code}.html, notes");
        }
    }

    [Fact]
    public void Each_region_page_says_what_its_composition_says()
    {
        foreach (var r in SampleRun.Edition.Geography.Regions)
        {
            var composed = RegionPage.Compose(Context.Value, r.Code);

            var page = PageText.Read(SitePages.Get($"regions/{r.Code}.html"), headingOffset: 1);

            SameLines(composed.Snapshot.Lines, page.Lines, $"regions/{r.Code}.html");
            SameLines(Notes(composed.Elements), page.Notes, $"regions/{r.Code}.html, notes");
        }
    }

    [Fact]
    public void A_chart_is_described_only_by_values_its_data_table_publishes()
    {
        foreach (var (path, page) in SitePages.All)
        {
            foreach (var figure in page.QuerySelectorAll("figure.chart"))
            {
                var published = figure.QuerySelectorAll("details table td, details table th").Select(PageText.Text).ToHashSet(StringComparer.Ordinal);
                var desc = figure.QuerySelector("svg desc")!.TextContent;
                var quoted = System.Text.RegularExpressions.Regex.Matches(desc, @"(\d+(?:\u202F\d{3})*(,\d+)?)(\u00A0%)? en \d{4}|: (\d+(?:\u202F\d{3})*(,\d+)?)")
                    .Select(m => (m.Groups[1].Success && m.Groups[1].Value.Length > 0 ? m.Groups[1].Value : m.Groups[4].Value));
                Assert.All(quoted, v => Assert.True(published.Contains(v), $"{path}, {PageText.Text(figure.QuerySelector("figcaption")!)}: the description quotes {v}, not in its data table"));
            }
        }
    }

    private static IReadOnlyList<string> Notes(IEnumerable<Reporting.Publication.Report.Element> elements) => [.. elements.SelectMany(e => e switch
    {
        TableElement t => new[] { t.Source }.Concat(t.Notes),
        ChartElement c => new[] { c.Source }.Concat(c.Notes),
        MapElement m => new[] { m.Legend, m.Source }.Concat(m.Notes),
        _ => [],
    })];

    /// <summary>Equal lists, or the first line that differs with its neighbours: a readable failure.</summary>
    private static void SameLines(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string what)
    {
        var at = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], -1);
        if (at < 0 && expected.Count == actual.Count)
        {
            return;
        }

        at = at < 0 ? Math.Min(expected.Count, actual.Count) : at;
        var message = new StringBuilder($"{what}: line {at + 1} differs ({expected.Count} lines expected, {actual.Count} read)\n");
        message.Append("expected: ").AppendLine(at < expected.Count ? expected[at] : "(end)");
        message.Append("read:     ").AppendLine(at < actual.Count ? actual[at] : "(end)");
        Assert.Fail(message.ToString());
    }
}

/// <summary>The sample run's web pages, parsed once (strictly: a parse error fails).</summary>
internal static class SitePages
{
    private static readonly Lazy<IReadOnlyDictionary<string, IDocument>> Pages = new(() =>
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = true });
        return SampleRun.Outcome.Files
            .Where(f => f.RelativePath.StartsWith(SiteAssets.Folder, StringComparison.Ordinal) && f.RelativePath.EndsWith(".html", StringComparison.Ordinal))
            .ToDictionary(f => f.RelativePath[SiteAssets.Folder.Length..], f => (IDocument)parser.ParseDocument(Encoding.UTF8.GetString(f.Content)), StringComparer.Ordinal);
    });

    public static IEnumerable<(string Path, IDocument Page)> All => Pages.Value.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value));

    public static IDocument Get(string sitePath) => Pages.Value[sitePath];

    public static bool Has(string sitePath) => Pages.Value.ContainsKey(sitePath);
}
