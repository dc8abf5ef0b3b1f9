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

    /// <summary>Chart series, ordered from dark to light: each differs from its neighbours in lightness too.</summary>
    public static readonly IReadOnlyList<SKColor> Series =
    [
        new(0x00, 0x2B, 0x5C),
        new(0xC2, 0x5B, 0x1A),
        new(0x4F, 0x8F, 0xCF),
        new(0x6B, 0x6B, 0x6B),
        new(0x9B, 0xC4, 0x8E),
        new(0x99, 0x33, 0x66),
    ];

    /// <summary>Five sequential classes for maps, light to dark, evenly spaced in lightness.</summary>
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

    /// <summary>Hatching of cells hidden by the secret statistique.</summary>
    public static readonly SKColor Hatch = new(0x5A, 0x5A, 0x5A);

    public static readonly SKColor Paper = SKColors.White;
}
