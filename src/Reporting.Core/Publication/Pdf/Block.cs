using Reporting.Publication.Pdf.Tagging;
using SkiaSharp;

namespace Reporting.Publication.Pdf;

/// <summary>
/// A piece of a document. Blocks are immutable values: the composer builds a list of them, the renderer
/// measures every one into boxes, paginates, then draws.
/// </summary>
public abstract record Block
{
    /// <summary>
    /// The block cut into unbreakable boxes for a content frame of the given width; the block's structure elements
    /// are made under <paramref name="parent"/>, in reading order, and its boxes draw into them.
    /// </summary>
    internal abstract IReadOnlyList<Box> Layout(float width, StructureElement parent);
}

/// <summary>Vertical space; like every gap, it disappears at the top of a page.</summary>
public sealed record Spacer(float Height) : Block
{
    internal override IReadOnlyList<Box> Layout(float width, StructureElement parent) => [new Box(0, static (_, _) => { }) { SpaceBefore = Height }];
}

/// <summary>What follows starts on a new page.</summary>
public sealed record PageBreak : Block
{
    internal override IReadOnlyList<Box> Layout(float width, StructureElement parent) => [Box.PageBreak];
}

/// <summary>Blocks that must sit on one page together (when they fit on one page at all).</summary>
public sealed record KeepTogether(IReadOnlyList<Block> Blocks) : Block
{
    internal override IReadOnlyList<Box> Layout(float width, StructureElement parent)
    {
        var boxes = Blocks.SelectMany(b => b.Layout(width, parent)).ToList();
        for (var i = 0; i < boxes.Count - 1; i++)
        {
            boxes[i] = boxes[i] with { KeepWithNext = true };
        }

        return boxes;
    }
}

/// <summary>
/// An encadré: its blocks on a light tint with a rule down the left edge, set in from both sides. Each of its boxes paints
/// its own piece of the tint (the gap above it included), so an encadré that runs over a page break stays framed on both
/// pages; the tint and the rule are artifacts, the text keeps its structure.
/// </summary>
public sealed record Framed(IReadOnlyList<Block> Blocks) : Block
{
    private const float Inset = 8;
    private const float Padding = 6;
    private const float RuleWidth = 2.5f;

    internal override IReadOnlyList<Box> Layout(float width, StructureElement parent)
    {
        var inner = Blocks.SelectMany(b => b.Layout(width - (2 * Inset), parent)).ToArray();
        var framed = new Box[inner.Length];
        for (var i = 0; i < inner.Length; i++)
        {
            var box = inner[i];
            var top = i == 0 ? Padding : box.SpaceBefore;
            var bottom = i == inner.Length - 1 ? Padding : 0;
            framed[i] = new Box(top + box.Height + bottom, (painter, at) =>
            {
                var canvas = painter.Artifact(ArtifactKind.Layout);
                Drawing.Fill(canvas, new SKRect(at.X, at.Y, at.X + width, at.Y + top + box.Height + bottom), Palette.ZebraFill);
                Drawing.Fill(canvas, new SKRect(at.X, at.Y, at.X + RuleWidth, at.Y + top + box.Height + bottom), Palette.Accent);
                box.Draw(painter, new SKPoint(at.X + Inset, at.Y + top));
            })
            {
                SpaceBefore = i == 0 ? Math.Max(box.SpaceBefore, Typography.BlockGap) : 0,
                KeepWithNext = box.KeepWithNext,
            };
        }

        return framed;
    }
}

/// <summary>Drawing helpers shared by the blocks.</summary>
internal static class Drawing
{
    public static void Rule(SKCanvas canvas, float x0, float x1, float y, SKColor color, float thickness)
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = thickness, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawLine(x0, y, x1, y, paint);
    }

    public static void Fill(SKCanvas canvas, SKRect rect, SKColor color)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawRect(rect, paint);
    }

    /// <summary>Draws lines one under the other from <paramref name="top"/>; returns the y under the last one.</summary>
    public static float Lines(SKCanvas canvas, IReadOnlyList<TextLine> lines, float x, float top, float width, TextAlign align = TextAlign.Left)
    {
        foreach (var line in lines)
        {
            line.Draw(canvas, x, top, width, align);
            top += line.Height;
        }

        return top;
    }
}
