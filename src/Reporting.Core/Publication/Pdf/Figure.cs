using Reporting.Publication.Pdf.Tagging;
using SkiaSharp;

namespace Reporting.Publication.Pdf;

/// <summary>
/// A figure: its numbered title above (the caller's text, "Figure 1 – …"), a drawing into a rectangle of
/// the frame's width and the given height, and its source and note under it. The whole figure is one box,
/// so that the drawing never parts from its title or its source. In the structure tree it is a division holding its
/// caption, the figure itself with its alternative text, its source and its note.
/// </summary>
/// <param name="Draw">Draws the figure into the rectangle (page coordinates); charts pass their <c>Draw</c> method.</param>
/// <param name="Alt">What the figure shows, in words, for a reader who cannot see it; the title when not given.</param>
public sealed record Figure(string Title, float Height, Action<SKCanvas, SKRect> Draw, string? Source = null, string? Note = null, string? Alt = null) : Block
{
    private const float Gap = 4f;

    internal override IReadOnlyList<Box> Layout(float width, StructureElement parent)
    {
        if (Height <= 0 || Height > PageFrame.Content.Height / 1.2f)
        {
            throw new ArgumentOutOfRangeException(nameof(Height), Height, $"Figure \"{Title}\": its drawing must be taller than 0 and fit a page with its captions.");
        }

        var title = TextLayout.Wrap(Title, Typography.Caption, width);
        // A note of several lines (Champ, Lecture, Note…) is one structure element per line.
        var notes = new[] { (Text: Source, Role: Roles.Paragraph) }.Concat((Note?.Split('\n') ?? []).Select(n => (Text: (string?)n, Role: Roles.Note)))
            .Where(t => t.Text is not null)
            .Select(t => (Lines: TextLayout.Wrap(t.Text!, Typography.Source, width), t.Role))
            .ToArray();
        var titleHeight = title.Sum(l => l.Height);
        var height = titleHeight + Gap + Height + (notes.Length > 0 ? Gap + notes.Sum(n => n.Lines.Sum(l => l.Height)) : 0);
        var division = parent.Add(Roles.Division);
        var caption = division.Add(Roles.Caption);
        var figure = new StructureElement(Roles.Figure, division) { Alt = string.IsNullOrWhiteSpace(Alt) ? Title : Alt };
        var noteElements = notes.Select(n => division.Add(n.Role)).ToArray();
        return
        [
            new Box(height, (painter, at) =>
            {
                var y = Drawing.Lines(painter.Content(caption, at.Y), title, at.X, at.Y, width);
                var area = new SKRect(at.X, y + Gap, at.X + width, y + Gap + Height);

                // The drawing gets its own state and is clipped, so that a chart never spills over the text.
                var canvas = painter.Content(figure, area.Top);
                canvas.Save();
                canvas.ClipRect(area);
                Draw(canvas, area);
                canvas.Restore();
                y = area.Bottom + Gap;
                for (var i = 0; i < notes.Length; i++)
                {
                    y = Drawing.Lines(painter.Content(noteElements[i], y), notes[i].Lines, at.X, y, width);
                }
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

    internal override IReadOnlyList<Box> Layout(float width, StructureElement parent)
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

        // Structured text: a list of key figures, each item its value then what it counts.
        var list = parent.Add(Roles.List);
        var items = Figures.Select(_ => list.Add(Roles.ListItem).Add(Roles.ListBody)).Select(body => (Value: body.Add(Roles.Paragraph), Label: body.Add(Roles.Paragraph))).ToArray();
        return
        [
            new Box(height, (painter, at) =>
            {
                var background = painter.Artifact(ArtifactKind.Background);
                for (var i = 0; i < laid.Length; i++)
                {
                    var x = at.X + (i * (boxWidth + Gap));
                    Drawing.Fill(background, new SKRect(x, at.Y, x + boxWidth, at.Y + height), Palette.HeaderFill);
                    Drawing.Fill(background, new SKRect(x, at.Y, x + Bar, at.Y + height), Palette.Accent);
                }

                for (var i = 0; i < laid.Length; i++)
                {
                    var x = at.X + (i * (boxWidth + Gap)) + Bar + Pad;
                    var y = Drawing.Lines(painter.Content(items[i].Value, at.Y), laid[i].Value, x, at.Y + Pad, inner);
                    Drawing.Lines(painter.Content(items[i].Label, y), laid[i].Label, x, y + 2, inner);
                }
            })
            {
                SpaceBefore = Typography.BlockGap + 2,
            },
        ];
    }
}
