using Reporting.Publication.Charts;
using SkiaSharp;

namespace Reporting.Publication.Pdf;

/// <summary>
/// Every colour a publication uses, in one place: a sober ministry-bulletin look (dark blue headings,
/// grey rules) whose tones also differ in lightness, so that a greyscale print keeps every distinction.
/// </summary>
public static class Palette
{
    /// <summary>Body text: a very dark grey, softer than black on paper.</summary>
    public static readonly SKColor Ink = new(0x1E, 0x1E, 0x1E);

    /// <summary>Secondary text: sources, notes, running header and footer.</summary>
    public static readonly SKColor Muted = new(0x5A, 0x5A, 0x5A);

    /// <summary>Headings, key figures, table header text.</summary>
    public static readonly SKColor Heading = new(0x00, 0x2B, 0x5C);

    /// <summary>Accent lines (heading rule, key-figure bar).</summary>
    public static readonly SKColor Accent = new(0x2F, 0x5D, 0x9A);

    /// <summary>Thin rules (header, footer, table lines).</summary>
    public static readonly SKColor Rule = new(0xA6, 0xA6, 0xA6);

    /// <summary>Light fills: table header, key-figure boxes.</summary>
    public static readonly SKColor HeaderFill = new(0xE3, 0xE9, 0xF1);

    /// <summary>Every other table row when zebra striping is asked for.</summary>
    public static readonly SKColor ZebraFill = new(0xF3, 0xF5, 0xF8);

    /// <summary>
    /// The total (all categories, all sources, France): the darkest colour, the heaviest solid line, a filled circle.
    /// Every other series is lighter and thinner, yet at 3:1 or more against the paper (WCAG 1.4.11).
    /// </summary>
    public static readonly SeriesStyle Total = new(new(0x00, 0x2B, 0x5C), SeriesWeight.Emphasised, SeriesDash.Solid, SeriesMarker.Circle);

    /// <summary>
    /// The other series' styles, from Okabe and Ito's colour-blind-safe set (vermillion, blue, bluish green, reddish purple,
    /// the last darkened from #CC79A7, 3.1:1, to 4.9:1 against white); each has its own dash and marker as well, so that a
    /// reader who cannot tell the colours apart, or a greyscale print, still can.
    /// </summary>
    public static readonly IReadOnlyList<SeriesStyle> Styles =
    [
        new(new(0xD5, 0x5E, 0x00), SeriesWeight.Regular, SeriesDash.Dashed, SeriesMarker.Square),
        new(new(0x00, 0x72, 0xB2), SeriesWeight.Regular, SeriesDash.Dotted, SeriesMarker.Triangle),
        new(new(0x00, 0x9E, 0x73), SeriesWeight.Regular, SeriesDash.DashDot, SeriesMarker.Diamond),
        new(new(0xB0, 0x50, 0x7F), SeriesWeight.Regular, SeriesDash.LongDash, SeriesMarker.OpenCircle),
    ];

    /// <summary>
    /// The one mapping from what a series is to how it is drawn, for every chart of the report, the sheets and the web
    /// edition. Within a kind (categories, sources, groups, territories) each identity has its own style; kinds never
    /// share a chart, so they reuse the same four.
    /// </summary>
    private static readonly Dictionary<SeriesKey, SeriesStyle> ByKey = new()
    {
        [SeriesKey.Total] = Total,
        [SeriesKey.Category(Harmonisation.Category.Prostitution)] = Styles[0],
        [SeriesKey.Category(Harmonisation.Category.Pimping)] = Styles[1],
        [SeriesKey.Category(Harmonisation.Category.Trafficking)] = Styles[2],
        [SeriesKey.Category(Harmonisation.Category.Other)] = Styles[3],
        [SeriesKey.Source("ase")] = Styles[0],
        [SeriesKey.Source("police")] = Styles[1],
        [SeriesKey.Source("sante")] = Styles[2],
        [SeriesKey.Source("justice")] = Styles[3],
        [SeriesKey.Girls] = Styles[0],
        [SeriesKey.Under15] = Styles[1],
        [SeriesKey.Departement] = Styles[0],
        [SeriesKey.Region] = Styles[2],
        [SeriesKey.Step(Indicators.IndicatorCodes.Authors)] = Styles[3],
        [SeriesKey.Step(Indicators.IndicatorCodes.Dismissed)] = Styles[0],
        [SeriesKey.Step(Indicators.IndicatorCodes.Prosecuted)] = Styles[1],
        [SeriesKey.Step(Indicators.IndicatorCodes.Convicted)] = Styles[2],
    };

