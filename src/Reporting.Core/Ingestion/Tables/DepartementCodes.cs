using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Reporting.Reference;

namespace Reporting.Ingestion;

/// <summary>The 101 codes, found from bytes without a string (geography.csv is ASCII).</summary>
internal sealed class DepartementCodes
{
    private static readonly ConditionalWeakTable<Geography, DepartementCodes> Cache = [];

    private readonly string[] codes;

    /// <summary>Two-character codes (all but the overseas ones) by their two bytes: index + 1, 0 for none.</summary>
    private readonly byte[] twoCharacters = new byte[1 << 16];

    /// <summary>Codes of one or three characters (the overseas ones) by their bytes.</summary>
    private readonly Dictionary<int, int> otherLengths = [];

    /// <summary>For a digit 1..9 that lost its leading zero, the index of its restored code.</summary>
    private readonly int[] restored;

    private DepartementCodes(Geography geography)
    {
        codes = [.. geography.Departements.Select(d => d.Code), .. Enumerable.Range(1, 9).Select(d => "0" + d.ToString(CultureInfo.InvariantCulture))];
        codes = codes.Distinct(StringComparer.Ordinal).ToArray();
        if (codes.Length > 250 || !codes.All(c => Ascii.IsValid(c)) || codes.Any(c => c.Length is 0 or > 3))
        {
            throw new InvalidOperationException("geography.csv: the département codes must be 1 to 3 ASCII characters.");
        }

        for (var i = 0; i < codes.Length; i++)
        {
            var c = codes[i];
            if (c.Length == 2)
            {
                twoCharacters[(c[0] << 8) | c[1]] = (byte)(i + 1);
            }
            else
            {
                otherLengths[c.Length == 1 ? c[0] : (c[0] << 16) | (c[1] << 8) | c[2]] = i;
            }
        }

        restored = Enumerable.Range(0, 10).Select(d => Array.IndexOf(codes, "0" + d.ToString(CultureInfo.InvariantCulture))).ToArray();
    }

    public static DepartementCodes For(Geography geography) => Cache.GetValue(geography, g => new DepartementCodes(g));

    public string Code(int index) => codes[index];

    /// <summary><see cref="Geography.ParseDepartement"/> on bytes: a code as listed, or one digit that lost its leading zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryFind(ReadOnlySpan<byte> raw, out int index, out bool leadingZeroRestored)
    {
        leadingZeroRestored = false;
        index = -1;
        if (raw.Length == 2)
        {
            index = twoCharacters[(raw[0] << 8) | raw[1]] - 1;
            return index >= 0;
        }

        return TryFindOther(raw, out index, out leadingZeroRestored);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryFindOther(ReadOnlySpan<byte> raw, out int index, out bool leadingZeroRestored)
    {
        leadingZeroRestored = false;
        index = -1;
        if (raw.Length == 3)
        {
            // The overseas codes (971…976): a small table of their three bytes.
            return otherLengths.TryGetValue((raw[0] << 16) | (raw[1] << 8) | raw[2], out index);
        }

        if (raw.Length != 1)
        {
            return false;
        }

        if (otherLengths.TryGetValue(raw[0], out index))
        {
            return true;
        }

        if (raw[0] is >= (byte)'1' and <= (byte)'9')
        {
            index = restored[raw[0] - '0'];
            leadingZeroRestored = true;
            return true;
        }

        return false;
    }
}
