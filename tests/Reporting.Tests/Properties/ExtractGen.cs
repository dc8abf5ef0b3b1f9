using System.Globalization;
using System.Text;
using CsCheck;

namespace Reporting.Tests.Properties;

/// <summary>One generated input: a file under the name the engine reads it by, and how it is read.</summary>
public sealed record ExtractCase(string FileName, byte[] Content, int BlockSize, int Threads, IReadOnlyList<string> Mutations)
{
    /// <summary>What a failing case prints: enough to write it again as a hand-made fixture.</summary>
    public override string ToString()
    {
        var text = Encoding.Latin1.GetString(Content);
        var shown = new StringBuilder();
        foreach (var c in text.Length > 3000 ? text[..3000] + "…" : text)
        {
            shown.Append(c switch { '\r' => "\\r", '\n' => "\\n\n", < ' ' or > '~' => $"\\x{(int)c:X2}", _ => c.ToString() });
        }

        return $"{FileName}, block size {BlockSize}, {Threads} thread(s), mutations [{string.Join(", ", Mutations)}]\n{shown}";
    }
}

/// <summary>
/// Valid extract lines made at random, then mutated the ways broken exports break: quotes and delimiters inserted or
/// deleted, line ends anywhere, a byte-order mark in the middle, bytes that are not UTF-8, huge integers, linkage keys in
/// any column, truncation, the empty file.
/// </summary>
public static class ExtractGen
{
    public const string PoliceHeader = "id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage";
    public const string JusticeHeader = "id_affaire;id_personne;date_decision;departement;natinf;etape;peine;quantum_mois;victime_mineure;sexe;age";
    public const string PopulationHeader = "annee;departement;population_0_17";

    private static readonly string[] Departements = ["75", "2A", "971", "6", "13", "59"];
    private static readonly string[] Natinf = ["23364", "7261", "23338", "12345", "27349"];
    private static readonly string[] Sexes = ["F", "M", "I", ""];

    public static readonly Gen<string> Key = Gen.ULong.Array[4].Select(parts => string.Concat(parts.Select(p => p.ToString("x16", CultureInfo.InvariantCulture))));

    private static readonly Gen<string> Date = Gen.Select(Gen.Int[1, 12], Gen.Int[1, 28], Gen.Bool, (m, d, iso) =>
        iso ? $"2025-{m:00}-{d:00}" : $"{d:00}/{m:00}/2025");

    private static readonly Gen<string> Age = Gen.Int[-1, 120].Select(a => a < 0 ? string.Empty : a.ToString(CultureInfo.InvariantCulture));

    private static readonly Gen<string> PoliceLine = Gen.Select(Gen.Int[1, 50], Gen.Int[0, 5], Date, Gen.Int[0, 4], Gen.Int[0, 3], Age, Gen.Bool, Key)
        .Select(t => string.Join(';', $"P{t.Item1}", $"V{t.Item1}", t.Item2 % 2 == 0 ? "PN" : "GN", t.Item2 > 3 ? string.Empty : t.Item3, t.Item3, Natinf[t.Item4], Departements[t.Item2], Sexes[t.Item5], t.Item6, t.Item7 ? t.Item8 : string.Empty));

    private static readonly Gen<string> JusticeLine = Gen.Select(Gen.Int[1, 50], Date, Gen.Int[0, 4], Gen.Int[0, 5], Gen.Int[0, 400], Gen.Int[0, 3], Age)
        .Select(t =>
        {
            var (step, sentence, quantum) = t.Item4 switch
            {
                0 => ("CONDAMNATION", "EMPRISONNEMENT_FERME", t.Item5.ToString(CultureInfo.InvariantCulture)),
                1 => ("CONDAMNATION", "AMENDE", string.Empty),
                2 => ("POURSUITE", string.Empty, string.Empty),
                3 => ("CLASSEMENT", string.Empty, string.Empty),
                _ => ("RELAXE", string.Empty, string.Empty),
            };
            return string.Join(';', $"A{t.Item1}", $"J{t.Item1}", t.Item2, Departements[t.Item6], Natinf[t.Item3], step, sentence, quantum, t.Item6 == 0 ? string.Empty : t.Item6 == 1 ? "N" : "O", Sexes[t.Item6], t.Item7);
        });

