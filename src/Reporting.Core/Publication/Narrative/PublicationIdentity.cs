using System.Text.Json;

namespace Reporting.Publication.Narrative;

/// <summary>A reference of « Pour en savoir plus »: its title, and where to find it when it is online.</summary>
public sealed record Reference(string Title, string? Url = null);

/// <summary>
/// Who publishes and how the publication is cited, as data: <c>templates/publication.json</c>, beside the wording, read by
/// the report, the sheets, the workbook's cover and the web edition. The statistics service edits it for each edition
/// (series number, next release) without touching code. A field left out takes the default below; a value still reading
/// <see cref="Placeholder"/> prints as it is in a working edition and stops a dated one (<see cref="EnsureComplete"/>).
/// </summary>
public sealed record PublicationIdentity
{
    /// <summary>The file's name in the templates' folder.</summary>
    public const string FileName = "publication.json";

    /// <summary>What a field that nobody has filled in yet reads.</summary>
    public const string Placeholder = "À COMPLÉTER";

    public string Service { get; init; } = "Service statistique ministériel de la sécurité intérieure (SSMSI)";

    /// <summary>The service's short name, in source lines (« traitement SSMSI ») and in the citation.</summary>
    public string ServiceShort { get; init; } = "SSMSI";

    /// <summary>The series the publication belongs to, and its number in it.</summary>
    public string Series { get; init; } = Placeholder;

    public string Number { get; init; } = Placeholder;

    /// <summary>Empty while the series has none: nothing is then printed (an ISSN is assigned, never invented).</summary>
    public string Issn { get; init; } = string.Empty;

    public string Director { get; init; } = Placeholder;

    public IReadOnlyList<string> Authors { get; init; } = [Placeholder];

    public string Contact { get; init; } = Placeholder;

    public string Licence { get; init; } = "Licence Ouverte / Open Licence version 2.0 (Etalab)";

    public string LicenceUrl { get; init; } = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    /// <summary>When the next edition comes out, in words (« avril 2027 »).</summary>
    public string NextRelease { get; init; } = Placeholder;

    /// <summary>Where the tables (open data, workbook) and the département sheets are published.</summary>
    public string TablesUrl { get; init; } = Placeholder;

    public string SheetsUrl { get; init; } = Placeholder;

    /// <summary>« Pour en savoir plus »: other publications on the subject.</summary>
    public IReadOnlyList<Reference> FurtherReading { get; init; } = [];

    public static PublicationIdentity Default { get; } = new();

    /// <summary>The file it was read from, as error messages name it; the defaults name the file that would hold them.</summary>
    public string SourceFile { get; init; } = "templates/" + FileName;

    /// <summary>The authors as a citation names them: « A, B et C ».</summary>
    public string AuthorsText => Authors.Count <= 1 ? string.Concat(Authors) : string.Join(", ", Authors.Take(Authors.Count - 1)) + " et " + Authors[^1];

    /// <summary>« Interstats Analyse n° 72 », the series line of the title blocks; without its number when there is none.</summary>
    public string SeriesLine => Number.Length == 0 ? Series : $"{Series} n° {Number}";

    /// <summary>
    /// The fields still reading <see cref="Placeholder"/>, by their name in the file: a working edition prints them as they
    /// are, so that nobody takes it for the final one; a dated edition may not.
    /// </summary>
    public IReadOnlyList<string> Placeholders() =>
        Fields().Where(f => f.Values.Any(v => v.Contains(Placeholder, StringComparison.OrdinalIgnoreCase) || v.Contains("A COMPLETER", StringComparison.OrdinalIgnoreCase)))
            .Select(f => f.Name)
            .ToArray();

    /// <summary>A dated (final) edition with a field left to fill in is a broken configuration: the run stops, nothing is published.</summary>
    public void EnsureComplete(DateOnly? publicationDate)
    {
        var left = Placeholders();
        if (publicationDate is not null && left.Count > 0)
        {
            throw new TemplateException(
                $"{SourceFile} : champ{(left.Count > 1 ? "s" : string.Empty)} {string.Join(", ", left.Select(f => $"« {f} »"))} encore à compléter (« {Placeholder} ») : "
                + "une édition datée (--publication-date) ne peut pas être publiée ainsi ; remplir le fichier, ou lancer une édition de travail sans date.");
        }
    }

