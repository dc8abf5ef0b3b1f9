using System.Globalization;
using Reporting.Indicators;
using Reporting.Publication.Narrative;

namespace Reporting.Publication.Workbook;

/// <summary>
/// Every word the workbook publishes, in French, in one place (publication.md: all publications are in French), so that
/// wording changes never touch the layout code. Machine formats (codes, years) stay invariant.
/// </summary>
internal static class Labels
{
    public const string Subject = "Mineurs victimes d'exploitation sexuelle";

    public const string Category = "Statistiques publiques";

    public const string NoData = "aucune donnée";

    public const string Language = "fr-FR";

    // Shorthand: the symbols the Analysis Function guidance recommends ("Symbols, footnotes and notes").
    public const string Confidential = "[c]";
    public const string NotAvailable = "[x]";
    public const string NotApplicable = "[z]";
    public const string Break = "[b]";

    public static readonly IReadOnlyList<(string Symbol, string Meaning)> Symbols =
    [
        (Confidential, "secret statistique : la valeur existe mais n'est pas publiée, pour qu'aucune personne ne puisse être reconnue"),
        (NotAvailable, "non disponible : la source ne permet pas de produire la valeur cette année-là (code absent de la nomenclature, extrait manquant, population inconnue)"),
        (NotApplicable, "sans objet : la valeur n'a pas de sens (évolution depuis zéro ou à travers une rupture de série, part d'un effectif nul, indicateur qui n'existe pas pour la source)"),
        (Break, "rupture de série : la valeur n'est pas comparable à celle de l'année précédente ; la note indiquée dans la colonne « Notes » l'explique"),
    ];

    public static string Title(int year) => Inv($"Mineurs victimes d'exploitation sexuelle — tableaux {year}");

    public static string Keywords(int year) => Inv($"exploitation sexuelle; mineurs; prostitution; proxénétisme; traite des êtres humains; statistiques publiques; {year}");

    public static string Description(string nomenclatureVersion) =>
        $"Tableaux de la publication annuelle : série nationale, départements, régions, réponse pénale, recoupement des sources, nomenclature (version {nomenclatureVersion}), réponse pénale et dimension numérique par région.";

    public static string Period(IReadOnlyList<int> years, int year) =>
        Inv($"Séries annuelles de {years[0]} à {years[^1]} ; départements et régions : année {year}.");

