using System.Globalization;
using Reporting.Publication.Charts;
using Reporting.Publication.Pdf;
using SkiaSharp;

namespace Reporting.Publication.Html;

/// <summary>
/// The PDF's palette as CSS colours: the same colour for the same series on paper and on screen (<see cref="Palette.For"/>).
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
    public static readonly string TileOutline = Hex(Palette.TileOutline);

    public static readonly IReadOnlyList<string> Sequential = [.. Palette.Sequential.Select(Hex)];

    /// <summary>A series' colour, by its identity (by its position when it has none).</summary>
    public static string For(SeriesKey? key, int position = 0) => Hex(Palette.For(key, position).Colour);

    /// <summary>The text colour on a map class: white on the two darkest classes (≥ 4.5:1 either way).</summary>
    public static string OnClass(int index) => index >= 3 ? Paper : Ink;

    public static string Hex(SKColor c) => string.Create(CultureInfo.InvariantCulture, $"#{c.Red:x2}{c.Green:x2}{c.Blue:x2}");
}
