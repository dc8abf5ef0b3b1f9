using System.Globalization;
using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication.Charts;
using Reporting.Publication.Narrative;
using Reporting.Publication.Pdf;
using static Reporting.Indicators.IndicatorCodes;

namespace Reporting.Publication.Report;

/// <summary>
/// The annual report (publication.md): title block, the eight sections, numbered figures and tables with their
/// source lines, and the methodology annex. Each section is a small Compose method; every figure is a cell, every
/// sentence a template.
/// </summary>
public static class AnnualReport
{
    private const string All = Availability.AllSources;
    private static readonly string[] VictimSources = ["police", "ase", "sante"];
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static ComposedDocument Compose(PublicationContext ctx)
    {
        var c = new Composition(ctx.Identity.ServiceShort);
        var title = Title(ctx);
        c.Title(title, "Prostitution, proxénétisme et traite des mineurs : chiffres consolidés de la police, de la justice, de l'aide sociale à l'enfance et des établissements de santé", $"{ctx.Identity.Service} — {ctx.Identity.SeriesLine} — {ctx.EditionLine}");
        ComposeHighlights(c, ctx);
        ComposeKeyFigures(c, ctx);
        ComposeTrends(c, ctx);
        ComposeVictims(c, ctx);
        ComposeTerritories(c, ctx);
        ComposeSources(c, ctx);
        ComposeJustice(c, ctx);
        ComposeDigital(c, ctx);
        c.Aside("Sources et méthodes", ctx.Templates.Render("sources-methodes", Values(ctx)));
        ComposeMethodology(c, ctx);
        ComposeAbout(c, ctx);
        var info = new DocumentInfo(
            title,
            ctx.Identity.Service,
            "Statistiques consolidées des mineurs victimes d'exploitation sexuelle : police, justice, aide sociale à l'enfance, santé",
            ["exploitation sexuelle", "mineurs", "prostitution", "proxénétisme", "traite des êtres humains", "statistique publique", ctx.Year.ToString(Inv)],
            ctx.Parameters.PublicationDate);
        var running = new RunningText($"Mineurs victimes d'exploitation sexuelle — {ctx.Year}", ctx.EditionLine);
        return c.Compose(info, running, $"Rapport annuel {ctx.Year}");
    }

    /// <summary>The report's title, as its first page and the citation give it.</summary>
    public static string Title(PublicationContext ctx) => $"Les mineurs victimes d'exploitation sexuelle en {ctx.Year}";

    private static Dictionary<string, object?> Values(PublicationContext ctx) => new()
    {
        ["annee"] = ctx.Year,
        ["annee_precedente"] = ctx.Year - 1,
        ["premiere_annee"] = ctx.FirstYear,
        ["seuil_moins_un"] = ctx.Parameters.Threshold - 1,
    };

    /// <summary>
    /// « Lecture : … » of one figure or table (<c>templates/lectures.liquid</c>), from the values given, which are its own
    /// cells; null when the sentence its published values allow is none.
    /// </summary>
    internal static string? Reading(PublicationContext ctx, string key, params (string Name, object? Value)[] figures)
    {
        var values = Values(ctx);
        values["cle"] = key;
        foreach (var (name, value) in figures)
        {
            values[name] = value;
        }

        return ctx.Templates.Render("lectures", values) is [var sentence, ..] ? sentence : null;
    }

    /// <summary>The sources of the victims' figures, and with the population for rates.</summary>
    private static readonly string[] Victims = ["police", "ase", "sante"];
    private static readonly string[] VictimsAndPopulation = ["police", "ase", "sante", "population"];

    private static string VictimScope(PublicationContext ctx, int? from = null) =>
        $"mineurs victimes d'exploitation sexuelle repérés {(from is { } f ? $"de {f} à {ctx.Year}" : $"en {ctx.Year}")} par au moins une des trois sources, chacun compté une fois ; France (101 départements)";

    /// <summary>« À retenir »: the edition in three or four sentences, from the same wording model as the sections.</summary>
    private static void ComposeHighlights(Composition c, PublicationContext ctx)
    {
        var values = NationalValues(ctx);
        values["poursuivis"] = Fr(ctx, Prosecuted, source: "justice");
        values["condamnes"] = Fr(ctx, Convicted, source: "justice");
        values["taux_clients"] = Fr(ctx, ResponseRate, Category.Prostitution, "justice");
        values["ferme_clients"] = Fr(ctx, ShareFirmPrison, Category.Prostitution, "justice");
        c.Aside("À retenir", ctx.Templates.Render("a-retenir", values), items: true, level: 1);
    }

    /// <summary>The national figures of the year that several sections speak of, by the names the templates give them.</summary>
    private static Dictionary<string, object?> NationalValues(PublicationContext ctx)
    {
        var values = Values(ctx);
        values["victimes"] = Fr(ctx, MinorVictims);
        values["evolution"] = Fr(ctx, Change);
        values["estimation"] = Fr(ctx, Estimate);
        values["estimation_bas"] = Fr(ctx, EstimateLow);
        values["estimation_haut"] = Fr(ctx, EstimateHigh);
        values["estimation_sans_correction"] = Fr(ctx, EstimateUncorrected);
        values["part_reperes"] = Fr(ctx, ShareSeen);
        values["part_filles"] = Fr(ctx, ShareGirls);
        values["part_moins_15"] = Fr(ctx, ShareUnder15);
        return values;
    }

    private static Narrative.Figure Fr(PublicationContext ctx, string indicator, string category = Category.All, string source = All, int? year = null) =>
        ctx.Cells.Figure(indicator, year ?? ctx.Year, Level.France, "FR", category, source);

