using SkiaSharp;

namespace Reporting.Publication.Pdf;

/// <summary>
/// The A4 portrait page: where the running header, the content frame and the footer sit. Coordinates are
/// PDF points from the top-left corner of the page, as Skia draws.
/// </summary>
public static class PageFrame
{
    public const float Width = 595f;

    public const float Height = 842f;

    /// <summary>20 mm side margins.</summary>
    public const float SideMargin = 56.7f;

    public const float TopMargin = 64f;

    public const float BottomMargin = 60f;

    /// <summary>The rule under the running header and the baseline of its text, above the content frame.</summary>
    public const float HeaderRuleY = 42f;

    /// <summary>The rule above the footer, below the content frame.</summary>
    public const float FooterRuleY = Height - 44f;

    /// <summary>Where blocks are laid out; nothing a block draws leaves it.</summary>
    public static SKRect Content { get; } = new(SideMargin, TopMargin, Width - SideMargin, Height - BottomMargin);
}
