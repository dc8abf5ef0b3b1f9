using System.Text.Json;

namespace Reporting.Review;

/// <summary>
/// An input file as a publication's manifest and quality report describe it. The digest is cut to its first
/// <see cref="InputComparison.DigestLength"/> characters, as <c>git</c> abbreviates commits: enough to tell two files
/// apart, and never shaped like a key (what the command line prints is masked from 32 hexadecimal characters on).
/// </summary>
public sealed record InputFacts(long Bytes, string Digest, long? LinesRead, long? LinesKept, long? LinesRejected);

/// <summary>An input that differs between two editions: <see cref="Old"/> null when it is new, <see cref="New"/> null when it is gone.</summary>
public sealed record InputFileChange(string File, InputFacts? Old, InputFacts? New);

/// <summary>A setting of the manifest that differs: engine version, nomenclature, a parameter, the series' years.</summary>
public sealed record SettingChange(string Name, string Old, string New);

/// <summary>What differs in what the two editions were made from.</summary>
public sealed record InputComparison(IReadOnlyList<InputFileChange> Files, int UnchangedFiles, IReadOnlyList<SettingChange> Settings)
{
    public const int DigestLength = 12;

    public static InputComparison Empty { get; } = new([], 0, []);

    public bool AnythingChanged => Files.Count + Settings.Count > 0;

    /// <summary>Compares the two folders' <c>manifest.json</c> (digests, settings) and quality reports (lines per file).</summary>
    public static InputComparison Compare(string oldFolder, string newFolder)
    {
        var (oldManifest, newManifest) = (Manifest(oldFolder), Manifest(newFolder));
        if (oldManifest is null || newManifest is null)
        {
            return Empty;
        }

        using (oldManifest)
        using (newManifest)
        {
            var old = Inputs(oldManifest.RootElement, Lines(oldFolder));
            var @new = Inputs(newManifest.RootElement, Lines(newFolder));
            var files = new List<InputFileChange>();
            foreach (var (file, n) in @new)
            {
                var o = old.GetValueOrDefault(file);
                if (o is null || o.Digest != n.Digest || o.Bytes != n.Bytes)
                {
                    files.Add(new InputFileChange(file, o, n));
                }
            }

            files.AddRange(old.Where(kv => !@new.ContainsKey(kv.Key)).Select(kv => new InputFileChange(kv.Key, kv.Value, null)));
            var unchanged = @new.Count(kv => old.TryGetValue(kv.Key, out var o) && o.Digest == kv.Value.Digest && o.Bytes == kv.Value.Bytes);
            return new InputComparison(files, unchanged, CompareSettings(oldManifest.RootElement, newManifest.RootElement));
        }
    }

    private static JsonDocument? Manifest(string folder)
    {
        var path = Path.Combine(folder, "manifest.json");
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} : manifeste illisible ({e.Message})", e);
        }
    }

    /// <summary>Inputs in the manifest's order (the order the run read them).</summary>
    private static Dictionary<string, InputFacts> Inputs(JsonElement manifest, Dictionary<string, (long, long, long)> lines)
    {
        var inputs = new Dictionary<string, InputFacts>(StringComparer.Ordinal);
        if (!manifest.TryGetProperty("entrees", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return inputs;
        }

        foreach (var e in entries.EnumerateArray())
        {
            var file = Text(e, "fichier");
            var sha = Text(e, "sha256");
            var bytes = e.TryGetProperty("octets", out var b) && b.TryGetInt64(out var n) ? n : 0;
            var (read, kept, rejected) = lines.TryGetValue(file, out var l) ? ((long?)l.Item1, (long?)l.Item2, (long?)l.Item3) : (null, null, null);
            inputs[file] = new InputFacts(bytes, sha[..Math.Min(DigestLength, sha.Length)], read, kept, rejected);
        }

        return inputs;
    }

    /// <summary>Data lines read, kept and rejected per file, from the quality report (<c>qualite-N.json</c>).</summary>
    private static Dictionary<string, (long, long, long)> Lines(string folder)
    {
        var lines = new Dictionary<string, (long, long, long)>(StringComparer.Ordinal);
        var path = Directory.GetFiles(folder, "qualite-*.json").Order(StringComparer.Ordinal).FirstOrDefault();
        if (path is null)
        {
            return lines;
        }

        try
        {
            using var quality = JsonDocument.Parse(File.ReadAllBytes(path));
            if (quality.RootElement.TryGetProperty("fichiers", out var files) && files.ValueKind == JsonValueKind.Array)
            {
                foreach (var f in files.EnumerateArray())
                {
                    lines[Text(f, "fichier")] = (Number(f, "lignes_lues"), Number(f, "lignes_gardees"), Number(f, "lignes_rejetees"));
                }
            }
        }
        catch (JsonException)
        {
            // The lines are a courtesy: without a readable quality report the files are still compared by their digests.
        }

        return lines;
    }

    private static List<SettingChange> CompareSettings(JsonElement old, JsonElement @new)
    {
        var changes = new List<SettingChange>();
        void Compare(string name, params string[] path)
        {
            var (o, n) = (Find(old, path), Find(@new, path));
            if (o != n)
            {
                changes.Add(new SettingChange(name, o, n));
            }
        }

        Compare("version du moteur", "moteur", "version");
        Compare("année", "annee");
        Compare("années de la série", "annees_serie");
        Compare("version de la nomenclature", "nomenclature", "version");
        Compare("nomenclature (empreinte)", "nomenclature", "sha256");
        foreach (var parameter in Names(old, "parametres").Union(Names(@new, "parametres"), StringComparer.Ordinal))
        {
            Compare($"paramètre {parameter}", "parametres", parameter);
        }

        return changes;
    }

    private static IEnumerable<string> Names(JsonElement root, string property) =>
        root.TryGetProperty(property, out var o) && o.ValueKind == JsonValueKind.Object ? o.EnumerateObject().Select(p => p.Name) : [];

    private static string Find(JsonElement root, string[] path)
    {
        var e = root;
        foreach (var p in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e))
            {
                return "(absent)";
            }
        }

        var text = e.ValueKind switch
        {
            JsonValueKind.String => e.GetString() ?? string.Empty,
            JsonValueKind.Null => "(aucune)",
            JsonValueKind.Array => string.Join(", ", e.EnumerateArray().Select(x => x.ToString())),
            _ => e.GetRawText(),
        };
        return path[^1] == "sha256" && text.Length > DigestLength ? text[..DigestLength] : text;
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty;

    private static long Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : 0;
}