    private static void ComposeKeyFigures(Composition c, PublicationContext ctx)
    {
        c.Heading(1, "1. Chiffres clés");
        var estimate = Fr(ctx, Estimate);
        var seen = Fr(ctx, MinorVictims);
        var values = NationalValues(ctx);
        c.KeyFigures(
        [
            (seen.Short(), $"mineurs victimes repérés en {ctx.Year}, toutes sources"),
            (Fr(ctx, Change).Short(percent: true), $"évolution par rapport à {ctx.Year - 1}"),
            (estimate.Short(), "nombre total estimé, repérés ou non"),
            (Fr(ctx, ShareGirls).Short(percent: true), "de filles"),
        ]);
        c.Paragraphs(ctx.Templates.Render("chiffres-cles", values));
        var rows = Category.Published.Select(cat => new TableRow(
        [
            Vocabulary.Category(cat),
            ctx.Cells.Text(MinorVictims, ctx.Year, Level.France, "FR", cat, All),
            ctx.Cells.Text(Change, ctx.Year, Level.France, "FR", cat, All),
            .. VictimSources.Select(s => ctx.Cells.Text(MinorVictims, ctx.Year, Level.France, "FR", cat, s)),
        ], Emphasis: cat == Category.All)).ToArray();
        c.Table(
            $"Mineurs victimes repérés par forme d'exploitation et par source, France, {ctx.Year}",
            [TableColumn.Text("Forme d'exploitation", 3.2f), TableColumn.Numeric("Toutes sources"), TableColumn.Numeric("Évolution sur un an (%)"), TableColumn.Numeric("Police et gendarmerie", 1.3f), TableColumn.Numeric("ASE"), TableColumn.Numeric("Santé")],
            rows,
            new Apparatus(
                Victims,
                VictimScope(ctx),
                Reading(ctx, "tableau-formes", ("victimes", Fr(ctx, MinorVictims)), ("police", Fr(ctx, MinorVictims, source: "police"))),
                ["une même personne peut relever de plusieurs formes : les formes ne s'additionnent pas à l'ensemble. Les mineurs en risque prostitutionnel ne sont pas comptés dans l'ensemble."],
                Symbols: true));
        c.Aside("Définitions", ctx.Templates.Render("definitions", Values(ctx)));
    }

    private static void ComposeTrends(Composition c, PublicationContext ctx)
    {
        c.Heading(1, "2. Évolution");
        var values = Values(ctx);
        values["debut"] = Fr(ctx, MinorVictims, year: ctx.FirstYear);
        values["fin"] = Fr(ctx, MinorVictims);
        values["evolution_serie"] = Fr(ctx, ChangeSinceStart);
        foreach (var s in VictimSources)
        {
            values[s] = Fr(ctx, MinorVictims, source: s);
            values["evolution_" + s] = Fr(ctx, Change, source: s);
        }

        c.Paragraphs(ctx.Templates.Render("evolution", values));
        var categories = Category.Forms.Prepend(Category.All).ToArray();
        var byCategory = categories.Select(cat => Series(ctx, Vocabulary.ShortCategory(cat), MinorVictims, Level.France, "FR", cat, All, SeriesKey.Category(cat))).ToArray();
        c.LineChart(
            $"Mineurs victimes repérés par forme d'exploitation, toutes sources, {ctx.FirstYear}-{ctx.Year}",
            220,
            byCategory,
            "Nombre de mineurs",
            ChartBreaks.Markers(byCategory),
            ChartBreaks.Note(byCategory));
        c.Under(new Apparatus(Victims, VictimScope(ctx, ctx.FirstYear), Reading(ctx, "figure-formes", ("valeur", Fr(ctx, MinorVictims, Category.Pimping)))));

        // The total first in the legend, as in every chart that has one.
        var bySource = VictimSources.Prepend(All).Select(s => Series(ctx, Vocabulary.Source(s), MinorVictims, Level.France, "FR", Category.All, s, SeriesKey.Source(s))).ToArray();
        c.LineChart(
            $"Mineurs victimes repérés par source, {ctx.FirstYear}-{ctx.Year}",
            220,
            bySource,
            "Nombre de mineurs",
            ChartBreaks.Markers(bySource),
            ChartBreaks.Note(bySource));
        c.Under(new Apparatus(Victims, VictimScope(ctx, ctx.FirstYear), Reading(ctx, "figure-sources", ("valeur", Fr(ctx, MinorVictims, source: "police"))), ["un mineur repéré par plusieurs sources est compté dans chacune, et une seule fois dans « Toutes sources »."]));
    }

    private static void ComposeVictims(Composition c, PublicationContext ctx)
    {
        c.Heading(1, "3. Les victimes");
        var values = Values(ctx);
        values["part_filles"] = Fr(ctx, ShareGirls);
        values["part_moins_15"] = Fr(ctx, ShareUnder15);
        values["part_mineurs_police"] = Fr(ctx, ShareMinors, source: "police");
        foreach (var s in VictimSources)
        {
            values["part_filles_" + s] = Fr(ctx, ShareGirls, source: s);
        }

        c.Paragraphs(ctx.Templates.Render("victimes", values));
        var sources = VictimSources.Append(All).ToArray();
        c.BarChart(
            $"Part des filles et des moins de 15 ans parmi les mineurs victimes, par source, {ctx.Year}",
            200,
            ["Filles", "Moins de 15 ans"],
            sources.Select(s => new BarGroup(Vocabulary.Source(s), [ctx.Cells.Number(ShareGirls, ctx.Year, Level.France, "FR", Category.All, s), ctx.Cells.Number(ShareUnder15, ctx.Year, Level.France, "FR", Category.All, s)])).ToArray(),
            "%",
            horizontal: true,
            v => FrenchFormat.Percent((decimal)v),
            "Parts calculées parmi les mineurs victimes dont le sexe, ou l'âge, est connu.",
            [SeriesKey.Girls, SeriesKey.Under15]);
        c.Under(new Apparatus(Victims, VictimScope(ctx), Reading(ctx, "figure-parts-source", ("valeur", Fr(ctx, ShareGirls, source: "police")))));
        ChartSeries[] shares = [Series(ctx, "Filles", ShareGirls, Level.France, "FR", Category.All, All, SeriesKey.Girls), Series(ctx, "Moins de 15 ans", ShareUnder15, Level.France, "FR", Category.All, All, SeriesKey.Under15)];
        c.LineChart(
            $"Part des filles et des moins de 15 ans parmi les mineurs victimes, toutes sources, {ctx.FirstYear}-{ctx.Year}",
            170,
            shares,
            "%",
            ChartBreaks.Markers(shares),
            ChartBreaks.Note(shares));
        c.Under(new Apparatus(Victims, VictimScope(ctx, ctx.FirstYear) + ", dont le sexe, ou l'âge, est connu", Reading(ctx, "figure-parts-serie", ("valeur", Fr(ctx, ShareUnder15)))));
    }

