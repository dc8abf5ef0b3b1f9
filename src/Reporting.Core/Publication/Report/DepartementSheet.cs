using System.Globalization;
using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication.Charts;
using Reporting.Publication.Pdf;
using static Reporting.Indicators.IndicatorCodes;

namespace Reporting.Publication.Report;

/// <summary>
/// The two-page sheet of one département (publication.md): its key figures beside its region and France, its trend,
/// its table by category and source, with the same hidden cells as everywhere else and a sentence saying so.
/// </summary>
public static class DepartementSheet
{
    private const string All = Availability.AllSources;
    private static readonly string[] Sources = ["police", "ase", "sante", All];

    public static ComposedDocument Compose(PublicationContext ctx, string code)
    {
        var dep = ctx.Geography[code];
        var region = ctx.Geography.RegionOf(code);
        var c = new Composition(ctx.Identity.ServiceShort);
        var cells = ctx.Cells;
        var n = ctx.Year;
        c.Title($"{dep.Name} ({code})", $"Mineurs victimes d'exploitation sexuelle — fiche départementale {n}", $"Région {region.Name} — {ctx.Identity.ServiceShort}, {ctx.Identity.SeriesLine} — {ctx.EditionLine}");

        var victims = cells.Figure(MinorVictims, n, Level.Departement, code, Category.All, All);
        var rate = cells.Figure(Rate, n, Level.Departement, code, Category.All, All);
        c.KeyFigures(
        [
            (victims.Short(), $"mineurs victimes repérés en {n}"),
            (rate.Short(), "pour 100 000 mineurs"),
            (cells.Figure(Rate, n, Level.France, "FR", Category.All, All).Short(), "pour 100 000 mineurs en France"),
        ]);
        var values = new Dictionary<string, object?>
        {
            ["nom"] = dep.Name,
            ["annee"] = n,
            ["annee_precedente"] = n - 1,
            ["region"] = region.Name,
            ["dans_region"] = region.Place.In,
            ["dans_departement"] = dep.Place.In,

            // An overseas département is its own region: it is compared with France only.
            ["comparer_region"] = !region.IsSingleDepartement,
            ["victimes"] = victims,
            ["taux"] = rate,
            ["taux_region"] = cells.Figure(Rate, n, Level.Region, region.Code, Category.All, All),
            ["taux_france"] = cells.Figure(Rate, n, Level.France, "FR", Category.All, All),
            ["evolution"] = cells.Figure(Change, n, Level.Departement, code, Category.All, All),
            ["cases_masquees"] = ctx.DepartementsWithHiddenCells.Contains(code),
            ["tableau_masque"] = ctx.WholeTableHidden(MinorVictims, n, All, Category.All),
            ["seuil_moins_un"] = ctx.Parameters.Threshold - 1,
        };
        c.Paragraphs(ctx.Templates.Render("fiche", values));

        // An overseas département is its own region: compared with France only, never with itself.
        var withRegion = !region.IsSingleDepartement;
        TableRow Compare(string label, string indicator, string category = Category.All, string source = All) => new(
        [
            label,
            cells.Text(indicator, n, Level.Departement, code, category, source),
            .. withRegion ? [cells.Text(indicator, n, Level.Region, region.Code, category, source)] : Array.Empty<string>(),
            cells.Text(indicator, n, Level.France, "FR", category, source),
        ]);
        c.Table(
            withRegion ? $"{dep.Name}, sa région et la France, {n}" : $"{dep.Name} et la France, {n}",
            [
                TableColumn.Text("Indicateur (toutes sources sauf mention)", 3f),
                TableColumn.Numeric("Département"),
                .. withRegion ? [TableColumn.Numeric("Région")] : Array.Empty<TableColumn>(),
                TableColumn.Numeric("France"),
            ],
            [
                Compare("Mineurs victimes repérés", MinorVictims),
                Compare("Pour 100 000 mineurs", Rate),
                Compare("Évolution sur un an (%)", Change),
                Compare("Part des filles (%)", ShareGirls),
                Compare("Part des moins de 15 ans (%)", ShareUnder15),
                Compare("Mineurs en risque prostitutionnel", MinorVictims, Category.AtRisk),
                Compare("Personnes poursuivies (justice)", Prosecuted, source: "justice"),
                Compare("Personnes condamnées (justice)", Convicted, source: "justice"),
            ],
            new Apparatus(
                ["police", "ase", "sante", "justice", "population"],
                $"mineurs victimes repérés en {n} par au moins une des trois sources, comptés une fois, et auteurs poursuivis ou condamnés ; {dep.Name}, {(withRegion ? $"{region.Name} et " : "et ")}France",
                AnnualReport.Reading(ctx, "fiche-comparaison", ("victimes", victims), ("taux", rate), ("taux_france", values["taux_france"]), ("dans_departement", dep.Place.In)),
                Symbols: true));

        c.Table(
            $"Mineurs victimes repérés par forme d'exploitation et par source, {dep.Name}, {n}",
            [TableColumn.Text("Forme d'exploitation", 3f), .. Sources.Select(s => TableColumn.Numeric(Vocabulary.Source(s)))],
            Category.Published.Select(cat => new TableRow(
                [Vocabulary.Category(cat), .. Sources.Select(s => cells.Text(MinorVictims, n, Level.Departement, code, cat, s))],
                Emphasis: cat == Category.All)).ToArray(),
            new Apparatus(
                ["police", "ase", "sante"],
                Scope(ctx, dep.Name),
                AnnualReport.Reading(ctx, "fiche-formes", ("valeur", victims), ("dans_departement", dep.Place.In)),
                ["les formes ne s'additionnent pas à l'ensemble ; les mineurs en risque prostitutionnel sont comptés à part."],
                Symbols: true));

        ComposePenalAndDigital(c, ctx, code);

        // A region of one département (overseas) is the département itself: one line, not two. Each territory keeps its
        // style from one sheet to the next (the département, its région, France), whatever the number of lines.
        var series = region.Departements.Count == 1
            ? new[] { AnnualReport.Series(ctx, dep.Name, Rate, Level.Departement, code, Category.All, All, SeriesKey.Departement), AnnualReport.Series(ctx, "France", Rate, Level.France, "FR", Category.All, All, SeriesKey.France) }
            : [AnnualReport.Series(ctx, dep.Name, Rate, Level.Departement, code, Category.All, All, SeriesKey.Departement), AnnualReport.Series(ctx, region.Name, Rate, Level.Region, region.Code, Category.All, All, SeriesKey.Region), AnnualReport.Series(ctx, "France", Rate, Level.France, "FR", Category.All, All, SeriesKey.France)];
        c.LineChart(
            region.Departements.Count == 1 ? $"Mineurs victimes pour 100 000 mineurs, {dep.Name} et la France, {ctx.FirstYear}-{n}" : $"Mineurs victimes pour 100 000 mineurs, {dep.Name}, sa région et la France, {ctx.FirstYear}-{n}",
            145,
            series,
            "Pour 100 000 mineurs",
            ChartBreaks.Markers(series),
            ChartBreaks.Note(series, "Toutes sources, personnes chaînées. Une année non publiée (secret statistique) interrompt la courbe."));
        c.Under(new Apparatus(["police", "ase", "sante", "population"], Scope(ctx, dep.Name, ctx.FirstYear), LatestRate(ctx, code, dep.Place.In)));

        c.Table(
            $"Évolution des mineurs victimes repérés, {dep.Name}, {ctx.FirstYear}-{n}",
            [TableColumn.Text("Année"), .. Sources.Select(s => TableColumn.Numeric(Vocabulary.Source(s))), TableColumn.Numeric("Pour 100 000 mineurs")],
            ctx.Years.Select(y => new TableRow(
                [y.ToString(CultureInfo.InvariantCulture), .. Sources.Select(s => cells.Text(MinorVictims, y, Level.Departement, code, Category.All, s)), cells.Text(Rate, y, Level.Departement, code, Category.All, All)])).ToArray(),
            new Apparatus(
                ["police", "ase", "sante", "population"],
                Scope(ctx, dep.Name, ctx.FirstYear) + " ; ensemble des formes d'exploitation",
                LatestCount(ctx, code, dep.Place.In),
                Symbols: true));

        // Where the sheet comes from and how to cite it: the publication's identity (templates/publication.json).
        c.Paragraphs(ctx.Templates.Render("citation", AnnualReport.Citation(ctx, $"{dep.Name} : mineurs victimes d'exploitation sexuelle, fiche départementale {n}")).Take(1));

        var info = new DocumentInfo(
            $"{dep.Name} — mineurs victimes d'exploitation sexuelle, {n}",
            ctx.Identity.Service,
            $"Fiche départementale {code} : mineurs victimes d'exploitation sexuelle",
            ["exploitation sexuelle", "mineurs", dep.Name, region.Name, n.ToString(CultureInfo.InvariantCulture)],
            ctx.Parameters.PublicationDate);
        return c.Compose(info, new RunningText($"Fiche départementale — {dep.Name} ({code}) — {n}", ctx.EditionLine), $"Fiche {code} — {dep.Name}");
    }