    public static string StatusOf(CellStatus status) => status switch
    {
        CellStatus.Published => string.Empty,
        CellStatus.Confidential => Confidential,
        CellStatus.NotAvailable => NotAvailable,
        CellStatus.NotApplicable => NotApplicable,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string NoteReference(int number) => Inv($"[note {number}]");

    public static string StatusHeader(string figureHeader) => $"{figureHeader} — statut";

    public const string SymbolsLine =
        "Colonnes « statut » : [c] secret statistique, [x] non disponible, [z] sans objet, [b] rupture de série (la note est donnée "
        + "dans la colonne « Notes ») ; un statut vide signifie que la valeur est publiée.";

    public static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Sheet and table names: at most 31 characters, no spaces or accents (guidance, "Worksheet names": short, meaningful,
    /// easy to type in a formula); table names avoid anything that reads as a cell reference.
    /// </summary>
    public static class Sheets
    {
        public const string Cover = "Couverture";
        public const string Contents = "Sommaire";
        public const string Notes = "Notes";
        public const string National = "T1_France";
        public const string Departements = "T2_Departements";
        public const string Regions = "T3_Regions";
        public const string Justice = "T4_Justice";
        public const string Overlap = "T5_Sources";
        public const string Nomenclature = "T6_Nomenclature";
        public const string JusticeRegions = "T7_Justice_regions";
        public const string DigitalRegions = "T8_Numerique_regions";

        public const string ContentsTable = "Sommaire_des_tableaux";
        public const string NotesTable = "Notes_des_tableaux";
        public const string NationalTable = "Serie_nationale";
        public const string DepartementsTable = "Departements";
        public const string RegionsTable = "Regions";
        public const string JusticeTable = "Reponse_penale";
        public const string OverlapTable = "Recoupement_des_sources";
        public const string NomenclatureTable = "Nomenclature_unifiee";
        public const string JusticeRegionsTable = "Reponse_penale_regions";
        public const string DigitalRegionsTable = "Dimension_numerique_regions";
    }

    /// <summary>The cover sheet, as headed paragraphs (guidance, "Cover sheets": title, what, when, who, how to read).</summary>
    public static class Cover
    {
        public const string PeriodHeading = "Période couverte";
        public const string SourceHeading = "Sources";
        public const string DateHeading = "Date de publication";
        public const string ContactHeading = "Contact";
        public const string PublisherHeading = "Producteur";
        public const string LicenceHeading = "Licence";
        public const string CitationHeading = "Citer ce classeur";
        public const string NextHeading = "Prochaine publication";
        public const string WhereHeading = "Où trouver les publications";

        public static string Publisher(PublicationIdentity id) =>
            $"{id.Service}. {id.SeriesLine}{(id.Issn.Length > 0 ? $", ISSN {id.Issn}" : string.Empty)}. Direction de la publication : {id.Director}.";

        public static string Licence(PublicationIdentity id) =>
            $"{id.Licence} ({id.LicenceUrl}) : réutilisation libre, y compris commerciale, en mentionnant la source et la date.";

        public static string Citation(PublicationIdentity id, int year, string date) =>
            Inv($"{id.AuthorsText}, « {Title(year)} », {id.SeriesLine}, {id.ServiceShort}, {date}.");

        public static string Where(PublicationIdentity id) => $"Tableaux et données ouvertes : {id.TablesUrl} ; fiches départementales : {id.SheetsUrl}.";
        public const string NomenclatureHeading = "Nomenclature";
        public const string SymbolsHeading = "Symboles";
        public const string LayoutHeading = "Lire les colonnes « valeur » et « statut »";
        public const string ContentsHeading = "Contenu du classeur";

        public const string About =
            "Ce classeur présente les statistiques officielles sur les mineurs victimes d'exploitation sexuelle (prostitution de mineurs, "
            + "proxénétisme, traite à des fins d'exploitation sexuelle) en France, à partir de quatre administrations dont les personnes "
            + "sont comptées une seule fois grâce à une clé de chaînage pseudonyme. Il reprend chaque tableau de la publication annuelle.";

        public const string Layout =
            "Chaque chiffre occupe deux colonnes : la valeur, toujours numérique, vide lorsqu'elle n'est pas publiée ; puis son statut, "
            + "qui porte le symbole [c], [x] ou [z] à la place de la valeur absente, et [b] quand la valeur suit une rupture de série. "
            + "Les symboles ne sont jamais placés dans une colonne de valeurs : celles-ci restent numériques et se trient, se filtrent "
            + "et se calculent sans retraitement. Un statut vide signifie que la valeur est publiée.";

        public const string Contents =
            "La feuille Sommaire liste les tableaux, un par feuille, avec un lien vers chacun ; les renvois [note 1], [note 2]… des tableaux sont expliqués dans la feuille Notes.";

        public static string Nomenclature(string version) => $"Catégories de la nomenclature unifiée, version {version} (tableau 6).";
    }

    public static class Contents
    {
        public const string Title = "Sommaire";
        public const string Intro = "Un tableau par feuille ; chaque nom de feuille est un lien vers le tableau.";
        public const string SheetHeader = "Feuille";
        public const string TitleHeader = "Titre du tableau";
        public const string NotesTitle = "Notes des tableaux";
    }

    public static class Notes
    {
        public const string Intro = "Les tableaux renvoient à ces notes par leur numéro, par exemple [note 1], dans leur titre ou dans leur colonne « Notes ».";
        public const string NumberHeader = "Numéro de note";
        public const string SubjectHeader = "Objet";
        public const string TextHeader = "Texte de la note";
        public const string SeriesHeader = "Séries concernées";
        public const string SheetsHeader = "Feuilles concernées";
        public const string AllSeries = "toutes les séries";

        public const string CountingSubject = "Règles de comptage";
        public const string Counting =
            "Une personne est comptée au plus une fois par indicateur, année, territoire, catégorie et source. Pour l'ensemble des sources, "
            + "les personnes connues de plusieurs sources sous la même clé de chaînage ne sont comptées qu'une fois. Chaque personne est "
            + "rattachée, pour une année, au département de sa première signalisation de l'année : les départements s'additionnent en régions "
            + "et les régions en France. Une victime est mineure si elle a moins de 18 ans, ou, âge inconnu, si l'infraction suppose une victime mineure.";

        public const string CategoriesSubject = "Catégories";
        public const string Categories =
            "La catégorie ESM (ensemble) compte chaque personne une seule fois même quand plusieurs formes la concernent : les formes "
            + "(ESM-PROST, ESM-PROX, ESM-TEH, ESM-AUTRE) se recoupent et ne s'additionnent pas. ESM-RISQUE (mineurs repérés en risque "
            + "prostitutionnel) ne fait pas partie d'ESM et est publiée à part.";

        public const string RatesSubject = "Taux, parts et évolutions";
        public const string Rates =
            "Le taux rapporte les victimes mineures à 100 000 habitants de 0 à 17 ans ; il est non disponible [x] quand la population d'un "
            + "département du territoire manque. Les parts portent sur les victimes de sexe ou d'âge connu ; une part d'un effectif nul est "
            + "sans objet [z]. L'évolution sur un an est sans objet [z] à partir de zéro ou à travers une rupture de série, non disponible [x] "
            + "quand l'année précédente l'est. Taux, parts et évolutions sont arrondis à une décimale.";

        public const string SecrecySubject = "Secret statistique";

        public static string Secrecy(int threshold) =>
            Inv($"En dessous du niveau national, un effectif de 1 à {threshold - 1} personnes n'est pas publié [c], ni aucune valeur qui en est tirée ")
            + "(taux, part, évolution). D'autres cases sont masquées pour qu'aucun effectif masqué ne puisse être recalculé à partir des totaux. "
            + "Zéro est publié. Quand aucun masquage ne suffit, tout le tableau infranational est masqué : effectifs trop faibles pour une publication départementale.";

        public const string JusticeSubject = "Réponse pénale";
        public const string Justice =
            "Les personnes de la source justice sont des auteurs : ESM-PROST y désigne les clients de mineurs. Les auteurs (toute décision) "
            + "ont fait l'objet dans l'année d'au moins une décision, quelle qu'en soit l'étape. Chaque étape (orientation par le parquet : "
            + "classement sans suite, alternative aux poursuites ou poursuite ; condamnation ; relaxe ou acquittement) compte une personne une "
            + "fois dans l'année dès qu'elle a une décision de cette étape : les étapes ne s'additionnent pas. Le taux de réponse pénale est la "
            + "part des auteurs dont l'orientation la plus avancée est une alternative aux poursuites ou une poursuite parmi les auteurs orientés ; "
            + "tous les classements sans suite y figurent, leur motif n'étant pas connu : c'est une borne basse du taux du ministère de la Justice. "
            + "Chaque condamné est classé selon sa peine la plus grave de l'année (prison ferme, sursis, amende, autre peine). Les quantums "
            + "moyen et médian portent sur les condamnés à de l'emprisonnement ferme, en retenant la plus longue peine ferme de chacun, en mois.";

        public const string OverlapSubject = "Recoupement des sources et estimation";
        public const string Overlap =
            "Les combinaisons de sources comptent les mineurs victimes, au niveau national, selon les sources qui les ont vus (police et "
            + "gendarmerie, aide sociale à l'enfance, établissements de santé). Une personne sans clé de chaînage ne peut être vue que par sa "
            + "propre source. L'estimation par capture-recapture évalue le nombre total de mineurs victimes, repérés ou non, avec un intervalle à 95 %.";

        public const string DigitalSubject = "Dimension numérique";
        public const string Digital =
            "Les victimes (police et gendarmerie) et les auteurs (justice) d'une infraction commise par un réseau de communications "
            + "électroniques sont ceux dont au moins une infraction de la catégorie a une qualification qui retient l'usage d'un tel réseau "
            + "(signalée dans la nomenclature unifiée : voir le tableau 6). Leur part est calculée parmi les "
            + "victimes mineures (police) ou les auteurs (justice) de la catégorie. C'est une borne basse de la dimension numérique : bien des "
            + "affaires passent par internet sans que cette circonstance soit retenue. Les catégories sans infraction ainsi qualifiée n'ont pas de ligne.";

        public const string BreakSubject = "Rupture de série";

        public static string BreakScope(string source, string category, int year) =>
            Inv($"{Vocabulary.SourceInFull(source)}, {category}, à partir de {year}");
    }

    /// <summary>Titles, source and header words of the table sheets.</summary>
    public static class Tables
    {
        public const string Year = "Année";
        public const string CategoryCode = "Catégorie";
        public const string CategoryLabel = "Libellé de la catégorie";
        public const string SourceCode = "Source";
        public const string SourceLabel = "Libellé de la source";
        public const string Notes = "Notes";
        public const string DepartementCode = "Code du département";
        public const string DepartementName = "Département";
        public const string RegionCode = "Code de la région";
        public const string RegionName = "Région";

        // The figures' headers are the indicator catalogue's (Indicators/IndicatorCatalogue).

        public const string EstimateMissing =
            "L'estimation par capture-recapture n'est pas disponible dans cette édition : ses colonnes sont vides et portent [x].";

        public const string System = "Système";
        public const string Code = "Code";
        public const string MinorRequired = "Victime mineure requise";
        public const string ValidFrom = "Valide du";
        public const string ValidTo = "Valide au";
        public const string Label = "Libellé";
        public const string NomenclatureLine =
            "Une date de validité vide signifie que le code n'a pas de borne de ce côté. Les libellés NATINF sont ceux de la liste "
            + "officielle ; les listes ASE et SANTE sont définies par le contrat de données.";
        public const string NomenclatureSource = "Source : nomenclature unifiée livrée avec le moteur de production.";

        public static string National(IReadOnlyList<int> years) =>
            Inv($"Tableau 1 : mineurs victimes d'exploitation sexuelle en France, par catégorie et par source, {years[0]} à {years[^1]}");

        public static string Departements(int year) =>
            Inv($"Tableau 2 : mineurs victimes d'exploitation sexuelle par département, par catégorie et par source, {year}");

        public static string Regions(int year) =>
            Inv($"Tableau 3 : mineurs victimes d'exploitation sexuelle par région, par catégorie et par source, {year}");

        public static string Justice(IReadOnlyList<int> years) =>
            Inv($"Tableau 4 : chaîne pénale et peines prononcées en France, par catégorie, {years[0]} à {years[^1]}");

        public static string Overlap(IReadOnlyList<int> years) =>
            Inv($"Tableau 5 : mineurs victimes selon les sources qui les ont repérés, et estimation par capture-recapture, France, {years[0]} à {years[^1]}");

        public static string Nomenclature(string version) => $"Tableau 6 : nomenclature unifiée, version {version}";

        public static string JusticeRegions(int year) =>
            Inv($"Tableau 7 : chaîne pénale et peines prononcées par région, par catégorie, {year}");

        public static string DigitalRegions(int year) =>
            Inv($"Tableau 8 : victimes et auteurs d'une infraction commise par un réseau de communications électroniques, par région, par catégorie et par source, {year}");

        public static string WithNotes(string title, IEnumerable<int> notes)
        {
            var refs = string.Join(" ", notes.Select(NoteReference));
            return refs.Length == 0 ? title : $"{title} {refs}";
        }
    }
}
