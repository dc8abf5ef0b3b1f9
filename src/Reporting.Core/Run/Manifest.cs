using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Reporting.Compute;
using Reporting.Publication;

namespace Reporting.Run;

/// <summary>For auditors: every input with its SHA-256, the engine and nomenclature versions, the parameters, every output's checksum.</summary>
public static class Manifest
{
    public static byte[] Write(Edition edition, IReadOnlyList<OutputFile> outputs)
    {
        var parameters = edition.Parameters;
        var years = edition.Years;
        var nomenclature = edition.Nomenclature;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("moteur");
            json.WriteString("nom", EngineInfo.Name);
            json.WriteString("version", EngineInfo.Version);
            json.WriteEndObject();
            json.WriteNumber("annee", parameters.Year);
            json.WriteStartArray("annees_serie");
            foreach (var y in years)
            {
                json.WriteNumberValue(y);
            }

            json.WriteEndArray();
            json.WriteStartObject("nomenclature");
            json.WriteString("version", nomenclature.Version);
            json.WriteString("sha256", nomenclature.Sha256);
            json.WriteEndObject();
            json.WriteStartObject("parametres");
            if (parameters.PublicationDate is { } date)
            {
                json.WriteString("date_publication", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteNull("date_publication");
            }

            json.WriteNumber("seuil_secret", parameters.Threshold);
            json.WriteNumber("ecart_protection", parameters.ProtectionRange);
            json.WriteNumber("part_max_lignes_en_erreur", parameters.MaxErrorShare);
            json.WriteEndObject();
            json.WriteStartArray("entrees");
            foreach (var digest in edition.Inputs)
            {
                WriteFile(json, Path.GetFileName(digest.Path), digest.Length, digest.Sha256);
            }

            json.WriteEndArray();
            json.WriteStartArray("sorties");
            foreach (var o in outputs.OrderBy(o => o.RelativePath, StringComparer.Ordinal))
            {
                WriteFile(json, o.RelativePath, o.Content.Length, SHA256.HashData(o.Content));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }

    private static void WriteFile(Utf8JsonWriter json, string name, long length, byte[] sha256)
    {
        json.WriteStartObject();
        json.WriteString("fichier", name);
        json.WriteNumber("octets", length);
        json.WriteString("sha256", Convert.ToHexStringLower(sha256));
        json.WriteEndObject();
    }
}