    /// <summary>
    /// The penal chain of the clients of minors and the digital dimension (issue 18): small counts, most hidden below the
    /// region. Where the département has one of them published, a table beside its region and France; where all are
    /// hidden, one sentence saying so and giving the region's and France's figure, never a table of c.
    /// </summary>
    private static void ComposePenalAndDigital(Composition c, PublicationContext ctx, string code)
    {
        const string justice = "justice";
        var (dep, region, n, cells) = (ctx.Geography[code], ctx.Geography.RegionOf(code), ctx.Year, ctx.Cells);
        (string Label, string Indicator, string Category, string Source)[] rows =
        [
            (Vocabulary.ClientsWithDecision, Authors, Category.Prostitution, justice),
            ("Clients de mineurs poursuivis", Prosecuted, Category.Prostitution, justice),
            ("Clients de mineurs condamnés", Convicted, Category.Prostitution, justice),
            (Vocabulary.DigitalVictimsPolice, DigitalVictims, Category.All, "police"),
            (Vocabulary.DigitalAuthorsJustice, DigitalAuthors, Category.All, justice),
        ];
        var decisions = cells.Figure(Authors, n, Level.Departement, code, Category.Prostitution, justice);
        if (!rows.Any(r => cells.Figure(r.Indicator, n, Level.Departement, code, r.Category, r.Source).Published))
        {
            var withRegion = !region.IsSingleDepartement;
            c.Paragraphs(ctx.Templates.Render("fiche-penal", new Dictionary<string, object?>
            {
                ["nom"] = dep.Name,
                ["annee"] = n,
                ["dans_region"] = region.Place.In,
                ["decisions_region"] = withRegion ? cells.Figure(Authors, n, Level.Region, region.Code, Category.Prostitution, justice) : Narrative.Figure.Of(null),
                ["decisions_france"] = cells.Figure(Authors, n, Level.France, "FR", Category.Prostitution, justice),
            }));
            return;
        }

        var inRegion = !region.IsSingleDepartement;
        c.Table(
            $"Clients de mineurs et dimension numérique, {dep.Name}, {n}",
            [
                TableColumn.Text("Indicateur", 3f),
                TableColumn.Numeric("Département"),
                .. inRegion ? [TableColumn.Numeric("Région")] : Array.Empty<TableColumn>(),
                TableColumn.Numeric("France"),
            ],
            rows.Select(r => new TableRow(
            [
                r.Label,
                cells.Text(r.Indicator, n, Level.Departement, code, r.Category, r.Source),
                .. inRegion ? [cells.Text(r.Indicator, n, Level.Region, region.Code, r.Category, r.Source)] : Array.Empty<string>(),
                cells.Text(r.Indicator, n, Level.France, "FR", r.Category, r.Source),
            ])).ToArray(),
            new Apparatus(
                ["police", justice],
                $"clients de mineurs ; infractions par réseau numérique, toutes formes (une borne basse) ; {dep.Name}, {n}",
                decisions.Published ? AnnualReport.Reading(ctx, "fiche-clients", ("valeur", decisions), ("lieu", dep.Place.In)) : null,
                null,
                Symbols: true));
    }

