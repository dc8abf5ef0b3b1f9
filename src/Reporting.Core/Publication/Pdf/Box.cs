using Reporting.Publication.Pdf.Tagging;
using SkiaSharp;

namespace Reporting.Publication.Pdf;

/// <summary>
/// The unit of pagination: a measured, unbreakable piece of a block (a line of a paragraph, a table row,
/// a whole figure with its caption). Blocks turn into boxes once, before any page exists, which is what
/// lets the footer know the page count.
/// </summary>
/// <param name="Height">The box's own height in points.</param>
/// <param name="Draw">Draws the box with its top-left corner at the given point of the content frame, each piece into
/// the structure element it belongs to, or as an artifact.</param>
internal sealed record Box(float Height, Action<PagePainter, SKPoint> Draw)
{
    /// <summary>Space above the box, dropped when the box opens a page.</summary>
    public float SpaceBefore { get; init; }

    /// <summary>The box must sit on the same page as the next one (a heading, a table title, a paragraph's first line).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>Drawn first when the box opens a page: a table's header row above its continued rows.</summary>
    public Box? RepeatedHeader { get; init; }

    /// <summary>The box starts a new page (an explicit page break).</summary>
    public bool BreakBefore { get; init; }

    public static Box PageBreak { get; } = new(0, static (_, _) => { }) { BreakBefore = true };

    /// <summary>
    /// Boxes from text lines, with orphan and widow control: the first two and last two lines stay together. Each line
    /// is content of <paramref name="element"/>.
    /// </summary>
    public static IReadOnlyList<Box> FromLines(IReadOnlyList<TextLine> lines, float width, TextAlign align, StructureElement element, float indent = 0, float spaceBefore = Typography.BlockGap)
    {
        var boxes = new Box[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            boxes[i] = new Box(line.Height, (painter, at) => line.Draw(painter.Content(element, at.Y), at.X + indent, at.Y, width - indent, align))
            {
                SpaceBefore = i == 0 ? spaceBefore : 0,
                KeepWithNext = lines.Count > 1 && (i == 0 || i == lines.Count - 2),
            };
        }

        return boxes;
    }
}
