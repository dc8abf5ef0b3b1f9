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
public static class Vocabulary
{
    public const string Publisher = "Service statistique ministériel";

    /// <summary>The four administrations and who processed their extracts.</summary>
    public const string Sources =
        "SSMSI (police et gendarmerie), ministère de la Justice (auteurs poursuivis et condamnés), départements (aide sociale à l'enfance), "
        + "établissements de santé (UAPED) — traitement " + Publisher;

    /// <summary>Under every figure and table.</summary>
    public const string SourceLine = "Sources : " + Sources + ".";

    /// <summary>Under every table of the report and sheets, and under <c>figures</c>: the three symbols a cell may show.</summary>
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
}
