using Reporting.Publication.Charts;

namespace Reporting.Publication.Html;

/// <summary>
/// The French words that only the web edition prints (navigation, accessibility aids, the download page): the text of
/// the publication itself comes from the composed elements, the same as the PDF's.
/// </summary>
public static class SiteWords
{
    public const string SkipLink = "Aller au contenu";
    public const string MainNavigation = "Navigation principale";
    public const string Breadcrumb = "Fil d'Ariane";
    public const string Contents = "Sommaire";
    public const string Report = "Rapport annuel";
    public const string Territories = "Départements et régions";
    public const string Methodology = "Méthodologie";
    public const string Downloads = "Télécharger les données";
    public const string France = "France";
    public const string ChartData = "Données du graphique (tableau)";
    public const string MapData = "Données de la carte (tableau triable)";
    public const string Year = "Année";
    public const string Code = "Code";
    public const string Departement = "Département";
    public const string Region = "Région";
    public const string Gap = "— : valeur non publiée (secret statistique ou non disponible) ; la courbe s'interrompt.";
    public const string NotPublished = "non publié";
    public const string Search = "Rechercher un département par son nom ou son numéro";
    public const string SearchHint = "Par exemple : Nord, 59, Réunion, 2A. Les accents sont ignorés.";
    public const string SortHint = "Cliquer sur un en-tête de colonne pour trier le tableau.";
    public const string DepartementPdf = "Fiche départementale au format PDF";
    public const string RegionDepartements = "Les départements de la région";
    public const string FontNotice = "Police de caractères : Noto Sans (SIL Open Font License 1.1), fournie avec le site.";

    /// <summary>Each symbol a table cell may show, in words (the same as <see cref="Vocabulary.Symbols"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Symbols = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["c"] = ChartWords.French.Secret,
        ["x"] = ChartWords.French.NotAvailable,
        ["z"] = "sans objet",
    };

    public static string SiteName(int year) => $"Mineurs victimes d'exploitation sexuelle — {year}";

    public static string Footer(string publisher) => $"{publisher} — statistique publique. Données et publications sous la";
}
