using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Reporting.Ingestion;
using Reporting.Reference;

namespace Reporting.Harmonisation;

/// <summary><c>mineur_requis</c>: whether the offence itself requires a victim under 18, under 15, or neither.</summary>
public enum MinorRequirement
{
    None,
    Under18,
    Under15,
}

public sealed record NomenclatureEntry(string System, string Code, string Category, MinorRequirement MinorRequired, DateOnly? ValidFrom, DateOnly? ValidTo, string Label)
{
    public bool IsValidOn(DateOnly date) => (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);

    public bool IsValidDuring(int year) =>
        (ValidFrom is null || ValidFrom.Value.Year <= year) && (ValidTo is null || ValidTo.Value.Year >= year);
}

/// <summary>A broken mapping file is a configuration error: it names the file and the line.</summary>
public sealed class NomenclatureException(string message) : Exception(message);

/// <summary>
/// The mapping from each source's codes to the unified categories: data, not code (nomenclature.md). The engine
/// ships version 2026-1; a run may take another file, whose version is its name's suffix (<c>nomenclature-&lt;version&gt;.csv</c>)
/// or, failing that, its name and checksum.
/// </summary>
public sealed class Nomenclature
{
    public const string ShippedFile = "nomenclature-2026-1.csv";

    private readonly Dictionary<(string System, string Code), NomenclatureEntry> byCode;

    private Nomenclature(string version, string sha256, IReadOnlyList<NomenclatureEntry> entries)
    {
        Version = version;
        Sha256 = sha256;
        Entries = entries;
        byCode = entries.ToDictionary(e => (e.System, e.Code));
    }

    public string Version { get; }

    public string Sha256 { get; }

    public IReadOnlyList<NomenclatureEntry> Entries { get; }

    public static Nomenclature Shipped() => Parse(ShippedFile, ReferenceData.ReadText(ShippedFile));

    public static Nomenclature FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new NomenclatureException($"nomenclature introuvable : {path}");
        }

        return Parse(Path.GetFileName(path), File.ReadAllText(path, Encoding.UTF8));
    }

    public static string SystemOf(Source source) => source switch
    {
        Source.Police or Source.Justice => "NATINF",
        Source.Ase => "ASE",
        Source.Sante => "SANTE",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    /// <summary>The codes ingestion keeps lines of: exactly those <see cref="Find"/> finds.</summary>
    public ExtractScope Scope() => new(
        Entries.Where(e => e.System == "NATINF").Select(e => long.Parse(e.Code, CultureInfo.InvariantCulture)),
        Entries.Where(e => e.System == "ASE").Select(e => e.Code),
        Entries.Where(e => e.System == "SANTE").Select(e => e.Code));

    public NomenclatureEntry? Find(Source source, string code) =>
        byCode.TryGetValue((SystemOf(source), code), out var e) ? e : null;

    /// <summary>
    /// A category of a source exists in a year when at least one of the source's codes mapped to it is valid
    /// during that year; otherwise it is "not available" (<c>x</c>), never zero. <c>ESM</c> exists when one of its forms does.
    /// </summary>
    public bool IsAvailable(Source source, string category, int year)
    {
        if (category == Category.All)
        {
            return Category.Forms.Any(f => IsAvailable(source, f, year));
        }

        var system = SystemOf(source);
        return Entries.Any(e => e.System == system && e.Category == category && e.IsValidDuring(year));
    }

    private static Nomenclature Parse(string fileName, string text)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var version = fileName.StartsWith("nomenclature-", StringComparison.Ordinal) && fileName.EndsWith(".csv", StringComparison.Ordinal)
            ? fileName["nomenclature-".Length..^4]
            : $"{fileName} (sha256 {sha[..12]})";
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var header = lines[0].TrimStart('\uFEFF').Split(';');
        string[] expected = ["systeme", "code", "categorie", "mineur_requis", "valide_du", "valide_au", "libelle"];
        if (!header.SequenceEqual(expected))
        {
            throw new NomenclatureException($"{fileName}, ligne 1 : en-tête attendu « {string.Join(';', expected)} »");
        }

        var entries = new List<NomenclatureEntry>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            entries.Add(ParseLine(fileName, i + 1, lines[i].Split(';', 7)));
        }

        if (entries.Count == 0)
        {
            // A header alone would map no code: every line of every extract out of scope, and every figure 0 or x.
            throw new NomenclatureException($"{fileName}, ligne 1 : nomenclature vide, l'en-tête n'est suivi d'aucune ligne de correspondance");
        }

        var duplicate = entries.GroupBy(e => (e.System, e.Code)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new NomenclatureException($"{fileName} : le code {duplicate.Key.System} {duplicate.Key.Code} est présent deux fois");
        }

        return new Nomenclature(version, sha, entries);
    }

    private static NomenclatureEntry ParseLine(string file, int line, string[] f)
    {
        string Where(string column) => $"{file}, ligne {line}, colonne {column}";
        if (f.Length != 7)
        {
            throw new NomenclatureException($"{file}, ligne {line} : 7 champs attendus");
        }

        if (f[0] is not ("NATINF" or "ASE" or "SANTE"))
        {
            throw new NomenclatureException($"{Where("systeme")} : « {f[0]} » n'est pas NATINF, ASE ou SANTE");
        }

        if (!Category.IsKnown(f[2]) || f[2] == Category.All)
        {
            throw new NomenclatureException($"{Where("categorie")} : catégorie inconnue « {f[2]} »");
        }

        var minor = f[3] switch
        {
            "O" => MinorRequirement.Under18,
            "15" => MinorRequirement.Under15,
            "N" => MinorRequirement.None,
            _ => throw new NomenclatureException($"{Where("mineur_requis")} : « {f[3]} » n'est pas O, 15 ou N"),
        };
        var code = f[0] == "NATINF"
            ? (Values.ParseNonNegative(f[1]) ?? throw new NomenclatureException($"{Where("code")} : code NATINF non entier")).ToString(CultureInfo.InvariantCulture)
            : f[1];
        DateOnly? Date(string raw, string column) => raw.Length == 0 ? null : Values.ParseDate(raw) ?? throw new NomenclatureException($"{Where(column)} : date invalide « {raw} »");
        var from = Date(f[4], "valide_du");
        var to = Date(f[5], "valide_au");
        if (from is not null && to < from)
        {
            // A code valid on no day would silently map nothing; a one-day validity (same date twice) is allowed.
            throw new NomenclatureException($"{Where("valide_au")} : période de validité vide, valide_au « {f[5]} » est antérieur à valide_du « {f[4]} »");
        }

        return new NomenclatureEntry(f[0], code, f[2], minor, from, to, f[6]);
    }
}
