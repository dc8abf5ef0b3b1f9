using Reporting.Publication.Charts;
using Reporting.Publication.Pdf;

namespace Reporting.Tests.Publication.Pdf;

/// <summary>
/// A document using every block, a line chart, a bar chart and the tile map, with made-up figures:
/// what a composer would write, and what a person looks at to judge the layout.
/// </summary>
internal static class DemoDocument
{
    public const string Title = "Mineurs victimes d’exploitation sexuelle – édition 2026";

    public static readonly DocumentInfo Info = new(
        Title,
        "Service statistique ministériel",
        "Mineurs victimes de prostitution, de proxénétisme et de traite à des fins sexuelles en France",
        ["mineurs", "exploitation sexuelle", "prostitution", "statistiques"],
        new DateOnly(2026, 4, 14));

    public static readonly RunningText Running = new(Title, "Source : SSMSI, ASE, UAPED – traitement Reporting", "Avril 2026");

    public static Document Build() => new(Info, Running, [.. ComposeTitle(), .. ComposeKeyFigures(), .. ComposeEvolution(), .. ComposeVictims(), .. ComposeTerritories(), .. ComposeAnnex()]);

    private static IEnumerable<Block> ComposeTitle() =>
    [
        new TitleBlock("Les mineurs victimes d’exploitation sexuelle en 2025", "Prostitution, proxénétisme et traite des êtres humains", "Bulletin statistique n° 12 – avril 2026"),
    ];

    private static IEnumerable<Block> ComposeKeyFigures() =>
    [
        new Heading(1, "1. Chiffres clés"),
        new KeyFigureRow(
        [
            new KeyFigure("2\u202F143", "mineurs victimes identifiés en 2025, toutes sources rapprochées"),
            new KeyFigure("+8,2\u00A0%", "par rapport à 2024"),
            new KeyFigure("81\u00A0%", "de filles"),
            new KeyFigure("37\u00A0%", "ont moins de 15 ans"),
        ]),
        Paragraph.Markup("En 2025, **2\u202F143 mineurs** ont été identifiés comme victimes d’exploitation sexuelle par au moins une des sources, soit une _hausse_ de 8,2\u00A0% sur un an. Le nombre de victimes estimé par capture-recapture est de 5\u202F400 (intervalle de confiance à 95\u00A0% : 4\u202F700 à 6\u202F300). Au cœur de ces chiffres, l’œuvre de repérage des services de l’aide sociale à l’enfance."),
        BulletList.Of(
            "prostitution de mineurs\u00A0: 1\u202F412 victimes ;",
            "proxénétisme\u00A0: 498 victimes, dont 61\u00A0% de filles de 15 à 17 ans ;",
            "traite des êtres humains à des fins d’exploitation sexuelle\u00A0: 233 victimes."),
    ];

    private static IEnumerable<Block> ComposeEvolution()
    {
        var years = Enumerable.Range(2016, 10).ToArray();
        ChartSeries Series(string name, double start, double growth, params int[] hidden) =>
            new(name, years.Select((y, i) => new YearValue(y, hidden.Contains(y) ? null : Math.Round(start * Math.Pow(growth, i)))).ToArray());
        var chart = new LineChart(
            [
                Series("Police et gendarmerie", 140, 1.14),
                Series("Aide sociale à l’enfance", 360, 1.10, 2019),
                Series("Hôpitaux (UAPED)", 130, 1.09),
                Series("Toutes sources rapprochées", 520, 1.11),
            ],
            "Nombre de mineurs",
            [new SeriesBreak(2019, "Rupture de série (ASE)")]);
        return
        [
            new Heading(1, "2. Évolution"),
            new Paragraph("Le nombre de mineurs victimes identifiés progresse chaque année depuis 2016. La rupture de série de 2019 tient au changement de codification de l’aide sociale à l’enfance : les données de cette source ne sont pas publiées pour 2019."),
            new Figure("Figure 1 – Mineurs victimes identifiés par source, 2016-2025", 230, chart.Draw, "Source : SSMSI, ASE, UAPED – traitement Reporting.", "Champ : France entière, mineurs victimes d’infractions d’exploitation sexuelle."),
        ];
    }