    /// <summary>Reads the file of a templates' folder; no file: the defaults.</summary>
    public static PublicationIdentity Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return Default with { SourceFile = path + " (absent)" };
        }

        try
        {
            return Read(path) with { SourceFile = path };
        }
        catch (TemplateException e)
        {
            throw new TemplateException($"{path}{e.Message}");
        }
    }

    private static PublicationIdentity Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new TemplateException($", ligne {(e.LineNumber ?? 0) + 1} : JSON illisible ({e.Message.Split(" Path:", 2)[0]})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new TemplateException($" : un objet JSON est attendu ({{ \"service\": \"…\", … }})");
            }

            var identity = Default;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                identity = property.Name switch
                {
                    "service" => identity with { Service = Text(property) },
                    "sigle" => identity with { ServiceShort = Text(property) },
                    "collection" => identity with { Series = Text(property) },
                    "numero" => identity with { Number = Text(property) },
                    "issn" => identity with { Issn = Text(property) },
                    "directeur_publication" => identity with { Director = Text(property) },
                    "auteurs" => identity with { Authors = Texts(property) },
                    "contact" => identity with { Contact = Text(property) },
                    "licence" => identity with { Licence = Text(property) },
                    "licence_url" => identity with { LicenceUrl = Text(property) },
                    "prochaine_publication" => identity with { NextRelease = Text(property) },
                    "tableaux_url" => identity with { TablesUrl = Text(property) },
                    "fiches_url" => identity with { SheetsUrl = Text(property) },
                    "pour_en_savoir_plus" => identity with { FurtherReading = References(property) },

                    // « _commentaire » and the like: a note to the file's editors, JSON having no comments.
                    { } name when name.StartsWith('_') => identity,
                    _ => throw new TemplateException($" : champ « {property.Name} » inconnu (champs reconnus : {string.Join(", ", FieldNames)})"),
                };
            }

            return identity;
        }
    }

    private static readonly string[] FieldNames =
        ["service", "sigle", "collection", "numero", "issn", "directeur_publication", "auteurs", "contact", "licence", "licence_url", "prochaine_publication", "tableaux_url", "fiches_url", "pour_en_savoir_plus"];

    private IEnumerable<(string Name, IEnumerable<string> Values)> Fields() =>
    [
        ("service", [Service]), ("sigle", [ServiceShort]), ("collection", [Series]), ("numero", [Number]), ("issn", [Issn]),
        ("directeur_publication", [Director]), ("auteurs", Authors), ("contact", [Contact]), ("licence", [Licence]),
        ("licence_url", [LicenceUrl]), ("prochaine_publication", [NextRelease]), ("tableaux_url", [TablesUrl]), ("fiches_url", [SheetsUrl]),
        ("pour_en_savoir_plus", FurtherReading.SelectMany(r => new[] { r.Title, r.Url ?? string.Empty })),
    ];

    private static string Text(JsonProperty p) => p.Value.ValueKind == JsonValueKind.String
        ? p.Value.GetString()!.Trim()
        : throw new TemplateException($" : le champ « {p.Name} » doit être un texte entre guillemets");

    private static string[] Texts(JsonProperty p) => p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) && p.Value.GetArrayLength() > 0
        ? [.. p.Value.EnumerateArray().Select(e => e.GetString()!.Trim())]
        : throw new TemplateException($" : le champ « {p.Name} » doit être une liste de textes, non vide ([\"…\", \"…\"])");

    private static Reference[] References(JsonProperty p) => p.Value.ValueKind == JsonValueKind.Array
        ? [.. p.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("titre", out var t) && t.ValueKind == JsonValueKind.String
            ? new Reference(t.GetString()!.Trim(), e.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()!.Trim() : null)
            : throw new TemplateException($" : chaque entrée de « {p.Name} » est un objet {{ \"titre\": \"…\", \"url\": \"…\" }}"))]
        : throw new TemplateException($" : le champ « {p.Name} » doit être une liste");
}