    private static string Scope(PublicationContext ctx, string name, int? from = null) =>
        $"mineurs victimes repérés {(from is { } f ? $"de {f} à {ctx.Year}" : $"en {ctx.Year}")} par au moins une des trois sources, comptés une fois ; {name}";

    /// <summary>The reading of the rate curve: the département's last published rate, else France's.</summary>
    private static string? LatestRate(PublicationContext ctx, string code, string inDepartement)
    {
        foreach (var y in ctx.Years.Reverse())
        {
            var rate = ctx.Cells.Figure(Rate, y, Level.Departement, code, Category.All, All);
            if (rate.Published)
            {
                return AnnualReport.Reading(ctx, "fiche-courbe", ("valeur", rate), ("annee_valeur", y), ("lieu", inDepartement));
            }
        }

        return AnnualReport.Reading(ctx, "fiche-courbe", ("valeur", ctx.Cells.Figure(Rate, ctx.Year, Level.France, "FR", Category.All, All)), ("annee_valeur", ctx.Year), ("lieu", "en France"));
    }

    /// <summary>The reading of the yearly table: the département's last published count, all sources; none when all are hidden.</summary>
    private static string? LatestCount(PublicationContext ctx, string code, string inDepartement)
    {
        foreach (var y in ctx.Years.Reverse())
        {
            var count = ctx.Cells.Figure(MinorVictims, y, Level.Departement, code, Category.All, All);
            if (count.Published)
            {
                return AnnualReport.Reading(ctx, "fiche-serie", ("valeur", count), ("annee_valeur", y), ("dans_departement", inDepartement));
            }
        }

        return null;
    }
}
