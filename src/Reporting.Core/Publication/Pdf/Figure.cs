using SkiaSharp;

namespace Reporting.Publication.Pdf;

/// <summary>
/// A figure: its numbered title above (the caller's text, "Figure 1 – …"), a drawing into a rectangle of
/// the frame's width and the given height, and its source and note under it. The whole figure is one box,
/// so that the drawing never parts from its title or its source.
/// </summary>
/// <param name="Draw">Draws the figure into the rectangle (page coordinates); charts pass their <c>Draw</c> method.</param>
public sealed record Figure(string Title, float Height, Action<SKCanvas, SKRect> Draw, string? Source = null, string? Note = null) : Block
{
    private const float Gap = 4f;

    internal override IReadOnlyList<Box> Layout(float width)
    {
        if (Height <= 0 || Height > PageFrame.Content.Height / 1.2f)
        {
            throw new ArgumentOutOfRangeException(nameof(Height), Height, $"Figure \"{Title}\": its drawing must be taller than 0 and fit a page with its captions.");
        }

        var title = TextLayout.Wrap(Title, Typography.Caption, width);
        var notes = new[] { Source, Note }
            .Where(t => t is not null)
            .SelectMany(t => TextLayout.Wrap(t!, Typography.Source, width))
            .ToArray();
        var titleHeight = title.Sum(l => l.Height);
        var height = titleHeight + Gap + Height + (notes.Length > 0 ? Gap + notes.Sum(l => l.Height) : 0);
        return
        [
            new Box(height, (canvas, at) =>
            {
                var y = Drawing.Lines(canvas, title, at.X, at.Y, width);
                var area = new SKRect(at.X, y + Gap, at.X + width, y + Gap + Height);

                // The drawing gets its own state and is clipped, so that a chart never spills over the text.
                canvas.Save();
                canvas.ClipRect(area);
                Draw(canvas, area);
                canvas.Restore();
                Drawing.Lines(canvas, notes, at.X, area.Bottom + Gap, width);
            })
            {
                SpaceBefore = Typography.BlockGap + 3,
            },
        ];
    }
}

/// <summary>A key figure: the number as the caller formatted it, and what it counts.</summary>
public sealed record KeyFigure(string Value, string Label);

/// <summary>Key figures side by side in tinted boxes of equal width, as on a bulletin's first page.</summary>
public sealed record KeyFigureRow(IReadOnlyList<KeyFigure> Figures) : Block
{
    private const float Gap = 8f;
    private const float Pad = 8f;
    private const float Bar = 3f;

    internal override IReadOnlyList<Box> Layout(float width)
    {
        if (Figures.Count == 0)
        {
            return [];
        }

        var boxWidth = (width - (Gap * (Figures.Count - 1))) / Figures.Count;
        var inner = boxWidth - Bar - (2 * Pad);
        var laid = Figures
            .Select(f => (Value: TextLayout.Wrap(f.Value, Typography.KeyFigureValue, inner), Label: TextLayout.Wrap(f.Label, Typography.KeyFigureLabel, inner)))
            .ToArray();
        var height = laid.Max(f => f.Value.Sum(l => l.Height) + 2 + f.Label.Sum(l => l.Height)) + (2 * Pad);
        return
        [
            new Box(height, (canvas, at) =>
            {
                for (var i = 0; i < laid.Length; i++)
                {
                    var x = at.X + (i * (boxWidth + Gap));
                    Drawing.Fill(canvas, new SKRect(x, at.Y, x + boxWidth, at.Y + height), Palette.HeaderFill);
                    Drawing.Fill(canvas, new SKRect(x, at.Y, x + Bar, at.Y + height), Palette.Accent);
                    var y = Drawing.Lines(canvas, laid[i].Value, x + Bar + Pad, at.Y + Pad, inner);
                    Drawing.Lines(canvas, laid[i].Label, x + Bar + Pad, y + 2, inner);
                }
            })
            {
                SpaceBefore = Typography.BlockGap + 2,
            },
        ];
    }
}