    private static IEnumerable<Block> ComposeVictims()
    {
        var ages = new BarChart(
            ["Filles", "Garçons"],
            [
                new BarGroup("Moins de 11 ans", [4.1, 2.2]),
                new BarGroup("11 à 14 ans", [28.5, 6.0]),
                new BarGroup("15 à 17 ans", [48.4, 10.8]),
            ],
            "Part des victimes (%)",
            ValueLabel: v => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',') + "\u00A0%");
        var overlap = new BarChart(
            ["Mineurs"],
            [
                new BarGroup("Connus d’une seule source", [1810]),
                new BarGroup("Connus de deux sources", [296]),
                new BarGroup("Connus des trois sources", [37]),
            ],
            "Nombre de mineurs",
            Horizontal: true);
        return
        [
            new Heading(1, "3. Les victimes"),
            new Heading(2, "3.1 Sexe et âge"),
            new Paragraph("Les victimes sont très majoritairement des filles, et plus de la moitié ont entre 15 et 17 ans."),
            new Figure("Figure 2 – Répartition des victimes par sexe et âge en 2025", 190, ages.Draw, "Source : SSMSI, ASE, UAPED – traitement Reporting."),
            new Heading(2, "3.2 Croiser les sources"),
            new Figure("Figure 3 – Mineurs selon le nombre de sources qui les connaissent, 2025", 130, overlap.Draw, "Source : SSMSI, ASE, UAPED – appariement par clé pseudonyme."),
        ];
    }

    private static IEnumerable<Block> ComposeTerritories()
    {
        var geography = Reporting.Reference.Geography.Default;
        var tiles = geography.Departements.Select((d, i) => d.Code switch
        {
            "48" or "23" or "2A" or "15" => MapTile.Secret(d.Code),
            "976" or "973" => MapTile.NotAvailable(d.Code),
            _ => MapTile.InClass(d.Code, (d.ApproxPopulationThousands / 300) % TileMap.ClassCount),
        }).ToArray();
        var map = new TileMap(tiles, ["moins de 2,5", "de 2,5 à moins de 5", "de 5 à moins de 7,5", "de 7,5 à moins de 10", "10 ou plus"], "Taux pour 100 000 mineurs");
        var rows = geography.Regions.Select((r, i) => new TableRow(
            [r.Name, r.Departements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), (120 + (i * 37)).ToString(System.Globalization.CultureInfo.InvariantCulture), i % 5 == 3 ? "s" : $"{(3 + i) % 11},{i % 10}"])).ToList();
        rows.Add(new TableRow(["France entière", "101", "2\u202F143", "8,4"], Emphasis: true));
        return
        [
            new Heading(1, "4. Les territoires"),
            new Figure("Figure 4 – Taux de mineurs victimes pour 100 000 mineurs, par département, 2025", 300, map.Draw, "Source : SSMSI, ASE, UAPED ; Insee, estimations de population – traitement Reporting.", "Note : « s » et hachures : secret statistique (effectif inférieur à 5)."),
            new Table(
                "Tableau 1 – Mineurs victimes par région, 2025",
                [TableColumn.Text("Région", 3), TableColumn.Numeric("Départements"), TableColumn.Numeric("Mineurs victimes"), TableColumn.Numeric("Taux pour 100 000 mineurs", 1.3f)],
                rows,
                "Source : SSMSI, ASE, UAPED – traitement Reporting.",
                Note: "s : secret statistique."),
        ];
    }

    private static IEnumerable<Block> ComposeAnnex() =>
    [
        new PageBreak(),
        new Heading(1, "7. Méthodologie"),
        new Heading(2, "7.1 Les sources"),
        new Paragraph([new TextRun("Quatre administrations transmettent chaque année un extrait anonymisé : "), TextRun.Bold("police et gendarmerie"), new TextRun(" (SSMSI), "), TextRun.Bold("justice"), new TextRun(", "), TextRun.Bold("aide sociale à l’enfance"), new TextRun(" et "), TextRun.Bold("hôpitaux"), new TextRun(". Les personnes sont comptées une seule fois grâce à une clé de rapprochement pseudonyme ; "), TextRun.Italic("aucune donnée nominative n’est transmise"), new TextRun(".")]),
        new KeepTogether(
        [
            new Heading(3, "Secret statistique"),
            new Paragraph("Un effectif inférieur à 5 n’est jamais publié, ni aucun effectif qui permettrait de le retrouver par différence."),
        ]),
        new Spacer(6),
        new Table(
            "Tableau 2 – Nomenclature des infractions",
            [new TableColumn("Code", ColumnWidth.Points(70)), TableColumn.Text("Libellé", 3), TableColumn.Text("Catégorie")],
            Enumerable.Range(1, 60).Select(i => new TableRow([$"INF-{i:000}", i % 7 == 0 ? "Recours à la prostitution d’un mineur de quinze ans, aggravé par la circonstance de commission en bande organisée" : $"Infraction d’exploitation sexuelle n° {i}", (i % 3) switch { 0 => "prostitution", 1 => "proxénétisme", _ => "traite" }])).ToArray(),
            "Source : nomenclature 2026-1."),
    ];
}
