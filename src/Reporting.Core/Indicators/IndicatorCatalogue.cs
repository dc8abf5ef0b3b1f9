namespace Reporting.Indicators;

/// <summary>What kind of figure an indicator is: it decides its format, its protection and what hides it.</summary>
public enum IndicatorKind
{
    /// <summary>A number of persons.</summary>
    Count,

    /// <summary>Per 100,000 minors.</summary>
    Rate,

    /// <summary>A percentage of persons (it reveals the small counts it is made of).</summary>
    Share,

    /// <summary>A change in percent between two years of a count.</summary>
    Change,

    /// <summary>A mean over persons (it reveals how many persons it rests on).</summary>
    Mean,

    /// <summary>
    /// A median over persons (it reveals how many persons it rests on). Unlike a mean it does not add up from its
    /// territories' sums: it is computed from the territory's whole distribution.
    /// </summary>
    Median,

    /// <summary>A capture-recapture estimate of a number of persons, or a bound of its interval.</summary>
    Estimate,
}

/// <summary>Which year of the count a derived figure is computed from, besides its own.</summary>
public enum DerivedYear
{
    Same,
    Previous,
    First,
}

/// <summary>A count a derived figure is computed from (same territory, category and source): hiding the count hides the figure.</summary>
public sealed record Derivation(string From, DerivedYear Year = DerivedYear.Same);

/// <summary>The workbook's tables an indicator is a column of (publication.md, the workbook).</summary>
public enum WorkbookTable
{
    National,
    Departements,
    Regions,
    Justice,
    Overlap,
}

/// <summary>
/// One indicator, declared once: its code, its kind, how it is written, what it is computed from, where it is published,
/// and its French words. Indicators, disclosure control, every renderer, <c>figures</c> and the open-data dictionary
/// read it; adding an indicator is one entry here and its computation.
/// </summary>
/// <param name="Label">the full French label (workbook column header, <c>figures</c>, data dictionary)</param>
/// <param name="Unit">the unit, in French, for the data dictionary</param>
/// <param name="Definition">one French sentence: what the figure counts (methodology annex and data dictionary)</param>
public sealed record IndicatorDefinition(string Code, IndicatorKind Kind, string Label, string Unit, string Definition)
{
    /// <summary>Counts this figure is computed from: hiding one hides the figure (secret statistique).</summary>
    public IReadOnlyList<Derivation> DerivedFrom { get; init; } = [];

    /// <summary>Counts of persons below the national level are protected by the secret statistique (primary and secondary).</summary>
    public bool Protected { get; init; }

    /// <summary>
    /// The count this count is one part of: the parts that name the same count add up to it at every territory and year
    /// (the sentences of the convicted, each person by the most severe one). Disclosure control protects the parts and
    /// their whole together: an intruder who reads the whole and all parts but one knows the last.
    /// </summary>
    public string? PartOf { get; init; }

    /// <summary>Published for France only (the overlap counts: the sources' crossing is national).</summary>
    public bool NationalOnly { get; init; }

    /// <summary>The workbook tables where the indicator is a column, in the catalogue's order.</summary>
    public IReadOnlyList<WorkbookTable> Tables { get; init; } = [];

    /// <summary>The column header where it differs from <see cref="Label"/> (a breakdown whose table title says the rest).</summary>
    public string? Header { get; init; }

    public string ColumnHeader => Header ?? Label;

    /// <summary>Decimals in the open-data file (outputs.md): counts as integers, every other value with one decimal.</summary>
    public int OpenDataDecimals => Kind == IndicatorKind.Count ? 0 : 1;

    /// <summary>Decimals in the published text: counts and estimates of persons as whole numbers.</summary>
    public int TextDecimals => Kind is IndicatorKind.Count or IndicatorKind.Estimate ? 0 : 1;

    /// <summary>A share, a mean or a median reveals the persons it counts (and leaves out): it is hidden when those are few.</summary>
    public bool RevealsItsBasis => Kind is IndicatorKind.Share or IndicatorKind.Mean or IndicatorKind.Median;
}

/// <summary>The indicators of a publication, in publication order; <see cref="Shipped"/> is the engine's.</summary>
public sealed class IndicatorCatalogue
{
    private readonly Dictionary<string, IndicatorDefinition> byCode;

