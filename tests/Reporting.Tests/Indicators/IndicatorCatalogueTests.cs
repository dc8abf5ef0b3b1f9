using System.Text;
using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication.OpenData;
using Reporting.Publication.Workbook;
using Reporting.Review;
using Reporting.Tests.Publication.Workbook;
using Reporting.Tests.Support;

namespace Reporting.Tests.Indicators;

public sealed class IndicatorCatalogueTests
{
    /// <summary>A made-up rate of the national table, declared once, its cells computed elsewhere (here, by hand).</summary>
    private static readonly IndicatorDefinition MadeUp = new("taux_essai", IndicatorKind.Rate, "Taux d'essai pour 1 000", "pour 1 000",
        "Un indicateur inventé pour le test.")
    {
        Tables = [WorkbookTable.National],
    };

    /// <summary>
    /// Adding an indicator is one catalogue entry and its computation: with no other change, its cells reach the
    /// open-data file (one decimal, as every rate), the workbook's national table (a value and a status column, under its
    /// label) and <c>figures</c> (its label, its values, its symbols).
    /// </summary>
    [Fact]
    public void A_made_up_indicator_reaches_the_csv_the_workbook_and_figures_with_no_other_change()
    {
        // Given: the hand-made cells, with the made-up indicator published for 2019 and hidden for 2018.
        var catalogue = IndicatorCatalogue.Shipped.With(MadeUp);
        var madeUp = new[]
        {
            HandMadeIndicators.C("taux_essai", 2019, Level.France, "FR", Category.All, SeriesBreaks.AllSources, 12.345m),
            HandMadeIndicators.C("taux_essai", 2018, Level.France, "FR", Category.All, SeriesBreaks.AllSources, null, CellStatus.NotAvailable),
        };
        var model = HandMadeIndicators.Model(extra: madeUp) with { Catalogue = catalogue };

        // When: the CSV, the workbook and figures are rendered.
        var csv = Encoding.UTF8.GetString(IndicatorCsvWriter.Write(model.Indicators, catalogue));
        using var workbook = WorkbookRules.Open(WorkbookWriter.Write(model));
        using var dir = new TempDirectory();
        dir.Write("indicateurs-2019.csv", csv);
        var figures = FiguresText.Table(FiguresPublication.Load(dir.Path, catalogue).Select(new FiguresQuery(
            [new FiguresTerritory("FR", "FR", "France")], Indicators: new HashSet<string> { "taux_essai" }, Categories: new HashSet<string> { Category.All }, FromYear: 2018, ToYear: 2019)));

        // Then.
        Assert.Contains("taux_essai;2019;FR;FR;ESM;toutes;12.3;\n", csv, StringComparison.Ordinal);
        Assert.Contains("taux_essai;2018;FR;FR;ESM;toutes;;x\n", csv, StringComparison.Ordinal);
        var row = WorkbookRules.Rows(workbook.Worksheet("T1_France")).Single(r => r["Année"].GetDouble() == 2019 && r["Catégorie"].GetString() == "ESM" && r["Source"].GetString() == "toutes");
        Assert.Equal(12.345d, row["Taux d'essai pour 1 000"].GetDouble(), 3);
        Assert.Equal(string.Empty, row["Taux d'essai pour 1 000 — statut"].GetString());
        var lines = figures.Split('\n');
        Assert.Contains("Taux d'essai pour 1 000", lines);
        var line = Assert.Single(lines, l => l.StartsWith("  Toutes sources", StringComparison.Ordinal));
        Assert.EndsWith("x   12,3", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_dictionary_describes_every_indicator_of_the_open_data_file()
    {
        var dictionary = Encoding.UTF8.GetString(SampleRun.File(SampleRun.Outcome, "dictionnaire-indicateurs.csv")).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var openData = Encoding.UTF8.GetString(SampleRun.File(SampleRun.Outcome, "indicateurs-2025.csv")).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("indicateur;libelle;nature;unite;decimales;niveaux;calcule_a_partir_de;definition", dictionary[0]);
        Assert.Contains("taux_100k;Taux pour 100 000 mineurs;taux;pour 100 000 habitants de 0 à 17 ans;1;FR, REG, DEP;victimes_mineurs;Victimes mineures rapportées à 100 000 habitants de 0 à 17 ans du territoire.", dictionary);
        Assert.Contains("evolution_1an_pct;Évolution sur un an (%);évolution;%;1;FR, REG, DEP;victimes_mineurs, victimes_mineurs (année précédente);Évolution du nombre de victimes mineures par rapport à l'année précédente.", dictionary);
        Assert.Equal(
            openData.Skip(1).Select(l => l[..l.IndexOf(';', StringComparison.Ordinal)]).Distinct().Order(StringComparer.Ordinal),
            dictionary.Skip(1).Select(l => l[..l.IndexOf(';', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_indicator_the_engine_computes_is_in_the_catalogue_once()
    {
        var codes = SampleRun.Edition.Indicators.Cells.Select(c => c.Key.Indicator).Distinct().Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(codes, IndicatorCatalogue.Shipped.All.Select(d => d.Code).Order(StringComparer.Ordinal));
        Assert.Equal(IndicatorCatalogue.Shipped.All.Count, IndicatorCatalogue.Shipped.All.Select(d => d.Label).Distinct().Count());
    }

    [Fact]
    public void A_figure_derived_from_a_count_names_a_count()
    {
        var catalogue = IndicatorCatalogue.Shipped;

        Assert.All(catalogue.All.SelectMany(d => d.DerivedFrom), d => Assert.Equal(IndicatorKind.Count, catalogue[d.From].Kind));
        Assert.All(catalogue.All.Where(d => d.Protected), d => Assert.Equal(IndicatorKind.Count, d.Kind));
    }
}
