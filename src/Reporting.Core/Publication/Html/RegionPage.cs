using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication.Charts;
using Reporting.Publication.Pdf;
using Reporting.Publication.Report;
using static Reporting.Indicators.IndicatorCodes;

namespace Reporting.Publication.Html;

/// <summary>
/// A region's page, composed like a département's sheet from the same cells and the same composition (so that its
/// figures and symbols are the publications'): key figures, the region beside France, its départements, its trend and
/// its table by form and source. The report and the sheets have no regional document; nothing here is new wording of
/// a figure, only titles.
/// </summary>
public static class RegionPage
{
    private const string All = Availability.AllSources;
    private static readonly string[] Sources = ["police", "ase", "sante", All];

    public static ComposedDocument Compose(PublicationContext ctx, string code)
    {
        var region = ctx.Geography.GetRegion(code);
        var cells = ctx.Cells;
        var n = ctx.Year;
        var c = new Composition(ctx.Identity.ServiceShort);
        var (count, rate) = (cells.Figure(MinorVictims, n, Level.Region, code, Category.All, All), cells.Figure(Rate, n, Level.Region, code, Category.All, All));
        var scope = $"mineurs victimes repérés en {n} par au moins une des trois sources, comptés une fois ; {region.Name}";
        c.Title(region.Name, $"Mineurs victimes d'exploitation sexuelle — page régionale {n}", ctx.EditionLine);
        c.KeyFigures(
        [
            (cells.Figure(MinorVictims, n, Level.Region, code, Category.All, All).Short(), $"mineurs victimes repérés en {n}"),
            (cells.Figure(Rate, n, Level.Region, code, Category.All, All).Short(), "pour 100 000 mineurs"),
            (cells.Figure(Rate, n, Level.France, "FR", Category.All, All).Short(), "pour 100 000 mineurs en France"),
        ]);

        TableRow Compare(string label, string indicator, string category = Category.All, string source = All) => new(
        [
            label,
            cells.Text(indicator, n, Level.Region, code, category, source),
            cells.Text(indicator, n, Level.France, "FR", category, source),
        ]);
        c.Table(
            $"{region.Name} et la France, {n}",
            [TableColumn.Text("Indicateur (toutes sources sauf mention)", 3f), TableColumn.Numeric("Région"), TableColumn.Numeric("France")],
            [
                Compare("Mineurs victimes repérés", MinorVictims),
                Compare("Pour 100 000 mineurs", Rate),
                Compare("Évolution sur un an (%)", Change),
                Compare("Part des filles (%)", ShareGirls),
                Compare("Part des moins de 15 ans (%)", ShareUnder15),
                Compare("Mineurs en risque prostitutionnel", MinorVictims, Category.AtRisk),
                Compare("Personnes poursuivies (justice)", Prosecuted, source: "justice"),
                Compare("Personnes condamnées (justice)", Convicted, source: "justice"),
                Compare(Vocabulary.ClientsWithDecision, Authors, Category.Prostitution, "justice"),
                Compare("Taux de réponse pénale des clients de mineurs (%)", ResponseRate, Category.Prostitution, "justice"),
                Compare(Vocabulary.DigitalVictimsPolice, DigitalVictims, source: "police"),
                Compare(Vocabulary.DigitalAuthorsJustice, DigitalAuthors, source: "justice"),
            ],
            new Apparatus(
                ["police", "ase", "sante", "justice", "population"],
                scope + " et France entière ; auteurs poursuivis ou condamnés, clients de mineurs ; infractions par réseau numérique, toutes formes (une borne basse)",
                AnnualReport.Reading(ctx, "tableau-regions", ("valeur", count), ("taux", rate), ("lieu", region.Place.In)),
                Symbols: true));
        c.Table(
            $"Mineurs victimes repérés par département, {region.Name}, {n}",
            [TableColumn.Text("Département", 3f), TableColumn.Numeric("Mineurs victimes"), TableColumn.Numeric("Pour 100 000 mineurs"), TableColumn.Numeric("Évolution sur un an (%)")],
            region.Departements.Select(d => new TableRow(
            [
                SiteLinks.DepartementLabel(ctx.Geography[d]),
                cells.Text(MinorVictims, n, Level.Departement, d, Category.All, All),
                cells.Text(Rate, n, Level.Departement, d, Category.All, All),
                cells.Text(Change, n, Level.Departement, d, Category.All, All),
            ])).Append(new TableRow(
            [
                region.Name,
                cells.Text(MinorVictims, n, Level.Region, code, Category.All, All),
                cells.Text(Rate, n, Level.Region, code, Category.All, All),
                cells.Text(Change, n, Level.Region, code, Category.All, All),
            ], Emphasis: true)).ToArray(),
            new Apparatus(["police", "ase", "sante", "population"], scope + ", par département", AnnualReport.Reading(ctx, "tableau-regions", ("valeur", count), ("taux", rate), ("lieu", region.Place.In)), Symbols: true));
        ChartSeries[] series = [AnnualReport.Series(ctx, region.Name, Rate, Level.Region, code, Category.All, All, SeriesKey.Region), AnnualReport.Series(ctx, "France", Rate, Level.France, "FR", Category.All, All, SeriesKey.France)];
        c.LineChart(
            $"Mineurs victimes repérés pour 100 000 mineurs, {region.Name} et la France, {ctx.FirstYear}-{n}",
            165,
            series,
            "Pour 100 000 mineurs",
            ChartBreaks.Markers(series),
            ChartBreaks.Note(series, "Toutes sources, personnes chaînées. Une année non publiée (secret statistique) interrompt la courbe."));
        c.Under(new Apparatus(["police", "ase", "sante", "population"], scope.Replace($"en {n}", $"de {ctx.FirstYear} à {n}", StringComparison.Ordinal) + " et France entière"));
        c.Table(
            $"Mineurs victimes repérés par forme d'exploitation et par source, {region.Name}, {n}",
            [TableColumn.Text("Forme d'exploitation", 3f), .. Sources.Select(s => TableColumn.Numeric(Vocabulary.Source(s)))],
            Category.Published.Select(cat => new TableRow(
                [Vocabulary.Category(cat), .. Sources.Select(s => cells.Text(MinorVictims, n, Level.Region, code, cat, s))],
                Emphasis: cat == Category.All)).ToArray(),
            new Apparatus(
                ["police", "ase", "sante"],
                scope,
                AnnualReport.Reading(ctx, "fiche-formes", ("valeur", count), ("dans_departement", region.Place.In)),
                ["les formes ne s'additionnent pas à l'ensemble ; les mineurs en risque prostitutionnel sont comptés à part."],
                Symbols: true));

        var info = new DocumentInfo($"{region.Name} — mineurs victimes d'exploitation sexuelle, {n}", ctx.Identity.Service, $"Page régionale {code}", [region.Name], ctx.Parameters.PublicationDate);
        return c.Compose(info, new RunningText(region.Name, ctx.EditionLine), $"Région {code} — {region.Name}");
    }
}
