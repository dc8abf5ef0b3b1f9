using System.Globalization;

namespace Reporting.Publication.Charts;

/// <summary>
/// Axis tick labels in French typography (narrow no-break space between thousands, decimal comma, true minus).
/// Only ticks are formatted here: every published figure arrives already formatted from the composer.
/// </summary>
public static class ChartNumbers
{
    private static readonly NumberFormatInfo French = new()
    {
        NumberGroupSeparator = "\u202F",
        NumberDecimalSeparator = ",",
        NegativeSign = Narrative.FrenchFormat.Minus,
    };

    public static string Tick(double value) =>
        Math.Abs(value) < 1e-9 ? "0" : value.ToString("#,0.##", French);

    /// <summary>Years are printed bare ("2016"), never grouped.</summary>
    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