    private static void ComposeTerritories(Composition c, PublicationContext ctx)
    {
        c.Heading(1, "4. Les territoires");
        var rates = ctx.Geography.Departements.ToDictionary(
            d => d.Code,
            d => ctx.Cells.Cell(Rate, ctx.Year, Level.Departement, d.Code, Category.All, All));
        var published = rates.Where(kv => kv.Value?.Shown is not null).OrderByDescending(kv => kv.Value!.Shown).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
        var values = Values(ctx);
        values["taux_france"] = Fr(ctx, Rate);
        values["departements_publies"] = published.Length > 0;
        var first = published.Take(5).Select(kv => $"{ctx.Geography[kv.Key].Place.In} ({FrenchFormat.Decimal(kv.Value!.Shown!.Value)})").ToArray();
        values["premiers"] = first.Length <= 1 ? string.Concat(first) : string.Join(", ", first[..^1]) + " et " + first[^1];
        c.Paragraphs(ctx.Templates.Render("territoires", values));

        var classes = ctx.Source.MapClasses;
        var tiles = rates.Select(kv => kv.Value switch
        {
            { Status: CellStatus.Confidential } => MapTile.Secret(kv.Key),
            { Shown: { } v } => MapTile.InClass(kv.Key, classes.ClassOf(v)),
            _ => MapTile.NotAvailable(kv.Key),
        }).ToArray();
        var shown = rates.ToDictionary(kv => kv.Key, kv => ctx.Cells.Text(Rate, ctx.Year, Level.Departement, kv.Key, Category.All, All));
        c.Map(
            $"Mineurs victimes repérés pour 100 000 mineurs, par département, {ctx.Year}",
            330,
            tiles,
            ClassLabels(classes),
            "Pour 100 000 mineurs",
            shown,
            "Toutes sources, personnes chaînées. Classes aux quintiles des départements publiés. Départements hachurés : secret statistique.");
        var top = published.FirstOrDefault();
        c.Under(new Apparatus(
            VictimsAndPopulation,
            VictimScope(ctx),
            top.Key is null ? null : Reading(ctx, "carte", ("valeur", Narrative.Figure.Of(top.Value, ctx.Source.Catalogue)), ("lieu", ctx.Geography[top.Key].Place.In))));

        c.Table(
            $"Mineurs victimes repérés par région, {ctx.Year}",
            [TableColumn.Text("Région", 3f), TableColumn.Numeric("Mineurs victimes"), TableColumn.Numeric("Pour 100 000 mineurs"), TableColumn.Numeric("Évolution sur un an (%)")],
            ctx.Geography.RegionsInOfficialOrder.Select(r => new TableRow(
            [
                r.Name,
                ctx.Cells.Text(MinorVictims, ctx.Year, Level.Region, r.Code, Category.All, All),
                ctx.Cells.Text(Rate, ctx.Year, Level.Region, r.Code, Category.All, All),
                ctx.Cells.Text(Change, ctx.Year, Level.Region, r.Code, Category.All, All),
            ])).Append(new TableRow(
            [
                "France",
                ctx.Cells.Text(MinorVictims, ctx.Year, Level.France, "FR", Category.All, All),
                ctx.Cells.Text(Rate, ctx.Year, Level.France, "FR", Category.All, All),
                ctx.Cells.Text(Change, ctx.Year, Level.France, "FR", Category.All, All),
            ], Emphasis: true)).ToArray(),
            new Apparatus(VictimsAndPopulation, VictimScope(ctx), RegionReading(ctx), Symbols: true));

        c.Table(
            $"Les dix départements aux taux les plus élevés parmi ceux publiés, {ctx.Year}",
            [TableColumn.Text("Département", 3f), TableColumn.Numeric("Mineurs victimes"), TableColumn.Numeric("Pour 100 000 mineurs")],
            published.Take(10).Select(kv => new TableRow(
            [
                $"{ctx.Geography[kv.Key].Name} ({kv.Key})",
                ctx.Cells.Text(MinorVictims, ctx.Year, Level.Departement, kv.Key, Category.All, All),
                ctx.Cells.Text(Rate, ctx.Year, Level.Departement, kv.Key, Category.All, All),
            ])).ToArray(),
            new Apparatus(
                VictimsAndPopulation,
                VictimScope(ctx) + " ; départements dont le taux est publié",
                top.Key is null ? null : Reading(ctx, "tableau-departements", ("taux", Narrative.Figure.Of(top.Value, ctx.Source.Catalogue)), ("lieu", ctx.Geography[top.Key].Place.In)),
                ctx.WholeTableHidden(MinorVictims, ctx.Year, All, Category.All) ? [Disclosure.ProtectedTable.WholeTableHiddenNotice] : null));
    }

    /// <summary>The first region, in the table's order, whose count and rate are both published.</summary>
    private static string? RegionReading(PublicationContext ctx)
    {
        foreach (var r in ctx.Geography.RegionsInOfficialOrder)
        {
            var (count, rate) = (ctx.Cells.Figure(MinorVictims, ctx.Year, Level.Region, r.Code, Category.All, All), ctx.Cells.Figure(Rate, ctx.Year, Level.Region, r.Code, Category.All, All));
            if (count.Published && rate.Published)
            {
                return Reading(ctx, "tableau-regions", ("valeur", count), ("taux", rate), ("lieu", r.Place.In));
            }
        }

        return Reading(ctx, "tableau-regions", ("valeur", Fr(ctx, MinorVictims)), ("taux", Fr(ctx, Rate)), ("lieu", "en France"));
    }

