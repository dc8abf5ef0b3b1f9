using System.Globalization;
using AngleSharp.Html.Parser;
using Reporting.Publication.Charts;
using Reporting.Publication.Html;
using Reporting.Publication.Report;

namespace Reporting.Tests.Publication.Charts;

/// <summary>
/// A series is drawn as its segments: never a line across a series break or an unpublished year. Hand-made series, their
/// segments by year, and the web edition's SVG path read back (its subpaths, « M … L … »).
/// </summary>
public sealed class SeriesSegmentTests
{
    private static readonly int[] Years = [2016, 2017, 2018, 2019, 2020, 2021];

    private static ChartSeries Hand(string name, double?[] values, int[]? breaks = null, SeriesKey? key = null) =>
        new(name, Years.Select((y, i) => new YearValue(y, values[i])).ToArray(), key, breaks);

    public static TheoryData<double?[], int[], string> Cases => new()
    {
        // values 2016..2021, break years, expected segments (years, "|" between segments)
        { [472, 472, 472, 94, 97, 122], [2019], "2016-2017-2018|2019-2020-2021" },
        { [472, 472, 472, 94, 97, 122], [], "2016-2017-2018-2019-2020-2021" },
        { [1, null, 3, 4, 5, 6], [], "2016|2018-2019-2020-2021" },
        { [1, 2, 3, null, 5, 6], [2019], "2016-2017-2018|2020-2021" },
        { [1, 2, 3, 4, null, 6], [2019, 2021], "2016-2017-2018|2019|2021" },
        { [null, null, null, null, null, null], [2019], "" },
        { [1, 2, 3, 4, 5, 6], [2016], "2016-2017-2018-2019-2020-2021" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_series_is_cut_at_its_breaks_and_at_every_year_not_published(double?[] values, int[] breaks, string expected)
    {
        var segments = Hand("Autre exploitation", values, breaks).Segments();

        var text = string.Join("|", segments.Select(s => string.Join("-", s.Points.Select(p => p.Year))));
        Assert.Equal(expected, text);
    }

    [Fact]
    public void A_missing_year_is_a_gap_too()
    {
        var series = new ChartSeries("Police", [new YearValue(2016, 10), new YearValue(2017, 12), new YearValue(2019, 15), new YearValue(2020, 16)]);

        Assert.Equal([[2016, 2017], [2019, 2020]], series.Segments().Select(s => s.Points.Select(p => p.Year).ToArray()).ToArray());
    }

    [Fact]
    public void The_svg_path_of_a_broken_series_never_joins_the_year_before_the_break_to_the_break()
    {
        // Given: « Autre exploitation » falls from 472 to 94 in 2019 because of a coding change, « Ensemble » does not break.
        var broken = Hand("Autre exploitation", [365, 395, 472, 94, 97, 122], [2019], SeriesKey.Category("ESM-AUTRE"));
        var whole = Hand("Ensemble", [564, 630, 743, 811, 912, 985], null, SeriesKey.Total);
        var chart = new ChartElement("Figure 1 – Essai", "Nombre de mineurs", [whole, broken], ChartBreaks.Markers([whole, broken]), null, null, [], "Source");

        // When
        var paths = SeriesPaths(chart);

        // Then: two subpaths for the broken series, 2016-2018 then 2019-2021; one for the total.
        var x = XOfYears(paths["total:ensemble"]);
        Assert.Equal([[2016, 2017, 2018, 2019, 2020, 2021]], Subpaths(paths["total:ensemble"]).Select(s => s.Select(p => x[p]).ToArray()).ToArray());
        Assert.Equal([[2016, 2017, 2018], [2019, 2020, 2021]], Subpaths(paths["categorie:ESM-AUTRE"]).Select(s => s.Select(p => x[p]).ToArray()).ToArray());
    }

    [Fact]
    public void The_break_is_marked_on_the_chart_and_said_in_the_figure_note_and_its_alternative_text()
    {
        var broken = Hand("Autre exploitation", [365, 395, 472, 94, 97, 122], [2019], SeriesKey.Category("ESM-AUTRE"));
        var traite = Hand("Traite", [38, 35, 40, 84, 102, 104], [2019], SeriesKey.Category("ESM-TEH"));
        var whole = Hand("Ensemble", [564, 630, 743, 811, 912, 985], null, SeriesKey.Total);
        ChartSeries[] series = [whole, traite, broken];

        var marker = Assert.Single(ChartBreaks.Markers(series));
        var note = ChartBreaks.Note(series, "Toutes sources.");
        var alt = AltText.For(new ChartElement("Figure 1 – Essai", "Nombre de mineurs", series, [marker], null, null, note is null ? [] : [note], "Source"));

        Assert.Equal(2019, marker.Year);
        Assert.Equal("Rupture de série", marker.Short);
        Assert.Equal("Rupture de série : Traite, Autre exploitation", marker.Label);
        Assert.Equal("Toutes sources. Rupture de série en 2019 (Traite, Autre exploitation) : les courbes sont interrompues, les valeurs de part et d'autre n'étant pas comparables.", note);
        Assert.Contains("Rupture de série en 2019 (Traite, Autre exploitation) : les courbes sont interrompues entre 2018 et 2019.", alt, StringComparison.Ordinal);
    }

    [Fact]
    public void A_break_that_cuts_every_series_names_none_and_a_chart_without_break_keeps_its_note()
    {
        ChartSeries[] all = [Hand("Filles", [1, 2, 3, 4, 5, 6], [2019], SeriesKey.Girls), Hand("Moins de 15 ans", [1, 2, 3, 4, 5, 6], [2019], SeriesKey.Under15)];
        ChartSeries[] none = [Hand("Filles", [1, 2, 3, 4, 5, 6], null, SeriesKey.Girls)];

        Assert.Equal("Rupture de série", Assert.Single(ChartBreaks.Markers(all)).Label);
        Assert.Equal("Rupture de série en 2019 : les courbes sont interrompues, les valeurs de part et d'autre n'étant pas comparables.", ChartBreaks.Note(all));
        Assert.Empty(ChartBreaks.Markers(none));
        Assert.Null(ChartBreaks.Note(none));
        Assert.Equal("Note.", ChartBreaks.Note(none, "Note."));
    }

    [Fact]
    public void In_the_report_the_forms_break_in_2019_and_the_total_does_not()
    {
        var figure = ChartStyleTests.ReportCharts().First(c => c.Numbered.StartsWith("Figure 1 ", StringComparison.Ordinal));

        var total = figure.Series.Single(s => s.Key == SeriesKey.Total);
        var other = figure.Series.Single(s => s.Name == "Autre exploitation");
        Assert.Empty(total.Breaks ?? []);
        Assert.Equal([2019], other.Breaks);
        Assert.Equal(2, other.Segments().Count);
        Assert.Equal(2019, Assert.Single(figure.Breaks).Year);
        Assert.Contains("Rupture de série en 2019", string.Join("\n", figure.Notes), StringComparison.Ordinal);
    }

    /// <summary>Each series' path in the SVG by its identity (<c>data-serie</c>).</summary>
    internal static IReadOnlyDictionary<string, string> SeriesPaths(ChartElement chart)
    {
        var m = new Markup();
        SvgCharts.Line(m, chart, "essai", "description");
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + m + "</body>");
        return document.QuerySelectorAll("path.series").ToDictionary(p => p.GetAttribute("data-serie")!, p => p.GetAttribute("d")!, StringComparer.Ordinal);
    }

    /// <summary>The subpaths of a path: each « M » starts one; the x coordinate of each of its points.</summary>
    private static IReadOnlyList<IReadOnlyList<double>> Subpaths(string d) =>
        d.Split('M', StringSplitOptions.RemoveEmptyEntries)
            .Select(sub => (IReadOnlyList<double>)sub.Split('L').Select(p => double.Parse(p.Trim().Split(' ')[0], CultureInfo.InvariantCulture)).ToArray())
            .ToArray();

    /// <summary>The year at each x of an unbroken six-year path.</summary>
    private static Dictionary<double, int> XOfYears(string d) =>
        Subpaths(d).Single().Select((x, i) => (x, Year: Years[i])).ToDictionary(p => p.x, p => p.Year);
}
