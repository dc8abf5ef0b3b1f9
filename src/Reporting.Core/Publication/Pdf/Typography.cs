using SkiaSharp;

namespace Reporting.Publication.Pdf;

/// <summary>A face, a size and a colour, with the line height (points) that text set in it takes.</summary>
public sealed record TextStyle(FontFace Face, float Size, SKColor Color, float LineHeight)
{
    public TextStyle WithFace(FontFace face) => this with { Face = face };
}

/// <summary>Every text style of a publication, in one place. Sizes are in points.</summary>
public static class Typography
{
    public static readonly TextStyle Body = new(FontFace.Regular, 9.5f, Palette.Ink, 13.5f);

    public static readonly TextStyle Heading1 = new(FontFace.Bold, 15f, Palette.Heading, 19f);

    public static readonly TextStyle Heading2 = new(FontFace.Bold, 12f, Palette.Heading, 16f);

    public static readonly TextStyle Heading3 = new(FontFace.Bold, 10f, Palette.Ink, 14f);

    public static readonly TextStyle Title = new(FontFace.Bold, 22f, Palette.Heading, 27f);

    public static readonly TextStyle Subtitle = new(FontFace.Regular, 13f, Palette.Accent, 17f);

    /// <summary>Figure and table titles ("Figure 1 – …").</summary>
    public static readonly TextStyle Caption = new(FontFace.Bold, 9f, Palette.Heading, 12.5f);

    /// <summary>Source and note lines under figures and tables.</summary>
    public static readonly TextStyle Source = new(FontFace.Italic, 7.5f, Palette.Muted, 10f);

    public static readonly TextStyle TableHeader = new(FontFace.Bold, 8f, Palette.Heading, 10.5f);

    public static readonly TextStyle TableCell = new(FontFace.Regular, 8f, Palette.Ink, 10.5f);

    public static readonly TextStyle KeyFigureValue = new(FontFace.Bold, 20f, Palette.Heading, 24f);

    public static readonly TextStyle KeyFigureLabel = new(FontFace.Regular, 8f, Palette.Ink, 10.5f);

    public static readonly TextStyle RunningText = new(FontFace.Regular, 7.5f, Palette.Muted, 10f);

    /// <summary>Chart text (axes, legends, tile labels).</summary>
    public static readonly TextStyle Chart = new(FontFace.Regular, 7.5f, Palette.Ink, 10f);

    /// <summary>Vertical space between blocks (points).</summary>
    public const float BlockGap = 7f;

    public static TextStyle Heading(int level) => level switch
    {
        1 => Heading1,
        2 => Heading2,
        3 => Heading3,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Headings have levels 1 to 3."),
    };
}
