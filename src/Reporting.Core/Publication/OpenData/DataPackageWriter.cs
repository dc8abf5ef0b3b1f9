using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reporting.Compute;
using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication.Folder;
using Reporting.Publication.Narrative;
using Reporting.Reference;

namespace Reporting.Publication.OpenData;

/// <summary>
/// <c>datapackage.json</c>: the open-data files described for machines, as a Frictionless tabular Data Package
/// (specs.frictionlessdata.io: Data Package, Tabular Data Resource, Table Schema, CSV Dialect). Each column of
/// <c>indicateurs-N.csv</c> and of the dictionary with its type and the values it may take — every code listed with
/// its label (Table Schema's <c>categories</c>) and constrained (<c>enum</c>), the empty cell declared as the missing
/// value, the statuses c, x, z explained — the rows' key, and the link from each indicator code to its dictionary line.
/// Written from the edition: the enumerations are the values the file holds, so the schema describes that file exactly.
/// </summary>
public static class DataPackageWriter
{
    public const string IndicatorsResource = "indicateurs";

    public const string DictionaryResource = "dictionnaire-indicateurs";

    public const string TerritoriesResource = "territoires";

    public static byte[] Write(Edition edition, PublicationIdentity identity, IReadOnlyList<OutputFile> files)
    {
        var year = edition.Year;
        var csv = PublishedFiles.OpenDataCsv(year);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("profile", "tabular-data-package");
            w.WriteString("name", $"mineurs-victimes-exploitation-sexuelle-{year.ToString(CultureInfo.InvariantCulture)}");
            w.WriteString("title", PublishedFiles.DatasetTitle(edition.Years[0], year));
            w.WriteString("description", PublishedFiles.DatasetDescription);
            w.WriteString("version", year.ToString(CultureInfo.InvariantCulture));
            if (identity.TablesUrl != PublicationIdentity.Placeholder)
            {
                w.WriteString("homepage", identity.TablesUrl);
            }
            if (edition.Parameters.PublicationDate is { } date)
            {
                w.WriteString("created", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z");
            }

            w.WriteStartArray("keywords");
            foreach (var k in new[] { "exploitation sexuelle", "mineurs", "prostitution", "proxénétisme", "traite des êtres humains", "statistique publique" })
            {
                w.WriteStringValue(k);
            }

            w.WriteEndArray();
            w.WriteStartArray("licenses");
            w.WriteStartObject();
            w.WriteString("name", "etalab-2.0");
            w.WriteString("path", identity.LicenceUrl);
            w.WriteString("title", identity.Licence);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("contributors");
            w.WriteStartObject();
            w.WriteString("title", identity.Service);
            w.WriteString("role", "publisher");
            if (identity.Contact != PublicationIdentity.Placeholder)
            {
                w.WriteString("email", identity.Contact);
            }
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("sources");
            foreach (var source in new[] { "police", "justice", "ase", "sante", "population" })
            {
                w.WriteStartObject();
                w.WriteString("title", Vocabulary.SourceName(source));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("resources");
            IndicatorsTable(w, edition, csv, Size(files, csv));
            DictionaryTable(w, edition.Catalogue, Size(files, PublishedFiles.Dictionary));
            TerritoriesTable(w, edition.Geography);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void IndicatorsTable(Utf8JsonWriter w, Edition edition, string path, long bytes)
    {
        var cells = edition.Indicators.Cells;
        // The codes the file holds, each set read in one pass over the cells.
        var (indicators, categories, sources) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        foreach (var cell in cells)
        {
            indicators.Add(cell.Key.Indicator);
            categories.Add(cell.Key.Category);
            sources.Add(cell.Key.Source);
        }

        Resource(w, IndicatorsResource, path, "Indicateurs publiés", bytes);
        w.WriteStartObject("schema");
        w.WriteStartArray("fields");
        Field(w, "indicateur", "string", "Indicateur", "Code de l'indicateur ; sa définition est dans le dictionnaire des indicateurs.",
            edition.Catalogue.All.Where(d => indicators.Contains(d.Code)).Select(d => (d.Code, d.Label)), required: true);
        var years = edition.Years;
        w.WriteStartObject();
        w.WriteString("name", "annee");
        w.WriteString("type", "integer");
        w.WriteString("title", "Année");
        w.WriteString("description", "Année des faits, de la prise en charge ou de la décision.");
        w.WriteStartObject("constraints");
        w.WriteBoolean("required", true);
        w.WriteNumber("minimum", years[0]);
        w.WriteNumber("maximum", years[^1]);
        w.WriteEndObject();
        w.WriteEndObject();
        Field(w, "niveau", "string", "Niveau géographique", "FR : France entière ; REG : région ; DEP : département.",
            [(Cell.LevelCode(Level.France), "France"), (Cell.LevelCode(Level.Region), "Région"), (Cell.LevelCode(Level.Departement), "Département")], required: true);
        w.WriteStartObject();
        w.WriteString("name", "territoire");
        w.WriteString("type", "string");
        w.WriteString("title", "Territoire");
        w.WriteString("description", "FR, code INSEE de la région ou code du département, selon le niveau ; le nom de chaque territoire est dans la ressource « territoires ».");
        w.WriteStartObject("constraints");
        w.WriteBoolean("required", true);
        w.WriteEndObject();
        w.WriteEndObject();
        Field(w, "categorie", "string", "Forme d'exploitation", "Catégorie de la nomenclature unifiée ; ESM compte chaque personne une fois, les formes se recouvrent ; ESM-RISQUE ne fait pas partie d'ESM.",
            Category.Published.Where(categories.Contains).Select(code => (code, Vocabulary.Category(code))), required: true);
        Field(w, "source", "string", "Source", "Administration d'origine ; « toutes » : les trois sources de victimes, chaque personne comptée une fois.",
            new[] { "police", "ase", "sante", IndicatorBuilder.AllSources, "justice" }.Where(sources.Contains).Select(s => (s, Vocabulary.SourceInFull(s))), required: true);
        w.WriteStartObject();
        w.WriteString("name", "valeur");
        w.WriteString("type", "number");
        w.WriteString("title", "Valeur");
        w.WriteString("description", "Effectifs entiers, autres valeurs arrondies à une décimale (au plus proche, la moitié s'éloignant de zéro), point décimal ; vide quand la valeur n'est pas publiée (voir statut).");
        w.WriteString("decimalChar", ".");
        w.WriteEndObject();
        Field(w, "statut", "string", "Statut", "Vide quand la valeur est publiée.",
            [(Cell.StatusCode(CellStatus.Confidential), "secret statistique"), (Cell.StatusCode(CellStatus.NotAvailable), "non disponible"), (Cell.StatusCode(CellStatus.NotApplicable), "sans objet")], required: false);
        w.WriteEndArray();
        MissingValues(w);
        w.WriteStartArray("primaryKey");
        foreach (var key in new[] { "indicateur", "annee", "niveau", "territoire", "categorie", "source" })
        {
            w.WriteStringValue(key);
        }

        w.WriteEndArray();
        w.WriteStartArray("foreignKeys");
        ForeignKey(w, ["indicateur"], DictionaryResource);
        ForeignKey(w, ["niveau", "territoire"], TerritoriesResource);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void DictionaryTable(Utf8JsonWriter w, IndicatorCatalogue catalogue, long bytes)
    {
        Resource(w, DictionaryResource, PublishedFiles.Dictionary, "Dictionnaire des indicateurs", bytes);
        w.WriteStartObject("schema");
        w.WriteStartArray("fields");
        Field(w, "indicateur", "string", "Indicateur", "Code de l'indicateur.", catalogue.All.Select(d => (d.Code, d.Label)), required: true);
        Text(w, "libelle", "Libellé");
        Field(w, "nature", "string", "Nature", "Nature de l'indicateur.",
            catalogue.All.Select(d => DataDictionaryWriter.Kind(d.Kind)).Distinct().Select(k => (k, k)), required: true);
        Text(w, "unite", "Unité");
        w.WriteStartObject();
        w.WriteString("name", "decimales");
        w.WriteString("type", "integer");
        w.WriteString("title", "Décimales dans le fichier des indicateurs");
        w.WriteStartObject("constraints");
        w.WriteBoolean("required", true);
        w.WriteNumber("minimum", 0);
        w.WriteEndObject();
        w.WriteEndObject();
        Text(w, "niveaux", "Niveaux géographiques publiés");
        Text(w, "calcule_a_partir_de", "Calculé à partir de");
        Text(w, "definition", "Définition");
        w.WriteEndArray();
        MissingValues(w);
        w.WriteString("primaryKey", "indicateur");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// The territories with their names, inline (a code alone is ambiguous: « 11 » is the Aude and Île-de-France): the
    /// indicators' rows point at them by level and code.
    /// </summary>
    private static void TerritoriesTable(Utf8JsonWriter w, Geography geography)
    {
        w.WriteStartObject();
        w.WriteString("profile", "tabular-data-resource");
        w.WriteString("name", TerritoriesResource);
        w.WriteString("title", "Territoires");
        w.WriteString("description", "La France, ses régions dans l'ordre officiel et ses départements, avec leur nom et, pour un département, sa région.");
        w.WriteStartArray("data");
        void Row(string level, string code, string name, string region)
        {
            w.WriteStartArray();
            w.WriteStringValue(level);
            w.WriteStringValue(code);
            w.WriteStringValue(name);
            w.WriteStringValue(region);
            w.WriteEndArray();
        }

        // Inline tabular data: an array of rows, the first the header (Tabular Data Resource).
        Row("niveau", "territoire", "libelle", "region");
        Row(Cell.LevelCode(Level.France), "FR", "France", string.Empty);
        foreach (var r in geography.RegionsInOfficialOrder)
        {
            Row(Cell.LevelCode(Level.Region), r.Code, r.Name, string.Empty);
        }

        foreach (var d in geography.Departements)
        {
            Row(Cell.LevelCode(Level.Departement), d.Code, d.Name, d.RegionCode);
        }

        w.WriteEndArray();
        w.WriteStartObject("schema");
        w.WriteStartArray("fields");
        Field(w, "niveau", "string", "Niveau géographique", "FR : France entière ; REG : région ; DEP : département.",
            [(Cell.LevelCode(Level.France), "France"), (Cell.LevelCode(Level.Region), "Région"), (Cell.LevelCode(Level.Departement), "Département")], required: true);
        Text(w, "territoire", "Code du territoire");
        Text(w, "libelle", "Nom");
        Text(w, "region", "Code INSEE de la région d'un département");
        w.WriteEndArray();
        MissingValues(w);
        w.WriteStartArray("primaryKey");
        w.WriteStringValue("niveau");
        w.WriteStringValue("territoire");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void ForeignKey(Utf8JsonWriter w, string[] fields, string resource)
    {
        w.WriteStartObject();
        w.WriteStartArray("fields");
        foreach (var f in fields)
        {
            w.WriteStringValue(f);
        }

        w.WriteEndArray();
        w.WriteStartObject("reference");
        w.WriteString("resource", resource);
        w.WriteStartArray("fields");
        foreach (var f in fields)
        {
            w.WriteStringValue(f);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A CSV resource of the folder in the open-data format (outputs.md): UTF-8 with BOM, <c>;</c>, LF, a header line.</summary>
    private static void Resource(Utf8JsonWriter w, string name, string path, string title, long bytes)
    {
        w.WriteStartObject();
        w.WriteString("profile", "tabular-data-resource");
        w.WriteString("name", name);
        w.WriteString("path", path);
        w.WriteString("title", title);
        w.WriteString("format", "csv");
        w.WriteString("mediatype", "text/csv");
        w.WriteString("encoding", "utf-8");
        w.WriteNumber("bytes", bytes);
        w.WriteStartObject("dialect");
        w.WriteString("delimiter", ";");
        w.WriteString("lineTerminator", "\n");
        w.WriteString("quoteChar", "\"");
        w.WriteBoolean("doubleQuote", true);
        w.WriteBoolean("header", true);
        w.WriteEndObject();
    }

    /// <summary>A column whose values are codes: each listed with its label (<c>categories</c>) and enforced (<c>enum</c>).</summary>
    private static void Field(Utf8JsonWriter w, string name, string type, string title, string description, IEnumerable<(string Code, string Label)> values, bool required)
    {
        var list = values.ToArray();
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("type", type);
        w.WriteString("title", title);
        w.WriteString("description", description);
        w.WriteStartArray("categories");
        foreach (var (code, label) in list)
        {
            w.WriteStartObject();
            w.WriteString("value", code);
            w.WriteString("label", label);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("constraints");
        w.WriteBoolean("required", required);
        w.WriteStartArray("enum");
        foreach (var (code, _) in list)
        {
            w.WriteStringValue(code);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter w, string name, string title)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("type", "string");
        w.WriteString("title", title);
        w.WriteEndObject();
    }

    private static void MissingValues(Utf8JsonWriter w)
    {
        w.WriteStartArray("missingValues");
        w.WriteStringValue(string.Empty);
        w.WriteEndArray();
    }

    private static long Size(IReadOnlyList<OutputFile> files, string path) =>
        files.FirstOrDefault(f => f.RelativePath == path)?.Content.LongLength ?? throw new InvalidOperationException($"{path} must be rendered before the data package");
}