    private static void ComposeSources(Composition c, PublicationContext ctx)
    {
        c.Heading(1, "5. Croiser les sources");
        var estimate = ctx.Estimates.FirstOrDefault(e => e.Year == ctx.Year && e.Category == Category.All);
        var values = NationalValues(ctx);
        values["vus_1"] = Fr(ctx, SeenByOne);
        values["vus_2"] = Fr(ctx, SeenByTwo);
        values["vus_3"] = Fr(ctx, SeenByThree);
        values["part_cle"] = Fr(ctx, ShareKeyed);
        values["raison"] = estimate?.NotEstimatedReason ?? "estimation non disponible";
        c.Paragraphs(ctx.Templates.Render("sources", values));
        c.BarChart(
            $"Mineurs victimes selon le nombre de sources qui les ont repérés, {ctx.Year}",
            150,
            ["Mineurs"],
            [
                new BarGroup("Une source", [ctx.Cells.Number(SeenByOne, ctx.Year, Level.France, "FR", Category.All, All)]),
                new BarGroup("Deux sources", [ctx.Cells.Number(SeenByTwo, ctx.Year, Level.France, "FR", Category.All, All)]),
                new BarGroup("Trois sources", [ctx.Cells.Number(SeenByThree, ctx.Year, Level.France, "FR", Category.All, All)]),
            ],
            "Nombre de mineurs",
            horizontal: true,
            v => FrenchFormat.Integer((decimal)v),
            seriesKeys: [SeriesKey.Total]);
        c.Under(new Apparatus(Victims, VictimScope(ctx) + " ; seuls les mineurs dont la clé de chaînage est connue peuvent être reconnus d'une source à l'autre", Reading(ctx, "figure-recoupement", ("valeur", Fr(ctx, SeenByOne)))));
        c.Table(
            "Recoupement des sources et estimation du nombre total de mineurs victimes, France",
            [TableColumn.Text("Année"), TableColumn.Numeric("Repérés"), TableColumn.Numeric("Par 1 source"), TableColumn.Numeric("Par 2"), TableColumn.Numeric("Par 3"), TableColumn.Numeric("Avec clé (%)"), TableColumn.Numeric("Estimation"), TableColumn.Numeric("Borne basse"), TableColumn.Numeric("Borne haute")],
            ctx.Years.Select(y => new TableRow(
            [
                y.ToString(Inv),
                ctx.Cells.Text(MinorVictims, y, Level.France, "FR", Category.All, All),
                ctx.Cells.Text(SeenByOne, y, Level.France, "FR", Category.All, All),
                ctx.Cells.Text(SeenByTwo, y, Level.France, "FR", Category.All, All),
                ctx.Cells.Text(SeenByThree, y, Level.France, "FR", Category.All, All),
                ctx.Cells.Text(ShareKeyed, y, Level.France, "FR", Category.All, All),
                ctx.Cells.Text(Estimate, y, Level.France, "FR", Category.All, All),
                ctx.Cells.Text(EstimateLow, y, Level.France, "FR", Category.All, All),
                ctx.Cells.Text(EstimateHigh, y, Level.France, "FR", Category.All, All),
            ])).ToArray(),
            new Apparatus(
                Victims,
                VictimScope(ctx, ctx.FirstYear),
                Reading(ctx, "tableau-recoupement", ("estimation", Fr(ctx, Estimate)), ("estimation_bas", Fr(ctx, EstimateLow)), ("estimation_haut", Fr(ctx, EstimateHigh)), ("reperes", Fr(ctx, MinorVictims))),
                ["l'estimation et ses bornes (intervalle de confiance à 95 %) sont arrondies à deux chiffres significatifs ; elles ne sont pas publiées (x) les années où aucun mineur n'est connu des trois sources à la fois."],
                Symbols: true));
    }

    /// <summary>The justice categories the penal section follows: the clients of minors, compared with pimping and trafficking, then all.</summary>
    private static readonly string[] PenalCategories = [Category.Prostitution, Category.Pimping, Category.Trafficking, Category.All];

    private const string Justice = "justice";

    private static string PenalLabel(string category) => category == Category.Prostitution ? "Recours à la prostitution d'un mineur (clients)" : Vocabulary.Category(category);