    public IndicatorCatalogue(IEnumerable<IndicatorDefinition> definitions)
    {
        All = definitions.ToArray();
        byCode = All.ToDictionary(d => d.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<IndicatorDefinition> All { get; }

    public IndicatorDefinition this[string code] => byCode.TryGetValue(code, out var d)
        ? d
        : throw new KeyNotFoundException($"indicateur absent du catalogue : {code}");

    public IndicatorDefinition? Find(string code) => byCode.GetValueOrDefault(code);

    /// <summary>A catalogue with more indicators (tests, and indicators computed outside the builder).</summary>
    public IndicatorCatalogue With(params IndicatorDefinition[] more) => new(All.Concat(more));

    public IEnumerable<IndicatorDefinition> In(WorkbookTable table) => All.Where(d => d.Tables.Contains(table));

    public bool IsCount(string code) => Find(code)?.Kind == IndicatorKind.Count;

    public bool IsProtectedCount(string code) => Find(code)?.Protected == true;

    public static IndicatorCatalogue Shipped { get; } = new(
    [
        new(IndicatorCodes.MinorVictims, IndicatorKind.Count, "Victimes mineures", "personnes",
            "Nombre de mineurs victimes repérés dans l'année, chaque personne comptée une fois par territoire, catégorie et source.")
        {
            Protected = true,
            Tables = [WorkbookTable.National, WorkbookTable.Departements, WorkbookTable.Regions, WorkbookTable.Overlap],
        },
        new(IndicatorCodes.Rate, IndicatorKind.Rate, "Taux pour 100 000 mineurs", "pour 100 000 habitants de 0 à 17 ans",
            "Victimes mineures rapportées à 100 000 habitants de 0 à 17 ans du territoire.")
        {
            DerivedFrom = [new(IndicatorCodes.MinorVictims)],
            Tables = [WorkbookTable.National, WorkbookTable.Departements, WorkbookTable.Regions],
        },
        new(IndicatorCodes.Change, IndicatorKind.Change, "Évolution sur un an (%)", "%",
            "Évolution du nombre de victimes mineures par rapport à l'année précédente.")
        {
            DerivedFrom = [new(IndicatorCodes.MinorVictims), new(IndicatorCodes.MinorVictims, DerivedYear.Previous)],
            Tables = [WorkbookTable.National, WorkbookTable.Regions],
        },
        new(IndicatorCodes.ChangeSinceStart, IndicatorKind.Change, "Évolution depuis le début de la série (%)", "%",
            "Évolution du nombre de victimes mineures depuis la première année de la série, sans objet si une rupture de série intervient entre les deux.")
        {
            DerivedFrom = [new(IndicatorCodes.MinorVictims), new(IndicatorCodes.MinorVictims, DerivedYear.First)],
        },
        new(IndicatorCodes.ShareGirls, IndicatorKind.Share, "Part des filles (%)", "%",
            "Part des filles parmi les victimes mineures de sexe connu.")
        {
            DerivedFrom = [new(IndicatorCodes.MinorVictims)],
            Tables = [WorkbookTable.National],
        },
        new(IndicatorCodes.ShareUnder15, IndicatorKind.Share, "Part des moins de 15 ans (%)", "%",
            "Part des moins de 15 ans parmi les victimes mineures d'âge connu.")
        {
            DerivedFrom = [new(IndicatorCodes.MinorVictims)],
            Tables = [WorkbookTable.National],
        },
        new(IndicatorCodes.ShareMinors, IndicatorKind.Share, "Part des mineurs parmi les victimes d'âge connu (%)", "%",
            "Part des mineurs parmi les victimes d'âge connu enregistrées par la police et la gendarmerie.")
        {
            DerivedFrom = [new(IndicatorCodes.MinorVictims)],
            Tables = [WorkbookTable.National],
        },
        new(IndicatorCodes.Authors, IndicatorKind.Count, "Auteurs ayant fait l'objet d'une décision de justice", "personnes",
            "Nombre de personnes ayant fait l'objet dans l'année d'au moins une décision de justice, quelle qu'en soit l'étape (classement sans suite, alternative aux poursuites, poursuite, condamnation, relaxe) : les auteurs de la catégorie.")
        {
            Protected = true,
            Header = "Auteurs (toute décision)",
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.Oriented, IndicatorKind.Count, "Auteurs ayant fait l'objet d'une décision d'orientation", "personnes",
            "Nombre de personnes dont l'affaire a été orientée par le parquet dans l'année : classement sans suite, alternative aux poursuites ou poursuite.")
        {
            Protected = true,
            Header = "Auteurs orientés",
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.Dismissed, IndicatorKind.Count, "Auteurs dont l'affaire a été classée sans suite", "personnes",
            "Nombre de personnes ayant fait l'objet d'un classement sans suite dans l'année, quel qu'en soit le motif.")
        {
            Protected = true,
            Header = "Classements sans suite",
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.Alternative, IndicatorKind.Count, "Auteurs ayant fait l'objet d'une alternative aux poursuites", "personnes",
            "Nombre de personnes ayant fait l'objet d'une procédure alternative aux poursuites dans l'année.")
        {
            Protected = true,
            Header = "Alternatives aux poursuites",
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.Prosecuted, IndicatorKind.Count, "Auteurs poursuivis", "personnes",
            "Nombre de personnes ayant fait l'objet d'une poursuite dans l'année.")
        {
            Protected = true,
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.ResponseRate, IndicatorKind.Share, "Taux de réponse pénale (%)", "%",
            "Part des auteurs ayant fait l'objet d'une alternative aux poursuites ou d'une poursuite parmi les auteurs orientés dans l'année ; l'extrait ne distinguant pas les classements pour infraction non caractérisée des classements d'opportunité, c'est une borne basse du taux de réponse pénale du ministère de la Justice, calculé sur les seules affaires susceptibles de poursuites.")
        {
            DerivedFrom = [new(IndicatorCodes.Oriented)],
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.Convicted, IndicatorKind.Count, "Auteurs condamnés", "personnes",
            "Nombre de personnes condamnées dans l'année.")
        {
            Protected = true,
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.Acquitted, IndicatorKind.Count, "Auteurs relaxés ou acquittés", "personnes",
            "Nombre de personnes relaxées ou acquittées dans l'année.")
        {
            Protected = true,
            Header = "Relaxes",
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.FirmPrison, IndicatorKind.Count, "Dont condamnés à de la prison ferme", "personnes",
            "Nombre de personnes condamnées dans l'année à de l'emprisonnement ferme.")
        {
            Protected = true,
            PartOf = IndicatorCodes.Convicted,
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.SuspendedPrison, IndicatorKind.Count, "Dont condamnés à de l'emprisonnement avec sursis", "personnes",
            "Nombre de personnes condamnées dans l'année dont la peine la plus grave est un emprisonnement avec sursis (ordre de gravité : prison ferme, sursis, amende, autre peine).")
        {
            Protected = true,
            PartOf = IndicatorCodes.Convicted,
            Header = "Dont sursis",
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.Fine, IndicatorKind.Count, "Dont condamnés à une amende", "personnes",
            "Nombre de personnes condamnées dans l'année dont la peine la plus grave est une amende (ordre de gravité : prison ferme, sursis, amende, autre peine).")
        {
            Protected = true,
            PartOf = IndicatorCodes.Convicted,
            Header = "Dont amende",
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.OtherSentence, IndicatorKind.Count, "Dont condamnés à une autre peine", "personnes",
            "Nombre de personnes condamnées dans l'année à une autre peine que l'emprisonnement ou l'amende, et à aucune de celles-ci.")
        {
            Protected = true,
            PartOf = IndicatorCodes.Convicted,
            Header = "Dont autre peine",
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.ShareFirmPrison, IndicatorKind.Share, "Part des condamnés à de la prison ferme (%)", "%",
            "Part des condamnés à de l'emprisonnement ferme parmi les personnes condamnées dans l'année.")
        {
            DerivedFrom = [new(IndicatorCodes.FirmPrison), new(IndicatorCodes.Convicted)],
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.ShareSuspended, IndicatorKind.Share, "Part des condamnés à de l'emprisonnement avec sursis (%)", "%",
            "Part des personnes dont la peine la plus grave est un emprisonnement avec sursis parmi les personnes condamnées dans l'année.")
        {
            DerivedFrom = [new(IndicatorCodes.SuspendedPrison), new(IndicatorCodes.Convicted)],
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.ShareFine, IndicatorKind.Share, "Part des condamnés à une amende (%)", "%",
            "Part des personnes dont la peine la plus grave est une amende parmi les personnes condamnées dans l'année.")
        {
            DerivedFrom = [new(IndicatorCodes.Fine), new(IndicatorCodes.Convicted)],
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.ShareOtherSentence, IndicatorKind.Share, "Part des condamnés à une autre peine (%)", "%",
            "Part des personnes condamnées à une autre peine que l'emprisonnement ou l'amende parmi les personnes condamnées dans l'année.")
        {
            DerivedFrom = [new(IndicatorCodes.OtherSentence), new(IndicatorCodes.Convicted)],
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.MeanQuantum, IndicatorKind.Mean, "Quantum moyen de prison ferme (mois)", "mois",
            "Moyenne, sur les condamnés à de l'emprisonnement ferme dans l'année, de la plus longue peine ferme de chacun.")
        {
            DerivedFrom = [new(IndicatorCodes.FirmPrison)],
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.MedianQuantum, IndicatorKind.Median, "Quantum médian de prison ferme (mois)", "mois",
            "Médiane, sur les condamnés à de l'emprisonnement ferme dans l'année, de la plus longue peine ferme de chacun (pour un nombre pair de personnes, moyenne des deux valeurs centrales).")
        {
            DerivedFrom = [new(IndicatorCodes.FirmPrison)],
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.DigitalVictims, IndicatorKind.Count, "Victimes mineures d'une infraction commise par un réseau de communications électroniques", "personnes",
            "Nombre de mineurs victimes dont au moins une infraction de la catégorie est qualifiée par l'usage d'un réseau de communications électroniques (colonne numerique de la nomenclature) : une borne basse de la dimension numérique, bien des affaires passant par internet sans que cette circonstance soit retenue.")
        {
            Protected = true,
            Header = "Victimes, infraction par réseau numérique",
            Tables = [WorkbookTable.National],
        },
        new(IndicatorCodes.DigitalAuthors, IndicatorKind.Count, "Auteurs d'une infraction commise par un réseau de communications électroniques", "personnes",
            "Nombre d'auteurs dont au moins une infraction de la catégorie jugée ou orientée dans l'année est qualifiée par l'usage d'un réseau de communications électroniques (colonne numerique de la nomenclature) : une borne basse de la dimension numérique.")
        {
            Protected = true,
            Header = "Auteurs, infraction par réseau numérique",
            Tables = [WorkbookTable.Justice],
        },
        new(IndicatorCodes.ShareDigital, IndicatorKind.Share, "Part des personnes dont une infraction est commise par un réseau de communications électroniques (%)", "%",
            "Police et gendarmerie : part des victimes mineures dont une infraction est qualifiée par l'usage d'un réseau de communications électroniques ; justice : part des auteurs dont une infraction l'est ; une borne basse de la dimension numérique.")
        {
            DerivedFrom = [new(IndicatorCodes.DigitalVictims), new(IndicatorCodes.MinorVictims), new(IndicatorCodes.DigitalAuthors), new(IndicatorCodes.Authors)],
            Tables = [WorkbookTable.National, WorkbookTable.Justice],
        },
        new(IndicatorCodes.SeenByOne, IndicatorKind.Count, "Mineurs repérés par une seule source", "personnes",
            "Mineurs victimes repérés par une seule des trois sources de victimes (police et gendarmerie, ASE, santé).")
        {
            NationalOnly = true,
        },
        new(IndicatorCodes.SeenByTwo, IndicatorKind.Count, "Mineurs repérés par deux sources", "personnes",
            "Mineurs victimes repérés par deux des trois sources de victimes.")
        {
            NationalOnly = true,
        },
        new(IndicatorCodes.SeenByPoliceOnly, IndicatorKind.Count, "Mineurs repérés par la police et la gendarmerie seulement", "personnes",
            "Mineurs victimes repérés par la police et la gendarmerie et par aucune autre source de victimes.")
        {
            NationalOnly = true,
            Header = "Police seule",
            Tables = [WorkbookTable.Overlap],
        },
        new(IndicatorCodes.SeenByAseOnly, IndicatorKind.Count, "Mineurs repérés par l'aide sociale à l'enfance seulement", "personnes",
            "Mineurs victimes repérés par l'aide sociale à l'enfance et par aucune autre source de victimes.")
        {
            NationalOnly = true,
            Header = "ASE seule",
            Tables = [WorkbookTable.Overlap],
        },
        new(IndicatorCodes.SeenBySanteOnly, IndicatorKind.Count, "Mineurs repérés par les établissements de santé seulement", "personnes",
            "Mineurs victimes repérés par les établissements de santé et par aucune autre source de victimes.")
        {
            NationalOnly = true,
            Header = "Santé seule",
            Tables = [WorkbookTable.Overlap],
        },
        new(IndicatorCodes.SeenByPoliceAse, IndicatorKind.Count, "Mineurs repérés par la police et l'ASE seulement", "personnes",
            "Mineurs victimes repérés par la police et la gendarmerie et par l'aide sociale à l'enfance, pas par les établissements de santé.")
        {
            NationalOnly = true,
            Header = "Police et ASE",
            Tables = [WorkbookTable.Overlap],
        },
        new(IndicatorCodes.SeenByPoliceSante, IndicatorKind.Count, "Mineurs repérés par la police et la santé seulement", "personnes",
            "Mineurs victimes repérés par la police et la gendarmerie et par les établissements de santé, pas par l'aide sociale à l'enfance.")
        {
            NationalOnly = true,
            Header = "Police et santé",
            Tables = [WorkbookTable.Overlap],
        },
        new(IndicatorCodes.SeenByAseSante, IndicatorKind.Count, "Mineurs repérés par l'ASE et la santé seulement", "personnes",
            "Mineurs victimes repérés par l'aide sociale à l'enfance et par les établissements de santé, pas par la police et la gendarmerie.")
        {
            NationalOnly = true,
            Header = "ASE et santé",
            Tables = [WorkbookTable.Overlap],
        },
        new(IndicatorCodes.SeenByThree, IndicatorKind.Count, "Mineurs repérés par les trois sources", "personnes",
            "Mineurs victimes repérés par les trois sources de victimes ; non disponible quand l'une d'elles ne donne pas la catégorie.")
        {
            NationalOnly = true,
            Header = "Police, ASE et santé",
            Tables = [WorkbookTable.Overlap],
        },
        new(IndicatorCodes.SeenWithKey, IndicatorKind.Count, "Mineurs repérés avec une clé de chaînage", "personnes",
            "Mineurs victimes repérés dont au moins une ligne porte une clé de chaînage : eux seuls peuvent être reconnus d'une source à l'autre.")
        {
            NationalOnly = true,
            Header = "Dont avec clé de chaînage",
            Tables = [WorkbookTable.Overlap],
        },
        new(IndicatorCodes.ShareKeyed, IndicatorKind.Share, "Part des mineurs avec clé de chaînage (%)", "%",
            "Part des mineurs victimes repérés dont au moins une ligne porte une clé de chaînage.")
        {
            NationalOnly = true,
        },
        new(IndicatorCodes.Estimate, IndicatorKind.Estimate, "Estimation capture-recapture", "personnes",
            "Estimation du nombre total de mineurs victimes, repérés ou non, par capture-recapture sur les trois sources de victimes.")
        {
            NationalOnly = true,
            Tables = [WorkbookTable.Overlap],
        },
        new(IndicatorCodes.EstimateLow, IndicatorKind.Estimate, "Borne basse (95 %)", "personnes",
            "Borne basse de l'intervalle de confiance à 95 % de l'estimation par capture-recapture.")
        {
            NationalOnly = true,
            Tables = [WorkbookTable.Overlap],
        },
        new(IndicatorCodes.EstimateHigh, IndicatorKind.Estimate, "Borne haute (95 %)", "personnes",
            "Borne haute de l'intervalle de confiance à 95 % de l'estimation par capture-recapture.")
        {
            NationalOnly = true,
            Tables = [WorkbookTable.Overlap],
        },
        new(IndicatorCodes.EstimateUncorrected, IndicatorKind.Estimate, "Estimation sans correction des clés manquantes", "personnes",
            "Estimation par capture-recapture qui tiendrait les personnes chaînées pour toutes les personnes vues par plusieurs sources : ce que la correction des clés de chaînage manquantes retranche ou ajoute.")
        {
            NationalOnly = true,
            Tables = [WorkbookTable.Overlap],
        },
        new(IndicatorCodes.ShareSeen, IndicatorKind.Share, "Part des mineurs victimes repérés parmi l'estimation (%)", "%",
            "Mineurs victimes repérés par au moins une source, rapportés à l'estimation par capture-recapture du nombre total de mineurs victimes.")
        {
            NationalOnly = true,
            DerivedFrom = [new(IndicatorCodes.MinorVictims)],
        },
    ]);
}
