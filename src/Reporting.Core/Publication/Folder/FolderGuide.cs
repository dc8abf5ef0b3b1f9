using System.Globalization;
using System.Text;
using Reporting.Compute;
using Reporting.Publication.Narrative;

namespace Reporting.Publication.Folder;

/// <summary>
/// <c>LISEZMOI.md</c>, the first file of every publication folder: what each file is for and for whom, the edition's
/// parameters, the symbols, how to reuse the data and how to check the files — in French, so that a folder sent on its
/// own explains itself. Lists only the files the folder holds.
/// </summary>
public static class FolderGuide
{
    public static byte[] Write(Edition edition, PublicationIdentity identity, IReadOnlyList<OutputFile> files)
    {
        var p = edition.Parameters;
        var year = edition.Year;
        var n = FrenchFormat.Year(year);
        var csv = PublishedFiles.OpenDataCsv(year);
        var parquet = PublishedFiles.OpenDataParquet(year);
        var sheets = files.Count(f => f.RelativePath.StartsWith(PublishedFiles.SheetsFolder, StringComparison.Ordinal));
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(FrenchTypography.Apply(line)).Append('\n');

        Line($"# {PublishedFiles.DatasetTitle(edition.Years[0], year)} — publication {n}");
        Line();
        Line($"{identity.Service}, {identity.SeriesLine}, {Vocabulary.PublicationDate(p.PublicationDate)}. Ce dossier est la publication {n} : "
            + "les mineurs victimes d'exploitation sexuelle repérés par la police et la gendarmerie, l'aide sociale à l'enfance et les établissements de santé, "
            + "et la réponse pénale, pour la France, ses régions et ses départements.");
        Line();
        Line("## Les fichiers");
        Line();
        Line("| Fichier | Pour qui | Contenu |");
        Line("|---|---|---|");
        foreach (var file in PublishedFiles.For(year).Where(f => Holds(files, f.Path)))
        {
            var name = file.Path.StartsWith(PublishedFiles.SheetsFolder, StringComparison.Ordinal)
                ? $"`{file.Path}` ({FrenchFormat.Integer(sheets)} fiches)"
                : $"`{file.Path}`";
            Line($"| {name} — {file.Name} | {Capitalised(file.Audience)} | {file.Content} |");
        }

        Line();
        Line("## Les paramètres de l'édition");
        Line();
        Line($"- Année de publication : {n} ; séries de {FrenchFormat.Year(edition.Years[0])} à {n}.");
        Line($"- Date de publication : {Vocabulary.PublicationDate(p.PublicationDate)}.");
        Line($"- Secret statistique : sous le niveau national, un effectif de 1 à {FrenchFormat.Integer(p.LargestHiddenCount)} personnes n'est pas publié (seuil {FrenchFormat.Integer(p.Threshold)}), "
            + $"ni ce qui permettrait de le retrouver ; chaque effectif caché reste incertain d'au moins {FrenchFormat.Integer(p.ProtectionRange)} personnes.");
        Line($"- Nomenclature des infractions : version {edition.Nomenclature.Version}.");
        Line($"- Part maximale de lignes rejetées tolérée par fichier : {FrenchFormat.Percent((decimal)p.MaxErrorShare * 100)}.");
        if (edition.Breaks.All.Count > 0)
        {
            Line($"- Ruptures de série : {FrenchFormat.Integer(edition.Breaks.All.Count)}, décrites dans le rapport de qualité et la méthodologie du rapport ; une évolution n'est pas calculée à travers une rupture.");
        }

        Line();
        Line("## Les symboles");
        Line();
        Line($"Dans les tableaux, une valeur non publiée est remplacée par un symbole ({Vocabulary.Symbols.TrimEnd('.')}). Dans `{csv}`, la colonne `valeur` est alors vide et la colonne `statut` porte le symbole.");
        Line();
        Line("## Réutiliser les données");
        Line();
        Line($"Les fichiers sont publiés sous la {identity.Licence} : réutilisation libre, en citant la source ({identity.ServiceShort}) ; texte de la licence : {identity.LicenceUrl}. Ils sont aussi publiés sur {identity.TablesUrl}.");
        Line($"`{csv}` : UTF-8 avec BOM, séparateur `;`, point décimal, une ligne par indicateur, année, niveau, territoire, forme et source. "
            + $"`{PublishedFiles.Dictionary}` définit chaque indicateur ; `{PublishedFiles.DataPackage}` décrit les deux fichiers (Frictionless Data Package : colonnes, types, valeurs permises et leurs libellés).");
        if (Holds(files, parquet))
        {
            Line($"`{parquet}` contient les mêmes lignes, typées :");
            Line();
            Line("```");
            Line($"R :       arrow::read_parquet(\"{parquet}\")");
            Line($"Python :  pandas.read_parquet(\"{parquet}\")");
            Line($"DuckDB :  SELECT * FROM '{parquet}';");
            Line("```");
        }

        Line();
        Line("## Citer cette publication");
        Line();
        Line($"{identity.AuthorsText}, « {PublishedFiles.DatasetTitle(edition.Years[0], year)} », {identity.SeriesLine}, {identity.ServiceShort}, {Vocabulary.PublicationDate(p.PublicationDate)}.");
        Line($"Contact : {identity.Contact}. Prochaine publication : {identity.NextRelease}.");
        Line();
        Line("## Vérifier les fichiers");
        Line();
        Line($"`{PublishedFiles.Manifest}` donne, pour chaque fichier lu et écrit, sa taille et son empreinte SHA-256 (à comparer avec celle que calcule `sha256sum`), "
            + "avec la version du moteur et de la nomenclature et les paramètres : les mêmes données et la même version redonnent les mêmes fichiers, octet pour octet.");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static bool Holds(IReadOnlyList<OutputFile> files, string path) =>
        path.StartsWith(PublishedFiles.SheetsFolder, StringComparison.Ordinal) ? files.Any(f => f.RelativePath.StartsWith(PublishedFiles.SheetsFolder, StringComparison.Ordinal))
        : path.StartsWith(PublishedFiles.SiteFolder, StringComparison.Ordinal) || path is PublishedFiles.Manifest or PublishedFiles.Guide || files.Any(f => f.RelativePath == path);

    private static string Capitalised(string s) => string.Concat(s[..1].ToUpper(CultureInfo.InvariantCulture), s[1..]);
}