    /// <summary>
    /// The penal response (issue 18): the penal chain of the clients of minors — decisions, orientations, judgments, the
    /// penal response rate — compared with pimping and trafficking, the sentences pronounced, the chain over the years.
    /// </summary>
    private static void ComposeJustice(Composition c, PublicationContext ctx)
    {
        c.Heading(1, "6. La réponse pénale");
        var values = Values(ctx);
        values["poursuivis"] = Fr(ctx, Prosecuted, source: Justice);
        values["condamnes"] = Fr(ctx, Convicted, source: Justice);
        foreach (var (cat, suffix) in new[] { (Category.Prostitution, "clients"), (Category.Pimping, "proxenetisme"), (Category.Trafficking, "traite") })
        {
            values["taux_" + suffix] = Fr(ctx, ResponseRate, cat, Justice);
            values["ferme_" + suffix] = Fr(ctx, ShareFirmPrison, cat, Justice);
        }

        values["decisions_clients"] = Fr(ctx, Authors, Category.Prostitution, Justice);
        values["orientes_clients"] = Fr(ctx, Oriented, Category.Prostitution, Justice);
        values["classes_clients"] = Fr(ctx, Dismissed, Category.Prostitution, Justice);
        values["alternatives_clients"] = Fr(ctx, Alternative, Category.Prostitution, Justice);
        values["poursuivis_clients"] = Fr(ctx, Prosecuted, Category.Prostitution, Justice);
        values["condamnes_clients"] = Fr(ctx, Convicted, Category.Prostitution, Justice);
        values["relaxes_clients"] = Fr(ctx, Acquitted, Category.Prostitution, Justice);
        values["sursis_clients"] = Fr(ctx, ShareSuspended, Category.Prostitution, Justice);
        values["amende_clients"] = Fr(ctx, ShareFine, Category.Prostitution, Justice);
        values["autre_clients"] = Fr(ctx, ShareOtherSentence, Category.Prostitution, Justice);
        values["quantum_clients"] = Fr(ctx, MeanQuantum, Category.Prostitution, Justice);
        values["mediane_clients"] = Fr(ctx, MedianQuantum, Category.Prostitution, Justice);
        c.Paragraphs(ctx.Templates.Render("penal", values));

        c.Table(
            $"La chaîne pénale par infraction, France, {ctx.Year}",
            [
                TableColumn.Text("Infraction", 2.2f), TableColumn.Numeric("Auteurs (toute décision)", 1.1f), TableColumn.Numeric("Classés sans suite", 1.1f), TableColumn.Numeric("Alternatives aux poursuites", 1.25f),
                TableColumn.Numeric("Poursuivis", 1.1f), TableColumn.Numeric("Condamnés", 1.3f), TableColumn.Numeric("Relaxés ou acquittés", 1.1f), TableColumn.Numeric("Taux de réponse pénale (%)", 1.1f),
            ],
            PenalCategories.Select(cat => new TableRow(
            [
                PenalLabel(cat),
                .. new[] { Authors, Dismissed, Alternative, Prosecuted, Convicted, Acquitted, ResponseRate }.Select(i => ctx.Cells.Text(i, ctx.Year, Level.France, "FR", cat, Justice)),
            ], Emphasis: cat == Category.All)).ToArray(),
            new Apparatus(
                [Justice],
                $"personnes ayant fait l'objet en {ctx.Year} d'une décision de justice pour une infraction d'exploitation sexuelle commise sur un mineur ; France entière",
                Reading(ctx, "tableau-chaine", ("decisions", Fr(ctx, Authors, Category.Prostitution, Justice)), ("taux", Fr(ctx, ResponseRate, Category.Prostitution, Justice))),
                [
                    "une personne est comptée une fois par étape, infraction et année ; une personne classée sans suite dans une affaire et poursuivie dans une autre l'est aux deux étapes, si bien que les étapes ne s'additionnent pas, et un jugement peut suivre une poursuite engagée une année antérieure.",
                    "le taux de réponse pénale rapporte les auteurs ayant fait l'objet d'une poursuite ou d'une alternative aux poursuites aux auteurs dont l'affaire a été orientée par le parquet ; tous les classements sans suite y figurent, faute de connaître leur motif : c'est une borne basse du taux du ministère de la Justice.",
                ],
                Symbols: true));

        c.Table(
            $"Peines prononcées par infraction, France, {ctx.Year}",
            [
                TableColumn.Text("Infraction", 2.2f), TableColumn.Numeric("Condamnés", 1.3f), TableColumn.Numeric("Prison ferme (%)", 1.1f), TableColumn.Numeric("Sursis (%)", 1.1f), TableColumn.Numeric("Amende (%)", 1.1f),
                TableColumn.Numeric("Autre peine (%)", 1.1f), TableColumn.Numeric("Durée moyenne (mois)", 1.1f), TableColumn.Numeric("Durée médiane (mois)", 1.1f),
            ],
            PenalCategories.Select(cat => new TableRow(
            [
                PenalLabel(cat),
                .. new[] { Convicted, ShareFirmPrison, ShareSuspended, ShareFine, ShareOtherSentence, MeanQuantum, MedianQuantum }.Select(i => ctx.Cells.Text(i, ctx.Year, Level.France, "FR", cat, Justice)),
            ], Emphasis: cat == Category.All)).ToArray(),
            new Apparatus(
                [Justice],
                $"personnes condamnées en {ctx.Year} pour une infraction d'exploitation sexuelle commise sur un mineur ; France entière",
                Reading(ctx, "tableau-peines", ("condamnes", Fr(ctx, Convicted, Category.Prostitution, Justice)), ("part_ferme", Fr(ctx, ShareFirmPrison, Category.Prostitution, Justice))),
                [
                    "chaque personne condamnée est classée selon la peine la plus grave prononcée dans l'année (prison ferme, puis sursis, amende, autre peine) : les quatre parts se complètent.",
                    "les durées portent sur les condamnés à de la prison ferme dont la durée est connue, en retenant pour chacun sa plus longue peine ferme.",
                ],
                Symbols: true));

        // The chain of the clients over the years: the total of the chart is the persons with a decision.
        ChartSeries[] chain =
        [
            Series(ctx, "Auteurs (toute décision)", Authors, Level.France, "FR", Category.Prostitution, Justice, SeriesKey.Step(Authors)),
            Series(ctx, "Classés sans suite", Dismissed, Level.France, "FR", Category.Prostitution, Justice, SeriesKey.Step(Dismissed)),
            Series(ctx, "Poursuivis", Prosecuted, Level.France, "FR", Category.Prostitution, Justice, SeriesKey.Step(Prosecuted)),
            Series(ctx, "Condamnés", Convicted, Level.France, "FR", Category.Prostitution, Justice, SeriesKey.Step(Convicted)),
        ];
        c.LineChart(
            $"La chaîne pénale des clients de mineurs, {ctx.FirstYear}-{ctx.Year}",
            200,
            chain,
            "Nombre de personnes",
            ChartBreaks.Markers(chain),
            ChartBreaks.Note(chain, "Une personne peut être comptée à plusieurs étapes la même année."));
        c.Under(new Apparatus([Justice], $"auteurs de recours à la prostitution d'un mineur ayant fait l'objet d'une décision de justice de {ctx.FirstYear} à {ctx.Year} ; France entière", Reading(ctx, "figure-chaine", ("valeur", Fr(ctx, Prosecuted, Category.Prostitution, Justice)))));

        var convicted = PenalCategories.Where(cat => cat == Category.All).Concat(PenalCategories.Where(cat => cat != Category.All))
            .Select(cat => Series(ctx, cat == Category.Prostitution ? "Clients" : Vocabulary.ShortCategory(cat), Convicted, Level.France, "FR", cat, Justice, SeriesKey.Category(cat))).ToArray();
        c.LineChart(
            $"Personnes condamnées pour exploitation sexuelle de mineurs, par infraction, {ctx.FirstYear}-{ctx.Year}",
            200,
            convicted,
            "Nombre de personnes",
            ChartBreaks.Markers(convicted),
            ChartBreaks.Note(convicted));
        c.Under(new Apparatus([Justice], $"auteurs condamnés de {ctx.FirstYear} à {ctx.Year} pour une infraction d'exploitation sexuelle commise sur un mineur ; France entière", Reading(ctx, "figure-condamnes", ("valeur", Fr(ctx, Convicted, source: Justice)))));
    }

