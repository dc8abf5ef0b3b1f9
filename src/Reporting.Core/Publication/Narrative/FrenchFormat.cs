using System.Globalization;
using System.Text;

namespace Reporting.Publication.Narrative;

/// <summary>
/// French typography for the published text (publication.md): thousands separated by a narrow no-break space
/// (<c>2 143</c>), decimal comma, <c>%</c> after a no-break space, dates <c>14 avril 2026</c>. Built by hand rather than
/// from a culture, so that the output never depends on the machine's ICU data.
/// </summary>
public static class FrenchFormat
{
    public const char NarrowNoBreakSpace = '\u202F';
    public const char NoBreakSpace = '\u00A0';

    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    public static string Integer(decimal value) => Group(Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture));

    /// <summary>One decimal, decimal comma, grouped thousands: <c>1 234,5</c>.</summary>
    public static string Decimal(decimal value, int decimals = 1)
    {
        var text = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? Group(text) : Group(text[..dot]) + "," + text[(dot + 1)..];
    }

    public static string Percent(decimal value) => Decimal(value) + NoBreakSpace + "%";

    /// <summary>
    /// The minus sign U+2212 of French typography (« −3,1 % »), never the hyphen. Noto Sans has no such glyph: the
    /// shipped subsets carry one drawn from each face's plus sign (<c>tools/subset-fonts.sh</c>), and a test checks
    /// that every printed character has a glyph.
    /// </summary>
    public const string Minus = "\u2212";

    /// <summary>A signed change in percent: <c>+8,2 %</c>, <c>−3,1 %</c>.</summary>
    public static string SignedPercent(decimal value) => (value > 0 ? "+" : value < 0 ? Minus : string.Empty) + Percent(Math.Abs(value));

    /// <summary>An axis tick: up to two decimals, none when whole (<c>1 500</c>, <c>2,5</c>), and a bare zero.</summary>
    public static string Tick(double value)
    {
        if (Math.Abs(value) < 1e-9)
        {
            return "0";
        }

        var rounded = Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);
        return rounded == decimal.Truncate(rounded) ? Integer(rounded) : Decimal(rounded, rounded * 10 == decimal.Truncate(rounded * 10) ? 1 : 2);
    }

    /// <summary>A value rounded to a number of significant digits, half away from zero: 6 852 → 6 900, 564 → 560.</summary>
    public static decimal Significant(decimal value, int digits)
    {
        if (value == 0)
        {
            return 0;
        }

        var magnitude = (int)Math.Floor(Math.Log10((double)Math.Abs(value)));
        var scale = digits - 1 - magnitude;
        if (scale >= 0)
        {
            return Math.Round(value, Math.Min(scale, 28), MidpointRounding.AwayFromZero);
        }

        var factor = (decimal)Math.Pow(10, -scale);
        return Math.Round(value / factor, MidpointRounding.AwayFromZero) * factor;
    }

    /// <summary>Years are printed bare (<c>2016</c>), never grouped.</summary>
    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{(date.Day == 1 ? "1ᵉʳ" : date.Day.ToString(CultureInfo.InvariantCulture))} {Months[date.Month - 1]} {date.Year}");

    /// <summary>Groups of three digits from 1 000 on, as publication.md writes <c>2 143</c>.</summary>
    private static string Group(string digits)
    {
        var negative = digits.StartsWith('-');
        var d = negative ? digits[1..] : digits;
        var sb = new StringBuilder(negative ? Minus : string.Empty);
        for (var i = 0; i < d.Length; i++)
        {
            if (i > 0 && (d.Length - i) % 3 == 0)
            {
                sb.Append(NarrowNoBreakSpace);
            }

            sb.Append(d[i]);
        }

        return sb.ToString();
    }
}