    private static readonly Gen<string> PopulationLine = Gen.Select(Gen.Int[2016, 2025], Gen.Int[0, 5], Gen.Int[0, 900_000])
        .Select((year, d, n) => string.Join(';', year.ToString(CultureInfo.InvariantCulture), Departements[d], n.ToString(CultureInfo.InvariantCulture)));

    private static readonly Gen<(string Name, string Header, string[] Lines)> Valid = Gen.Int[0, 2].SelectMany(kind => kind switch
    {
        0 => PoliceLine.Array[0, 40].Select(l => ("police_2025.csv", PoliceHeader, l)),
        1 => JusticeLine.Array[0, 40].Select(l => ("justice_2025.csv", JusticeHeader, l)),
        _ => PopulationLine.Array[0, 40].Select(l => ("population.csv", PopulationHeader, l)),
    });

    /// <summary>One mutation: its kind, where (a fraction of the file) and a payload.</summary>
    private static readonly Gen<(int Kind, double Where, string Key)> Mutation = Gen.Select(Gen.Int[0, 11], Gen.Double[0, 1], Key);

    public static readonly Gen<ExtractCase> Case = Gen.Select(Valid, Gen.Int[0, 2], Gen.Bool, Mutation.Array[0, 6], Gen.Int[0, 3], Gen.Int[1, 2])
        .Select(t =>
        {
            var (name, header, lines) = t.Item1;
            var end = t.Item2 switch { 0 => "\n", 1 => "\r\n", _ => "\r" };
            var text = header + end + string.Join(end, lines) + (lines.Length > 0 ? end : string.Empty);
            var bytes = (t.Item3 ? "\uFEFF"u8.ToArray() : []).Concat(Encoding.UTF8.GetBytes(text)).ToList();
            var applied = new List<string>();
            foreach (var (kind, where, key) in t.Item4)
            {
                applied.Add(Mutate(bytes, kind, where, key));
            }

            var blockSize = t.Item5 switch { 0 => 0, 1 => 16, 2 => 64, _ => 257 };
            return new ExtractCase(name, [.. bytes], blockSize, t.Item6, applied);
        });

    private static string Mutate(List<byte> bytes, int kind, double where, string key)
    {
        var at = (int)(where * bytes.Count);
        void Insert(ReadOnlySpan<byte> b) => bytes.InsertRange(at, b.ToArray());
        switch (kind)
        {
            case 0:
                Insert("\""u8);
                return $"quote at {at}";
            case 1:
                if (bytes.Count > 0 && at < bytes.Count)
                {
                    bytes.RemoveAt(at);
                }

                return $"byte deleted at {at}";
            case 2:
                Insert(";"u8);
                return $"delimiter at {at}";
            case 3:
                Insert(where < 0.3 ? "\r"u8 : where < 0.6 ? "\n"u8 : "\r\n"u8);
                return $"line end at {at}";
            case 4:
                Insert("\uFEFF"u8);
                return $"byte-order mark at {at}";
            case 5:
                Insert(where < 0.5 ? [0xFF] : [0xC3]);
                return $"invalid UTF-8 at {at}";
            case 6:
                Insert("99999999999999999999"u8);
                return $"huge integer at {at}";
            case 7:
                Insert("2147483648"u8);
                return $"2^31 at {at}";
            case 8:
            case 9:
                // A key where a value starts: after a delimiter, or at a line's start.
                at = at == 0 ? 0 : bytes.FindLastIndex(Math.Min(at, bytes.Count) - 1, b => b is (byte)';' or (byte)'\n') + 1;
                Insert(Encoding.ASCII.GetBytes(key));
                return $"key at {at}";
            case 10:
                bytes.RemoveRange(at, bytes.Count - at);
                return $"truncated at {at}";
            default:
                if (where < 0.2)
                {
                    bytes.Clear();
                    return "emptied";
                }

                Insert("\"\""u8);
                return $"doubled quote at {at}";
        }
    }
}
