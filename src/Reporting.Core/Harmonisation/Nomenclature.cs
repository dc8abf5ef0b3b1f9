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
    /// <summary>
    /// <c>numerique</c> = <c>O</c>: the offence's legal qualification itself involves an electronic communications network
    /// (nomenclature.md). False in a file without the column, where <see cref="Nomenclature.FlagsDigital"/> says so.
    /// </summary>
    public bool Digital { get; init; }

    public bool IsValidOn(DateOnly date) => (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);

    public bool IsValidDuring(int year) =>
        (ValidFrom is null || ValidFrom.Value.Year <= year) && (ValidTo is null || ValidTo.Value.Year >= year);
}

/// <summary>A broken mapping file is a configuration error: it names the file and the line.</summary>
public sealed class NomenclatureException(string message) : Exception(message);

/// <summary>
/// The mapping from each source's codes to the unified categories: data, not code (nomenclature.md). The engine
/// ships version 2026-2 (2026-1 and a column <c>numerique</c>); a run may take another file, whose version is its name's
/// suffix (<c>nomenclature-&lt;version&gt;.csv</c>) or, failing that, its name and checksum. Columns are read by their
/// header's names; a file without <c>numerique</c> (2026-1) still reads, and then says nothing of the digital dimension.
/// </summary>
public sealed class Nomenclature
{
    public const string ShippedFile = "nomenclature-2026-2.csv";

    /// <summary>The previous version, shipped still: a run may name it with <c>--nomenclature</c>.</summary>
    public const string PreviousFile = "nomenclature-2026-1.csv";

    private const string DigitalColumn = "numerique";

    private static readonly string[] RequiredColumns = ["systeme", "code", "categorie", "mineur_requis", "valide_du", "valide_au", "libelle"];

    private readonly Dictionary<(string System, string Code), NomenclatureEntry> byCode;

    private Nomenclature(string version, string sha256, IReadOnlyList<NomenclatureEntry> entries, bool flagsDigital)
    {
        Version = version;
        Sha256 = sha256;
        Entries = entries;
        FlagsDigital = flagsDigital;
        byCode = entries.ToDictionary(e => (e.System, e.Code));
    }

    public string Version { get; }

    /// <summary>
    /// The file has the column <c>numerique</c>: it says which codes are digital. Without it (2026-1) the digital
    /// indicators are not available (<c>x</c>), never 0: nothing says that no code is.
    /// </summary>
    public bool FlagsDigital { get; }

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

    /// <summary>
    /// A category of a source has a digital code valid during the year (<c>ESM</c>: one of its forms has). Only NATINF
    /// codes carry the flag (the offence's qualification), so only police and justice can; false when the file does not
    /// flag codes at all (<see cref="FlagsDigital"/>).
    /// </summary>
    public bool HasDigitalCode(Source source, string category, int year)
    {
        if (category == Category.All)
        {
            return Category.Forms.Any(f => HasDigitalCode(source, f, year));
        }

        var system = SystemOf(source);
        return Entries.Any(e => e.Digital && e.System == system && e.Category == category && e.IsValidDuring(year));
    }

    private static Nomenclature Parse(string fileName, string text)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var version = fileName.StartsWith("nomenclature-", StringComparison.Ordinal) && fileName.EndsWith(".csv", StringComparison.Ordinal)
            ? fileName["nomenclature-".Length..^4]
            : $"{fileName} (sha256 {sha[..12]})";
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var header = lines[0].TrimStart('\uFEFF').Split(';');
        var columns = Columns(fileName, header);
        var entries = new List<NomenclatureEntry>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            // The last column takes the rest of the line, as the wording (last in the shipped files) always could.
            entries.Add(ParseLine(fileName, i + 1, lines[i].Split(';', header.Length), columns));
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

        return new Nomenclature(version, sha, entries, columns.ContainsKey(DigitalColumn));
    }

    /// <summary>
    /// Each column's position, by its header's name: the seven of 2026-1 are required, <c>numerique</c> is optional, any
    /// other name is refused (a misspelt <c>numerique</c> would otherwise silently make the digital figures <c>x</c>).
    /// </summary>
    private static Dictionary<string, int> Columns(string fileName, string[] header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var expected = $"{string.Join(';', RequiredColumns)}, et facultativement {DigitalColumn}";
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().ToLowerInvariant();
            if (!RequiredColumns.Contains(name) && name != DigitalColumn)
            {
                throw new NomenclatureException($"{fileName}, ligne 1 : colonne inconnue « {header[i]} » (colonnes attendues : {expected})");
            }

            if (!columns.TryAdd(name, i))
            {
                throw new NomenclatureException($"{fileName}, ligne 1 : colonne « {name} » présente deux fois");
            }
        }

        var missing = RequiredColumns.FirstOrDefault(c => !columns.ContainsKey(c));
        if (missing is not null)
        {
            throw new NomenclatureException($"{fileName}, ligne 1 : colonne « {missing} » absente (colonnes attendues : {expected})");
        }

        return columns;
    }

    private static NomenclatureEntry ParseLine(string file, int line, string[] fields, Dictionary<string, int> columns)
    {
        string Where(string column) => $"{file}, ligne {line}, colonne {column}";
        if (fields.Length != columns.Count)
        {
            throw new NomenclatureException($"{file}, ligne {line} : {columns.Count} champs attendus");
        }

        string[] f = [.. RequiredColumns.Select(c => fields[columns[c]])];

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

        var digital = columns.TryGetValue(DigitalColumn, out var d) && fields[d] switch
        {
            "O" when f[0] == "NATINF" => true,
            "O" => throw new NomenclatureException($"{Where(DigitalColumn)} : « O » réservé aux codes NATINF, dont la qualification pénale peut viser un réseau de communications électroniques"),
            "N" => false,
            "" => throw new NomenclatureException($"{Where(DigitalColumn)} : valeur vide, O ou N attendu"),
            var other => throw new NomenclatureException($"{Where(DigitalColumn)} : « {other} » n'est pas O ou N"),
        };
        return new NomenclatureEntry(f[0], code, f[2], minor, from, to, f[6]) { Digital = digital };
    }
}
