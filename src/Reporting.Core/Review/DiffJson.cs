using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reporting.Indicators;
using Reporting.Publication.OpenData;

namespace Reporting.Review;

/// <summary>
/// The reviewers' diff for machines (<c>--format json</c>): everything <see cref="DiffReport"/> prints, and every
/// changed cell, with invariant numbers (decimal point) as the open-data file writes them. Property names in French,
/// like the manifest and the quality report.
/// </summary>
public static class DiffJson
{
    public static string Write(PublicationComparison d, bool stat, IndicatorCatalogue? catalogue = null)
    {
        catalogue ??= IndicatorCatalogue.Shipped;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("ancienne", d.OldFolder);
            json.WriteString("nouvelle", d.NewFolder);
            json.WriteNumber("seuil", d.Threshold.MinChange);
            json.WriteBoolean("differences", d.AnythingChanged);
            Inputs(json, d.Inputs);
            Summary(json, d);
            if (!stat)
            {
                json.WriteStartArray("chiffres_cles");
                foreach (var h in d.Headline)
                {
                    json.WriteStartObject();
                    json.WriteString("section", h.Section);
                    json.WriteString("tableau", h.Table);
                    Change(json, h.Change);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("elements");
                foreach (var e in d.Elements.Where(e => e.Changes.Count + e.BelowThreshold > 0))
                {
                    json.WriteStartObject();
                    json.WriteString("type", e.Kind switch { ElementKind.Report => "rapport", ElementKind.Workbook => "classeur", _ => "fiche" });
                    json.WriteString("nom", e.Name);
                    json.WriteNumber("sous_le_seuil", e.BelowThreshold);
                    json.WriteStartArray("lignes");
                    foreach (var c in e.Changes)
                    {
                        json.WriteStartObject();
                        Change(json, c);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                Cells(json, d.Cells, catalogue);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Inputs(Utf8JsonWriter json, InputComparison inputs)
    {
        json.WriteStartObject("entrees");
        json.WriteStartArray("fichiers_modifies");
        foreach (var f in inputs.Files)
        {
            json.WriteStartObject();
            json.WriteString("fichier", f.File);
            json.WriteString("etat", f.Old is null ? "ajoute" : f.New is null ? "retire" : "modifie");
            Facts(json, "avant", f.Old);
            Facts(json, "apres", f.New);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("fichiers_identiques", inputs.UnchangedFiles);
        json.WriteStartArray("reglages_modifies");
        foreach (var s in inputs.Settings)
        {
            json.WriteStartObject();
            json.WriteString("nom", s.Name);
            json.WriteString("avant", s.Old);
            json.WriteString("apres", s.New);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Facts(Utf8JsonWriter json, string name, InputFacts? f)
    {
        if (f is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("octets", f.Bytes);
        json.WriteString("sha256_debut", f.Digest);
        WriteNumber(json, "lignes_lues", f.LinesRead);
        WriteNumber(json, "lignes_gardees", f.LinesKept);
        WriteNumber(json, "lignes_rejetees", f.LinesRejected);
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Summary(Utf8JsonWriter json, PublicationComparison d)
    {
        var cells = d.Cells;
        json.WriteStartObject("resume");
        json.WriteNumber("entrees_modifiees", d.Inputs.Files.Count);
        json.WriteNumber("reglages_modifies", d.Inputs.Settings.Count);
        json.WriteNumber("lignes_chiffres_cles", d.Headline.Count);
        json.WriteNumber("lignes_rapport", d.Of(ElementKind.Report).Sum(e => e.Changes.Count));
        json.WriteNumber("lignes_classeur", d.Of(ElementKind.Workbook).Sum(e => e.Changes.Count));
        json.WriteNumber("fiches_modifiees", d.Of(ElementKind.Sheet).Count());
        json.WriteNumber("lignes_fiches", d.Of(ElementKind.Sheet).Sum(e => e.Changes.Count));
        json.WriteNumber("lignes_sous_le_seuil", d.TextBelowThreshold);
        json.WriteNumber("valeurs_modifiees", cells.ChangedValues.Count);
        json.WriteNumber("valeurs_sous_le_seuil", cells.ChangedValuesBelowThreshold);
        json.WriteNumber("cases_nouvellement_masquees", cells.NewlyHidden.Count);
        json.WriteNumber("cases_nouvellement_publiees", cells.NewlyPublished.Count);
        json.WriteNumber("autres_changements_de_statut", cells.OtherStatusChanges.Count);
        json.WriteNumber("lignes_apparues", cells.Appeared.Count);
        json.WriteNumber("lignes_disparues", cells.Disappeared.Count);
        json.WriteEndObject();
    }

    private static void Change(Utf8JsonWriter json, TextChange c)
    {
        json.WriteString("avant", c.Old);
        json.WriteString("apres", c.New);
        json.WriteStartArray("remplacements");
        foreach (var s in c.Substitutions)
        {
            json.WriteStartObject();
            json.WriteString("avant", s.Old);
            json.WriteString("apres", s.New);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Cells(Utf8JsonWriter json, CellComparison cells, IndicatorCatalogue catalogue)
    {
        json.WriteStartObject("open_data");
        json.WriteStartArray("valeurs_modifiees");
        foreach (var c in cells.ChangedValues)
        {
            json.WriteStartObject();
            Key(json, c.Old);
            json.WriteString("avant", c.Old.Value);
            json.WriteString("apres", c.New.Value);
            json.WriteNumber("ecart", c.Absolute);
            var kind = catalogue.Find(c.Old.Indicator)?.Kind ?? IndicatorKind.Count;
            json.WriteString("unite_ecart", ChangeThreshold.InPoints(kind) ? "points" : "valeur");
            if (c.Relative is { } r)
            {
                json.WriteNumber("ecart_relatif_pct", Math.Round(r, 2, MidpointRounding.AwayFromZero));
            }
            else
            {
                json.WriteNull("ecart_relatif_pct");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        Statuses(json, "cases_nouvellement_masquees", cells.NewlyHidden);
        Statuses(json, "cases_nouvellement_publiees", cells.NewlyPublished);
        Statuses(json, "autres_changements_de_statut", cells.OtherStatusChanges);
        Lines(json, "lignes_apparues", cells.Appeared);
        Lines(json, "lignes_disparues", cells.Disappeared);
        json.WriteEndObject();
    }

    private static void Statuses(Utf8JsonWriter json, string name, IReadOnlyList<StatusChange> list)
    {
        json.WriteStartArray(name);
        foreach (var s in list)
        {
            json.WriteStartObject();
            Key(json, s.Old);
            json.WriteString("avant", s.Old.Display);
            json.WriteString("apres", s.New.Display);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Lines(Utf8JsonWriter json, string name, IReadOnlyList<PublishedCell> list)
    {
        json.WriteStartArray(name);
        foreach (var c in list)
        {
            json.WriteStartObject();
            Key(json, c);
            json.WriteString("valeur", c.Display);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Key(Utf8JsonWriter json, PublishedCell c)
    {
        json.WriteString("indicateur", c.Indicator);
        json.WriteNumber("annee", c.Year);
        json.WriteString("niveau", c.Level);
        json.WriteString("territoire", c.Territory);
        json.WriteString("categorie", c.Category);
        json.WriteString("source", c.Source);
    }
}
