using System.Globalization;
using Reporting.Publication.Pdf;
using SkiaSharp;

namespace Reporting.Publication.Html;

/// <summary>
/// The PDF's palette as CSS colours. One change for screens: the light green series colour of the PDF is darkened,
/// since every chart line must stand at 3:1 against the white page (WCAG 1.4.11).
/// </summary>
public static class SitePalette
{
    public static readonly string Ink = Hex(Palette.Ink);
    public static readonly string Muted = Hex(Palette.Muted);
    public static readonly string Heading = Hex(Palette.Heading);
    public static readonly string Rule = Hex(Palette.Rule);
    public static readonly string Paper = Hex(Palette.Paper);
    public static readonly string NotAvailable = Hex(Palette.NotAvailable);
    public static readonly string Hatch = Hex(Palette.Hatch);

    public static readonly IReadOnlyList<string> Series = [.. Palette.Series.Select((c, i) => i == 4 ? "#3f7a34" : Hex(c))];

    public static readonly IReadOnlyList<string> Sequential = [.. Palette.Sequential.Select(Hex)];

    /// <summary>The text colour on a map class: white on the two darkest classes (≥ 4.5:1 either way).</summary>
    public static string OnClass(int index) => index >= 3 ? Paper : Ink;

    private static string Hex(SKColor c) => string.Create(CultureInfo.InvariantCulture, $"#{c.Red:x2}{c.Green:x2}{c.Blue:x2}");
}
