using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication.Narrative;

namespace Reporting.Publication;

/// <summary>
/// The published French words that are not in a template, in one place: who publishes, the source line, the symbols,
/// the names of categories and sources, the edition's date (numbers and dates are written by <see cref="FrenchFormat"/>).
/// The report, the sheets, the workbook, the snapshot and <c>figures</c> all take their words from here, so that two
/// outputs never name one thing two ways; indicators are named by their catalogue (<see cref="IndicatorCatalogue"/>).
/// </summary>
public static partial class Vocabulary
{
    /// <summary>
    /// The publisher's generic name, still read by the folder guide and the data package. The publications name their
    /// service from the publication's identity (<see cref="Narrative.PublicationIdentity.Service"/>), which these two
    /// should read too.
    /// </summary>
    public const string Publisher = "Service statistique ministériel";

    /// <summary>The victim sources, in the order the publications list them.</summary>
    public static readonly IReadOnlyList<string> VictimSources = ["police", "ase", "sante"];

    /// <summary>
    /// Each source as a source line names it: who produced the data and what they are. Besides the four administrations,
    /// the population that rates are computed from, and the engine's own nomenclature and quality report.
    /// </summary>
    public static string SourceName(string code) => code switch
    {
        "police" => "SSMSI (police et gendarmerie)",
        "ase" => "départements (aide sociale à l'enfance)",
        "sante" => "établissements de santé (UAPED)",
        "justice" => "ministère de la Justice (SDSE)",
        "population" => "Insee (population)",
        "nomenclature" => "nomenclature unifiée de la publication",
        "qualite" => "rapport de qualité de la publication",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "source inconnue"),
    };

    /// <summary>
    /// The source line of one figure or table: only the sources its figures come from (« Source : » for one, « Sources : »
    /// for several), and who processed the administrations' extracts.
    /// </summary>
    public static string SourceLine(IReadOnlyList<string> sources, string processedBy)
    {
        var administrations = sources.Any(s => s is "police" or "ase" or "sante" or "justice");
        return (sources.Count > 1 ? "Sources : " : "Source : ") + string.Join(" ; ", sources.Select(SourceName))
            + (administrations ? " — traitement " + processedBy : string.Empty) + ".";
    }

    /// <summary>The four administrations, for the workbook's cover and the web edition's description.</summary>
    public static string AllSources(string processedBy) =>
        string.Join(" ; ", new[] { "police", "justice", "ase", "sante", "population" }.Select(SourceName)) + " — traitement " + processedBy + ".";

    /// <summary>Under every table of the report and sheets, and under <c>figures</c>: the three symbols a cell may show.</summary>
    /// <summary>Row labels of the clients of minors and the digital dimension, beside a département's or a region's figures.</summary>
    public const string ClientsWithDecision = "Clients de mineurs, toute décision de justice";

    public const string DigitalVictimsPolice = "Victimes, infraction par réseau numérique (police)";

    public const string DigitalAuthorsJustice = "Auteurs, infraction par réseau numérique (justice)";

    public const string Symbols = "c : secret statistique ; x : non disponible ; z : sans objet.";

    public const string UndatedEdition = "édition de travail, non datée";

    /// <summary>The words printed in a sentence in place of a figure that is not published.</summary>
    public static string StatusWords(CellStatus status) => status switch
    {
        CellStatus.Confidential => "non publié (secret statistique)",
        CellStatus.NotAvailable => "non disponible",
        CellStatus.NotApplicable => "sans objet",
        _ => string.Empty,
    };

    /// <summary>The publication date as the title blocks print it, or the working edition's words.</summary>
    public static string PublicationDate(DateOnly? date) => date is { } d ? FrenchFormat.Date(d) : UndatedEdition;

    public static string Category(string code) => code switch
    {
        Harmonisation.Category.All => "Exploitation sexuelle des mineurs (ensemble)",
        Harmonisation.Category.Prostitution => "Prostitution de mineurs (dont recours à la prostitution d'un mineur)",
        Harmonisation.Category.Pimping => "Proxénétisme à l'égard de mineurs",
        Harmonisation.Category.Trafficking => "Traite des mineurs à des fins d'exploitation sexuelle",
        Harmonisation.Category.Other => "Autre exploitation sexuelle de mineurs",
        Harmonisation.Category.AtRisk => "Mineurs repérés en risque prostitutionnel",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "catégorie inconnue"),
    };

    /// <summary>The category in a legend or a chart's series name.</summary>
    public static string ShortCategory(string code) => code switch
    {
        Harmonisation.Category.All => "Ensemble",
        Harmonisation.Category.Prostitution => "Prostitution",
        Harmonisation.Category.Pimping => "Proxénétisme",
        Harmonisation.Category.Trafficking => "Traite",
        Harmonisation.Category.Other => "Autre exploitation",
        Harmonisation.Category.AtRisk => "Risque prostitutionnel",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "catégorie inconnue"),
    };

    /// <summary>The source in a table header or a legend.</summary>
    public static string Source(string code) => code switch
    {
        "police" => "Police et gendarmerie",
        "ase" => "Aide sociale à l'enfance",
        "sante" => "Établissements de santé",
        "justice" => "Justice",
        Availability.AllSources => "Toutes sources",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "source inconnue"),
    };

    /// <summary>The source where a table lists it in words beside its code: all sources say how persons are counted.</summary>
    public static string SourceInFull(string code) => code == Availability.AllSources ? "Ensemble des sources (personnes comptées une fois)" : Source(code);

    /// <summary>Whether a code requires a minor victim, in the report's nomenclature table.</summary>
    public static string MinorRequirement(MinorRequirement m) => m switch
    {
        Harmonisation.MinorRequirement.Under18 => "moins de 18 ans",
        Harmonisation.MinorRequirement.Under15 => "moins de 15 ans",
        _ => "selon l'âge",
    };

    /// <summary>The same, as the answer of the workbook's column « Victime mineure requise ».</summary>
    public static string MinorRequiredAnswer(MinorRequirement m) => m switch
    {
        Harmonisation.MinorRequirement.Under18 => "oui, victime de moins de 18 ans",
        Harmonisation.MinorRequirement.Under15 => "oui, victime de moins de 15 ans",
        _ => "non",
    };

    /// <summary>
    /// An offence's official label (NATINF, ASE and santé lists: capitals without accents, « RECOURS A LA PROSTITUTION
    /// D'UN MINEUR (225-12-1 al.2) ») in the report's running French: sentence case, accents restored, the penal code's
    /// article left to the nomenclature table (« Recours à la prostitution d'un mineur »). The official wording stays in
    /// the workbook's nomenclature table. A word this lexicon does not know keeps its letters, in lower case.
    /// </summary>
    public static string OffenceLabel(string official)
    {
        var text = ArticleReference().Replace(official.Trim(), string.Empty);
        var words = WordPattern().Replace(text.ToLowerInvariant(), m => Accented.TryGetValue(m.Value, out var w) ? w : m.Value);
        words = words.Replace("non justification", "non-justification", StringComparison.Ordinal);
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The words of the shipped lists that take an accent, written in capitals without one.</summary>
    private static readonly Dictionary<string, string> Accented = new(StringComparer.Ordinal)
    {
        ["a"] = "à", ["aggrave"] = "aggravé", ["arrivee"] = "arrivée", ["autorite"] = "autorité", ["avere"] = "avéré",
        ["averee"] = "avérée", ["detournement"] = "détournement", ["echange"] = "échange", ["egard"] = "égard",
        ["electroniques"] = "électroniques", ["entrainement"] = "entraînement", ["etablissement"] = "établissement",
        ["etre"] = "être", ["immediat"] = "immédiat", ["intermediaire"] = "intermédiaire", ["manoeuvre"] = "manœuvre",
        ["organisee"] = "organisée", ["prevention"] = "prévention", ["prive"] = "privé", ["prostituee"] = "prostituée",
        ["proxenete"] = "proxénète", ["proxenetisme"] = "proxénétisme", ["recidive"] = "récidive",
        ["remuneration"] = "rémunération", ["reseau"] = "réseau", ["suspecte"] = "suspecté", ["suspectee"] = "suspectée",
        ["tolerance"] = "tolérance", ["vehicule"] = "véhicule", ["vulnerabilite"] = "vulnérabilité",
        ["vulnerable"] = "vulnérable", ["vulnerables"] = "vulnérables", ["5e"] = "5ᵉ",
    };

    /// <summary>A trailing reference to the penal code: « (225-12-1 al.2) », « (611-1) ».</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\(\d[^()]*\)\s*$")]
    private static partial System.Text.RegularExpressions.Regex ArticleReference();

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{L}\d]+")]
    private static partial System.Text.RegularExpressions.Regex WordPattern();
}