    /// <summary>The categories that have a digital offence code in the nomenclature (the others have no digital cell), the total last.</summary>
    private static string[] DigitalCategories(PublicationContext ctx) =>
        [.. Category.Forms.Where(cat => ctx.Nomenclature.Entries.Any(e => e.Digital && e.Category == cat)), .. ctx.Nomenclature.Entries.Any(e => e.Digital) ? [Category.All] : Array.Empty<string>()];

    /// <summary>
    /// The offences whose legal wording involves an electronic communications network, in plain French; their codes are
    /// in the section's table and the nomenclature (a five-digit code is no word of a French sentence).
    /// </summary>
    internal static string DigitalOffences(Nomenclature nomenclature)
    {
        var offences = nomenclature.Entries.Where(e => e.Digital).Select(e => Vocabulary.OffenceLabel(e.Label)).Select(l => char.ToLowerInvariant(l[0]) + l[1..]).Distinct(StringComparer.Ordinal).ToArray();
        return offences.Length <= 1 ? string.Concat(offences) : string.Join(" ; ", offences[..^1]) + " et " + offences[^1];
    }

    /// <summary>
    /// The digital dimension (issue 18): victims (police) and authors (justice) whose offence's legal qualification involves
    /// an electronic communications network, and their share, national by form and by region; a lower bound, said so.
    /// </summary>
    private static void ComposeDigital(Composition c, PublicationContext ctx)
    {
        c.Heading(1, "7. La dimension numérique");
        var values = Values(ctx);
        values["codes"] = DigitalOffences(ctx.Nomenclature);
        values["victimes"] = Fr(ctx, DigitalVictims, source: "police");
        values["part_victimes"] = Fr(ctx, ShareDigital, source: "police");
        values["part_victimes_clients"] = Fr(ctx, ShareDigital, Category.Prostitution, "police");
        values["auteurs"] = Fr(ctx, DigitalAuthors, source: Justice);
        values["part_auteurs"] = Fr(ctx, ShareDigital, source: Justice);
        values["auteurs_clients"] = Fr(ctx, DigitalAuthors, Category.Prostitution, Justice);
        values["part_auteurs_clients"] = Fr(ctx, ShareDigital, Category.Prostitution, Justice);
        c.Paragraphs(ctx.Templates.Render("numerique", values));

        var categories = DigitalCategories(ctx);
        if (categories.Length == 0)
        {
            return;
        }

        c.Table(
            "Les infractions dont la qualification retient l'usage d'un réseau de communications électroniques",
            [TableColumn.Text("Code de l'infraction", 1.2f), TableColumn.Text("Infraction", 4f), TableColumn.Text("Forme d'exploitation", 2.6f)],
            ctx.Nomenclature.Entries.Where(e => e.Digital).Select(e => new TableRow([e.Code, Vocabulary.OffenceLabel(e.Label), Vocabulary.Category(e.Category)])).ToArray(),
            new Apparatus(
                ["nomenclature"],
                $"infractions de la nomenclature unifiée (version {ctx.Nomenclature.Version}) comptées dans la dimension numérique",
                null,
                ["le libellé officiel de chaque infraction figure au tableau 6 du classeur de la publication."]));

        var missing = Category.Forms.Where(cat => !categories.Contains(cat)).Select(cat => Vocabulary.ShortCategory(cat).ToLowerInvariant()).ToArray();
        c.Table(
            $"Victimes et auteurs d'une infraction commise par un réseau de communications électroniques, par forme d'exploitation, France, {ctx.Year}",
            [
                TableColumn.Text("Forme d'exploitation", 2.6f), TableColumn.Numeric("Mineurs victimes (police)"), TableColumn.Numeric("Dont infraction par réseau numérique"), TableColumn.Numeric("Part (%)"),
                TableColumn.Numeric("Auteurs (justice)"), TableColumn.Numeric("Dont infraction par réseau numérique"), TableColumn.Numeric("Part (%)"),
            ],
            categories.Select(cat => new TableRow(
            [
                Vocabulary.Category(cat),
                ctx.Cells.Text(MinorVictims, ctx.Year, Level.France, "FR", cat, "police"),
                ctx.Cells.Text(DigitalVictims, ctx.Year, Level.France, "FR", cat, "police"),
                ctx.Cells.Text(ShareDigital, ctx.Year, Level.France, "FR", cat, "police"),
                ctx.Cells.Text(Authors, ctx.Year, Level.France, "FR", cat, Justice),
                ctx.Cells.Text(DigitalAuthors, ctx.Year, Level.France, "FR", cat, Justice),
                ctx.Cells.Text(ShareDigital, ctx.Year, Level.France, "FR", cat, Justice),
            ], Emphasis: cat == Category.All)).ToArray(),
            new Apparatus(
                ["police", Justice],
                $"mineurs victimes enregistrés par la police et la gendarmerie et auteurs ayant fait l'objet d'une décision de justice en {ctx.Year} ; France entière",
                Reading(ctx, "tableau-numerique", ("valeur", Fr(ctx, DigitalVictims, source: "police")), ("part", Fr(ctx, ShareDigital, source: "police"))),
                [
                    "une borne basse de la dimension numérique : seules sont comptées les infractions dont la qualification retient l'usage d'un réseau de communications électroniques.",
                    .. missing.Length == 0 ? Array.Empty<string>() : [$"aucune infraction {string.Join(" ni ", missing.Select(Of))} n'est ainsi qualifiée : ces formes n'ont pas de ligne."],
                ],
                Symbols: true));

        string RegionCell(string indicator, string code, string source) => ctx.Cells.Text(indicator, ctx.Year, Level.Region, code, Category.All, source);
        var wholeHidden = ctx.WholeTableHidden(DigitalVictims, ctx.Year, "police", Category.All) || ctx.WholeTableHidden(DigitalAuthors, ctx.Year, Justice, Category.All);
        c.Table(
            $"Victimes et auteurs d'une infraction commise par un réseau de communications électroniques, par région, {ctx.Year}",
            [
                TableColumn.Text("Région", 2.6f), TableColumn.Numeric("Mineurs victimes, réseau numérique (police)"), TableColumn.Numeric("Part des victimes (%)"),
                TableColumn.Numeric("Auteurs, réseau numérique (justice)"), TableColumn.Numeric("Part des auteurs (%)"),
            ],
            ctx.Geography.RegionsInOfficialOrder.Select(r => new TableRow(
            [
                r.Name,
                RegionCell(DigitalVictims, r.Code, "police"),
                RegionCell(ShareDigital, r.Code, "police"),
                RegionCell(DigitalAuthors, r.Code, Justice),
                RegionCell(ShareDigital, r.Code, Justice),
            ])).Append(new TableRow(
            [
                "France",
                ctx.Cells.Text(DigitalVictims, ctx.Year, Level.France, "FR", Category.All, "police"),
                ctx.Cells.Text(ShareDigital, ctx.Year, Level.France, "FR", Category.All, "police"),
                ctx.Cells.Text(DigitalAuthors, ctx.Year, Level.France, "FR", Category.All, Justice),
                ctx.Cells.Text(ShareDigital, ctx.Year, Level.France, "FR", Category.All, Justice),
            ], Emphasis: true)).ToArray(),
            new Apparatus(
                ["police", Justice],
                $"mineurs victimes enregistrés par la police et la gendarmerie et auteurs ayant fait l'objet d'une décision de justice en {ctx.Year}, toutes formes d'exploitation ; régions et France",
                DigitalRegionReading(ctx),
                [
                    "les parts portent sur l'ensemble des mineurs victimes enregistrés par la police et la gendarmerie, ou des auteurs, de la région.",
                    .. wholeHidden ? [Disclosure.ProtectedTable.WholeTableHiddenNotice + "."] : Array.Empty<string>(),
                ],
                Symbols: true));
    }