    /// <summary>The identities that have a style, for the tests that check them all.</summary>
    public static IReadOnlyCollection<SeriesKey> StyledKeys => ByKey.Keys;

    /// <summary>
    /// The style of a series: by its identity; a series without one (an ad-hoc chart) by its position among the chart's
    /// series. An identity without a style is a bug of the composer, not something to guess.
    /// </summary>
    public static SeriesStyle For(SeriesKey? key, int position = 0) =>
        key is null ? Styles[position % Styles.Count]
        : ByKey.TryGetValue(key, out var style) ? style
        : throw new ArgumentOutOfRangeException(nameof(key), key, "Aucun style de série pour cette identité : ajoutez-la à Palette.ByKey.");

    /// <summary>
    /// Five sequential classes for maps, light to dark in one hue, evenly spaced in lightness (readable whatever the
    /// reader's colour vision). The three lightest stand under 3:1 against the paper: every tile and swatch is outlined in
    /// <see cref="TileOutline"/>, which carries the contrast (WCAG 1.4.11 lets the boundary do it).
    /// </summary>
    public static readonly IReadOnlyList<SKColor> Sequential =
    [
        new(0xE8, 0xEF, 0xF7),
        new(0xB4, 0xC9, 0xE3),
        new(0x75, 0x9C, 0xCB),
        new(0x35, 0x66, 0xA6),
        new(0x0B, 0x2F, 0x66),
    ];

    /// <summary>Cells whose figure is not available.</summary>
    public static readonly SKColor NotAvailable = new(0xDA, 0xDA, 0xDA);

    /// <summary>The outline of every map tile and legend swatch (6.9:1 against the paper).</summary>
    public static readonly SKColor TileOutline = new(0x5A, 0x5A, 0x5A);

    /// <summary>Hatching of cells hidden by the secret statistique.</summary>
    public static readonly SKColor Hatch = new(0x5A, 0x5A, 0x5A);

    public static readonly SKColor Paper = SKColors.White;
}

public enum SeriesWeight
{
    Regular,

    /// <summary>The total: the heaviest stroke of the chart.</summary>
    Emphasised,
}

public enum SeriesDash
{
    Solid,
    Dashed,
    Dotted,
    DashDot,
    LongDash,
}

public enum SeriesMarker
{
    Circle,
    Square,
    Triangle,
    Diamond,
    OpenCircle,
}

/// <summary>How one series is drawn, in print and on screen alike.</summary>
public sealed record SeriesStyle(SKColor Colour, SeriesWeight Weight, SeriesDash Dash, SeriesMarker Marker)
{
    public bool Emphasised => Weight == SeriesWeight.Emphasised;

    /// <summary>The line's width in points on the PDF page.</summary>
    public float LineWidth => Emphasised ? 2.6f : 1.3f;

    /// <summary>The marker's size in points on the PDF page.</summary>
    public float MarkerSize => Emphasised ? 6f : 5f;

    /// <summary>The dash pattern, alternately drawn and blank lengths in points (empty: solid).</summary>
    public IReadOnlyList<float> DashIntervals => Dash switch
    {
        SeriesDash.Dashed => [5f, 2.5f],
        SeriesDash.Dotted => [1.3f, 2f],
        SeriesDash.DashDot => [6f, 2f, 1.3f, 2f],
        SeriesDash.LongDash => [10f, 3f],
        _ => [],
    };
}
