using Reporting.Harmonisation;

namespace Reporting.Publication.Report;

/// <summary>The published French labels of categories, sources and symbols, in one place (nomenclature.md).</summary>
public static class Wording
{
    public const string Sources = "Sources : SSMSI (police et gendarmerie), ministère de la Justice, départements (aide sociale à l'enfance), établissements de santé (UAPED) — traitement Reporting.";

    public const string Symbols = "c : secret statistique ; x : non disponible ; z : sans objet.";

    public static string Category(string code) => code switch
    {
        Harmonisation.Category.All => "Exploitation sexuelle des mineurs (ensemble)",
        Harmonisation.Category.Prostitution => "Prostitution de mineurs (dont recours à la prostitution d'un mineur)",
        Harmonisation.Category.Pimping => "Proxénétisme à l'égard de mineurs",
        Harmonisation.Category.Trafficking => "Traite des mineurs à des fins d'exploitation sexuelle",
        Harmonisation.Category.Other => "Autre exploitation sexuelle de mineurs",
        Harmonisation.Category.AtRisk => "Mineurs repérés en risque prostitutionnel",
        _ => code,
    };

    public static string ShortCategory(string code) => code switch
    {
        Harmonisation.Category.All => "Ensemble",
        Harmonisation.Category.Prostitution => "Prostitution",
        Harmonisation.Category.Pimping => "Proxénétisme",
        Harmonisation.Category.Trafficking => "Traite",
        Harmonisation.Category.Other => "Autre exploitation",
        Harmonisation.Category.AtRisk => "Risque prostitutionnel",
        _ => code,
    };

    public static string Source(string code) => code switch
    {
        "police" => "Police et gendarmerie",
        "ase" => "Aide sociale à l'enfance",
        "sante" => "Établissements de santé",
        "justice" => "Justice",
        Availability.AllSources => "Toutes sources",
        _ => code,
    };

    public static string MinorRequirement(MinorRequirement m) => m switch
    {
        Harmonisation.MinorRequirement.Under18 => "moins de 18 ans",
        Harmonisation.MinorRequirement.Under15 => "moins de 15 ans",
        _ => "selon l'âge",
    };
}