    /// <summary>« de proxénétisme », « d'autre exploitation »: the preposition elided before a vowel.</summary>
    private static string Of(string noun) => "aeiouyéèêàâîôûh".Contains(noun[0], StringComparison.Ordinal) ? "d'" + noun : "de " + noun;

    /// <summary>The first region, in the table's order, whose digital victims and their share are both published; else France's.</summary>
    private static string? DigitalRegionReading(PublicationContext ctx)
    {
        foreach (var r in ctx.Geography.RegionsInOfficialOrder)
        {
            var (count, share) = (ctx.Cells.Figure(DigitalVictims, ctx.Year, Level.Region, r.Code, Category.All, "police"), ctx.Cells.Figure(ShareDigital, ctx.Year, Level.Region, r.Code, Category.All, "police"));
            if (count.Published && share.Published)
            {
                return Reading(ctx, "tableau-numerique-regions", ("valeur", count), ("part", share), ("lieu", r.Place.In));
            }
        }

        return Reading(ctx, "tableau-numerique-regions", ("valeur", Fr(ctx, DigitalVictims, source: "police")), ("part", Fr(ctx, ShareDigital, source: "police")), ("lieu", "en France"));
    }

    private static void ComposeMethodology(Composition c, PublicationContext ctx)
    {
        c.PageBreak();
        c.Heading(1, "8. Méthodologie");
        var values = Values(ctx);
        values["nomenclature"] = ctx.Nomenclature.Version;
        values["seuil_moins_un"] = ctx.Parameters.Threshold - 1;
        values["protection"] = ctx.Parameters.ProtectionRange;
        values["part_max_erreurs"] = FrenchFormat.Tick(ctx.Parameters.MaxErrorShare * 100) + FrenchFormat.NoBreakSpace + "%";
        values["seuil_stabilite"] = FrenchFormat.Decimal(TemplateSet.StabilityThreshold).Replace(",0", string.Empty, StringComparison.Ordinal);
        values["codes_numeriques"] = DigitalOffences(ctx.Nomenclature);
        values["mse_minimum"] = Estimation.OverlapEstimation.MinimumPersons;
        values["mse_minimum_liste"] = Estimation.OverlapEstimation.MinimumPerList;
        values["mse_minimum_recoupes"] = Estimation.OverlapEstimation.MinimumRecaptured;
        values["modele"] = ModelWords(ctx.Estimates.FirstOrDefault(e => e.Year == ctx.Year && e.Category == Category.All)) is { } model ? $"En {ctx.Year}, le modèle retenu est {model}." : string.Empty;
        c.Paragraphs(ctx.Templates.Render("methodologie", values));

        // The nomenclature summarised: each form with its codes in each list and the offences' names in plain French; the
        // official wording of every code is the workbook's table 6.
        c.Heading(2, "Nomenclature");
        var entries = ctx.Nomenclature.Entries;
        string Codes(string category, string system) => string.Join(", ", entries.Where(e => e.Category == category && e.System == system).Select(e => e.Code)) is { Length: > 0 } codes ? codes : "—";
        string Offences(string category) => string.Join(" ; ", entries.Where(e => e.Category == category && e.System == "NATINF").Select(e => Vocabulary.OffenceLabel(e.Label)).Distinct(StringComparer.Ordinal).Take(2)
            .Concat(entries.Where(e => e.Category == category && e.System != "NATINF").Select(e => Vocabulary.OffenceLabel(e.Label)).Distinct(StringComparer.Ordinal).Take(1))
            .Select((label, i) => i == 0 ? label : char.ToLowerInvariant(label[0]) + label[1..]));
        var natinf = Category.Published.ToDictionary(cat => cat, cat => entries.Count(e => e.Category == cat && e.System == "NATINF"));
        var largest = natinf.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First();
        c.Table(
            $"La nomenclature unifiée en résumé, version {ctx.Nomenclature.Version}",
            [TableColumn.Text("Forme d'exploitation", 2.2f), TableColumn.Numeric("Infractions (NATINF)", 1f), TableColumn.Text("Codes ASE", 1.1f), TableColumn.Text("Codes santé", 0.8f), TableColumn.Text("Par exemple", 4f)],
            Category.Published.Where(cat => cat != Category.All).Select(cat => new TableRow(
            [
                Vocabulary.Category(cat), FrenchFormat.Integer(natinf[cat]), Codes(cat, "ASE"), Codes(cat, "SANTE"), Offences(cat),
            ])).ToArray(),
            new Apparatus(
                ["nomenclature"],
                "codes des infractions (NATINF) et des listes de l'aide sociale à l'enfance et des établissements de santé retenus par la publication",
                Reading(ctx, "tableau-nomenclature", ("forme", Vocabulary.ShortCategory(largest.Key).ToLowerInvariant()), ("codes", FrenchFormat.Integer(largest.Value))),
                ["la liste complète des codes, avec leur libellé officiel et leur période de validité, est le tableau 6 du classeur de la publication."]));

        c.Heading(2, "Ruptures de série");
        c.Bullets(ctx.Breaks.All.Where(b => ctx.Years.Contains(b.Year) && !b.Derived).Select(b => $"{Vocabulary.Source(b.Source)}, {Vocabulary.ShortCategory(b.Category)}, {b.Year} : {b.Note}")
            .Concat(ctx.Breaks.All.Where(b => ctx.Years.Contains(b.Year) && b.Derived && b.Source == All).Select(b => $"Toutes sources, {Vocabulary.ShortCategory(b.Category)}, {b.Year} : {b.Note}"))
            .DefaultIfEmpty("Aucune rupture de série sur la période.").ToArray());

        c.Heading(2, "Qualité des données");
        c.Table(
            "Lignes lues, gardées et rejetées par source, toutes années",
            [TableColumn.Text("Fichiers", 2f), TableColumn.Numeric("Lignes lues"), TableColumn.Numeric("Gardées"), TableColumn.Numeric("Rejetées"), TableColumn.Text("Principaux motifs de rejet", 3f)],
            ctx.Source.Lines.Select(l => new TableRow(
            [
                l.Kind == "population" ? "Population" : Vocabulary.Source(l.Kind),
                FrenchFormat.Integer(l.Read),
                FrenchFormat.Integer(l.Kept),
                FrenchFormat.Integer(l.Rejected),
                string.Join(", ", l.RejectedBy.Select(x => $"{x.Rule.Label} ({FrenchFormat.Integer(x.Count)})").DefaultIfEmpty("aucun")),
            ])).ToArray(),
            new Apparatus(
                ["qualite"],
                $"lignes des extraits reçus pour les années {ctx.FirstYear} à {ctx.Year}",
                ctx.Source.Lines.OrderByDescending(l => l.Rejected > 0).FirstOrDefault() is { } first
                    ? Reading(ctx, "tableau-qualite", ("lues", FrenchFormat.Integer(first.Read)), ("rejetees", FrenchFormat.Integer(first.Rejected)), ("source", first.Kind == "population" ? "de population" : "« " + Vocabulary.Source(first.Kind).ToLowerInvariant() + " »"))
                    : null,
                ["le rapport de qualité détaille chaque ligne rejetée (fichier, ligne, colonne, règle)."]));

        c.Aside("Glossaire", [.. ctx.Templates.Render("glossaire", Values(ctx))], items: true);
    }

