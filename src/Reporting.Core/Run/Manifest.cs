using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Reporting.Harmonisation;

namespace Reporting.Run;

/// <summary>An input file's size and SHA-256, for the manifest.</summary>
public sealed record InputDigest(long Length, byte[] Sha256);

/// <summary>For auditors: every input with its SHA-256, the engine and nomenclature versions, the parameters, every output's checksum.</summary>
public static class Manifest
{
    /// <summary>
    /// The inputs' digests, streamed (an extract of hundreds of megabytes is never held in memory). A run starts this once
    /// its extracts are read, so that hashing them uses the core the single-threaded later stages leave idle.
    /// </summary>
    public static IReadOnlyDictionary<string, InputDigest> Digests(IEnumerable<string> inputs)
    {
        var digests = new Dictionary<string, InputDigest>(StringComparer.Ordinal);
        foreach (var path in inputs)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            digests[path] = new InputDigest(stream.Length, SHA256.HashData(stream));
        }

        return digests;
    }

    /// <param name="digests">the inputs' digests when already computed (<see cref="Digests"/>); otherwise they are computed here</param>
    public static byte[] Write(RunParameters parameters, IReadOnlyList<int> years, Nomenclature nomenclature, IReadOnlyList<string> inputs, IReadOnlyList<OutputFile> outputs, IReadOnlyDictionary<string, InputDigest>? digests = null)
    {
        digests ??= Digests(inputs);
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
            foreach (var path in inputs.Order(StringComparer.Ordinal))
            {
                var digest = digests[path];
                WriteFile(json, Path.GetFileName(path), digest.Length, digest.Sha256);
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
