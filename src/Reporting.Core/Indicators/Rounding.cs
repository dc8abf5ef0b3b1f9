namespace Reporting.Indicators;

/// <summary>The one rounding rule of the publications: 1 decimal, half away from zero (outputs.md).</summary>
public static class Rounding
{
    public static decimal OneDecimal(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    public static decimal Percent(long part, long whole) => OneDecimal(part * 100m / whole);

    public static decimal Per100k(long count, long population) => OneDecimal(count * 100_000m / population);
}