    /// <summary>« Pour en savoir plus », how to cite the publication, its licence and its colophon (<c>publication.json</c>).</summary>
    private static void ComposeAbout(Composition c, PublicationContext ctx)
    {
        var id = ctx.Identity;
        var values = Values(ctx);
        values["tableaux_url"] = id.TablesUrl;
        values["fiches_url"] = id.SheetsUrl;
        c.Aside("Pour en savoir plus", [.. ctx.Templates.Render("savoir-plus", values), .. id.FurtherReading.Select(r => r.Url is null ? r.Title : $"{r.Title} : {r.Url}")], items: true);
        c.Heading(2, "Citer cette publication");
        c.Paragraphs(ctx.Templates.Render("citation", Citation(ctx)));
    }

    /// <summary>The values of <c>citation.liquid</c>, shared by the report, the sheets and the web edition.</summary>
    public static Dictionary<string, object?> Citation(PublicationContext ctx, string? title = null)
    {
        var id = ctx.Identity;
        var values = Values(ctx);
        values["auteurs"] = id.AuthorsText;
        values["titre"] = title ?? Title(ctx);
        values["collection"] = id.SeriesLine;
        values["service"] = id.ServiceShort;
        values["date"] = ctx.Parameters.PublicationDate is { } d ? FrenchFormat.Date(d) : "édition de travail non datée";
        values["licence"] = id.Licence;
        values["directeur"] = id.Director;
        values["contact"] = id.Contact;
        values["issn"] = id.Issn;
        values["prochaine"] = id.NextRelease;
        return values;
    }

    private static string ModelWords(Estimation.YearEstimate? e)
    {
        if (e?.Estimate is not { } m)
        {
            return "—";
        }

        var lists = string.Join(", ", m.Table.ListNames.Select(Vocabulary.Source));
        return m.InteractionNames.Length == 0
            ? $"le modèle d'indépendance entre les sources ({lists}) : aucune dépendance significative entre sources n'a été détectée"
            : $"un modèle log-linéaire sur les sources {lists}, avec les dépendances entre {string.Join(", ", m.InteractionNames.Select(n => n.Replace(":", " et ", StringComparison.Ordinal)))}";
    }

    /// <summary>
    /// A chart's series: the published cells of every year, its identity (its style in every chart) and its breaks, the
    /// years of the period after its first in which its source and category break (declared, or derived for all sources).
    /// </summary>
    public static ChartSeries Series(PublicationContext ctx, string name, string indicator, Level level, string territory, string category, string source, SeriesKey key) =>
        new(
            name,
            ctx.Years.Select(y => new YearValue(y, ctx.Cells.Number(indicator, y, level, territory, category, source))).ToArray(),
            key,
            ctx.Years.Skip(1).Where(y => ctx.Breaks.IsBreak(source, category, y)).ToArray());

    private static IReadOnlyList<string> ClassLabels(Compute.RateClasses classes)
    {
        var b = classes.Bounds.Count == 4 ? classes.Bounds.Select(c => c.Shown!.Value).ToArray() : [0m, 0m, 0m, 0m];
        return
        [
            $"moins de {FrenchFormat.Decimal(b[0])}",
            $"{FrenchFormat.Decimal(b[0])} à moins de {FrenchFormat.Decimal(b[1])}",
            $"{FrenchFormat.Decimal(b[1])} à moins de {FrenchFormat.Decimal(b[2])}",
            $"{FrenchFormat.Decimal(b[2])} à moins de {FrenchFormat.Decimal(b[3])}",
            $"{FrenchFormat.Decimal(b[3])} ou plus",
        ];
    }
}
