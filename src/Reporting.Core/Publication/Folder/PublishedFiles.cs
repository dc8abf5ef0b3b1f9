using System.Globalization;

namespace Reporting.Publication.Folder;

/// <summary>One kind of file of a publication folder: what it is called, for whom, what it holds, its format.</summary>
public sealed record PublishedFile(string Path, string Name, string Audience, string Content, string Format, string MediaType);

/// <summary>
/// The files of a publication folder as a reader meets them, in one list: the folder's guide (<c>LISEZMOI.md</c>), the
/// data package and the download page of the web edition describe the same files in the same words.
/// </summary>
public static class PublishedFiles
{
    public const string Guide = "LISEZMOI.md";

    public const string DataPackage = "datapackage.json";

    public const string Manifest = "manifest.json";

    public const string SheetsFolder = "fiches/";

    public const string SiteFolder = "site/";

    public static string OpenDataCsv(int year) => $"indicateurs-{Year(year)}.csv";

    public static string OpenDataParquet(int year) => $"indicateurs-{Year(year)}.parquet";

    public const string Dictionary = "dictionnaire-indicateurs.csv";

    /// <summary>The dataset's title, as catalogues show it.</summary>
    public static string DatasetTitle(int firstYear, int year) => $"Mineurs victimes d'exploitation sexuelle en France, {Year(firstYear)}-{Year(year)}";

    public const string DatasetDescription =
        "Statistiques consolidées des mineurs victimes d'exploitation sexuelle (prostitution, proxénétisme, traite) repérés par la police et la "
        + "gendarmerie, l'aide sociale à l'enfance et les établissements de santé, et de la réponse pénale : France, régions et départements, "
        + "avec une estimation du nombre total par capture-recapture.";

    /// <summary>Every kind of file a run publishes for <paramref name="year"/>, in the order a reader needs them.</summary>
    public static IReadOnlyList<PublishedFile> For(int year)
    {
        var n = Year(year);
        return
        [
            new($"rapport-{n}.pdf", "Rapport annuel", "le public, le ministre, le Parlement", "La publication annuelle : chiffres clés, évolutions, territoires, réponse pénale, méthodologie.", "PDF", "application/pdf"),
            new(SheetsFolder + "<département>.pdf", "Fiches départementales", "les préfectures, les départements", "Une fiche de deux pages par département : ses chiffres, sa région, la France.", "PDF", "application/pdf"),
            new($"tableaux-{n}.xlsx", "Classeur des tableaux", "les analystes, les journalistes", "Les tableaux de la publication, une feuille par tableau, avec leurs notes.", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            new(OpenDataCsv(year), "Indicateurs (données ouvertes)", "les réutilisateurs, les autres outils", "Chaque chiffre publié, une ligne par indicateur, année, territoire, forme et source, avec son statut (c, x, z).", "CSV", "text/csv"),
            new(OpenDataParquet(year), "Indicateurs (Parquet)", "les utilisateurs de R, Python, DuckDB", "Les mêmes lignes que le fichier CSV, typées, en un fichier colonnaire.", "Parquet", "application/vnd.apache.parquet"),
            new(Dictionary, "Dictionnaire des indicateurs", "les réutilisateurs", "Code, libellé, nature, unité, niveaux et définition de chaque indicateur.", "CSV", "text/csv"),
            new(DataPackage, "Description des données (Data Package)", "les catalogues de données, data.gouv.fr, les outils Frictionless", "Le schéma des deux fichiers CSV : colonnes, types, valeurs permises et leurs libellés, valeurs manquantes.", "JSON", "application/json"),
            new($"qualite-{n}.md", "Rapport de qualité", "le service statistique", "Fichiers lus, lignes rejetées par règle, chaînage, ruptures de série, secret statistique.", "Markdown", "text/markdown"),
            new($"qualite-{n}.json", "Rapport de qualité (JSON)", "le service statistique, ses outils", "Le rapport de qualité sous une forme lisible par une machine.", "JSON", "application/json"),
            new($"snapshot-{n}.md", "Texte intégral des publications", "les relecteurs", "Chaque phrase, ligne de tableau et série des publications, en texte brut, à comparer d'une édition à l'autre.", "Markdown", "text/markdown"),
            new(SiteFolder + "index.html", "Édition web", "le public", "Le rapport et les fiches en pages web accessibles, avec la page de téléchargement.", "HTML", "text/html"),
            new(Manifest, "Manifeste", "les auditeurs", "Les fichiers lus et écrits avec leur taille et leur empreinte SHA-256, la version du moteur et de la nomenclature, les paramètres.", "JSON", "application/json"),
            new(Guide, "Ce guide", "tous", "Ce que contient le dossier, pour qui, et les paramètres de l'édition.", "Markdown", "text/markdown"),
        ];
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
