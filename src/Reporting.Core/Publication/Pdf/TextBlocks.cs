using System.Text;
using Reporting.Publication.Pdf.Tagging;
using SkiaSharp;

namespace Reporting.Publication.Pdf;

/// <summary>A run of text in one face, inside a paragraph.</summary>
public sealed record TextRun(string Text, FontFace Face = FontFace.Regular)
{
    public static TextRun Bold(string text) => new(text, FontFace.Bold);

    public static TextRun Italic(string text) => new(text, FontFace.Italic);
}

/// <summary>
/// A heading; numbering is the caller's ("1. Chiffres clés"). A heading keeps with what follows, so it
/// never ends a page.
/// </summary>
public sealed record Heading(int Level, string Text) : Block
{
    internal override IReadOnlyList<Box> Layout(float width, StructureElement parent)
    {
        var style = Typography.Heading(Level);
        var lines = TextLayout.Wrap(Text, style, width);
        var ruled = Level == 1;
        var height = lines.Sum(l => l.Height) + (ruled ? 5 : 0);
        var heading = parent.Add(Roles.Heading(Level), Text);
        return
        [
            new Box(height, (painter, at) =>
            {
                var bottom = Drawing.Lines(painter.Content(heading, at.Y), lines, at.X, at.Y, width);
                if (ruled)
                {
                    Drawing.Rule(painter.Artifact(ArtifactKind.Layout), at.X, at.X + width, bottom + 2.5f, Palette.Accent, 1f);
                }
            })
            {
                SpaceBefore = Level switch { 1 => 18, 2 => 12, _ => 8 },
                KeepWithNext = true,
            },
        ];
    }
}

/// <summary>A paragraph of runs, broken into lines at spaces (never at the no-break spaces of French numbers).</summary>
public sealed record Paragraph(IReadOnlyList<TextRun> Runs, TextStyle? Style = null, TextAlign Align = TextAlign.Left) : Block
{
    public Paragraph(string text)
        : this([new TextRun(text)])
    {
    }

    /// <summary>
    /// A paragraph from light markup, for sentences that come from editable templates: <c>**bold**</c> and
    /// <c>_italic_</c> (an underscore inside a word, as in a file name, is kept). Anything else is plain text.
    /// </summary>
    public static Paragraph Markup(string text, TextStyle? style = null)
    {
        var runs = new List<TextRun>();
        var current = new StringBuilder();
        var face = FontFace.Regular;

        void Close(FontFace next)
        {
            if (current.Length > 0)
            {
                runs.Add(new TextRun(current.ToString(), face));
                current.Clear();
            }

            face = next;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '*' && face != FontFace.Italic)
            {
                Close(face == FontFace.Bold ? FontFace.Regular : FontFace.Bold);
                i++;
            }
            else if (text[i] == '_' && face != FontFace.Bold && IsItalicMark(text, i, opening: face == FontFace.Regular))
            {
                Close(face == FontFace.Italic ? FontFace.Regular : FontFace.Italic);
            }
            else
            {
                current.Append(text[i]);
            }
        }

        Close(FontFace.Regular);
        return new Paragraph(runs, style);
    }

    /// <summary>An underscore marks italics only at a word's edge, so that "indicateurs_2025.csv" stays as written.</summary>
    private static bool IsItalicMark(string text, int at, bool opening) =>
        opening
            ? (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && at + 1 < text.Length && char.IsLetterOrDigit(text[at + 1])
            : at + 1 == text.Length || !char.IsLetterOrDigit(text[at + 1]);

    internal IReadOnlyList<TextLine> Lines(float width)
    {
        var style = Style ?? Typography.Body;
        return TextLayout.Wrap(Runs.Select(r => new StyledText(r.Text, style.WithFace(r.Face))).ToArray(), width);
    }

    internal override IReadOnlyList<Box> Layout(float width, StructureElement parent) => Box.FromLines(Lines(width), width, Align, parent.Add(Roles.Paragraph));
}

/// <summary>A list of items, each a paragraph, drawn with a bullet and a hanging indent.</summary>
public sealed record BulletList(IReadOnlyList<Paragraph> Items) : Block
{
    private const float Indent = 14f;
    private const float BulletIndent = 4f;

    public static BulletList Of(params string[] items) => new(items.Select(i => new Paragraph(i)).ToArray());

    internal override IReadOnlyList<Box> Layout(float width, StructureElement parent)
    {
        var boxes = new List<Box>();
        var list = parent.Add(Roles.List);
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            var style = item.Style ?? Typography.Body;
            var lines = item.Lines(width - Indent);
            var listItem = list.Add(Roles.ListItem);
            var label = listItem.Add(Roles.Label);
            var itemBoxes = Box.FromLines(lines, width, item.Align, listItem.Add(Roles.ListBody), Indent, spaceBefore: i == 0 ? Typography.BlockGap : 2.5f).ToList();
            if (itemBoxes.Count == 0)
            {
                continue;
            }

            var first = itemBoxes[0];
            var firstHeight = lines[0].Height;
            itemBoxes[0] = first with
            {
                Draw = (painter, at) =>
                {
                    TextLayout.Draw(painter.Content(label, at.Y), "•", style with { Color = Palette.Accent }, at.X + BulletIndent, at.Y + TextLayout.Baseline(style, firstHeight));
                    first.Draw(painter, at);
                },
            };
            boxes.AddRange(itemBoxes);
        }

        return boxes;
    }
}

/// <summary>The title block of a publication's first page.</summary>
public sealed record TitleBlock(string Title, string? Subtitle = null, string? Edition = null) : Block
{
    internal override IReadOnlyList<Box> Layout(float width, StructureElement parent)
    {
        var title = TextLayout.Wrap(Title, Typography.Title, width);
        var heading = parent.Add(Roles.Heading(1), Title);
        var subtitleElement = Subtitle is null ? null : parent.Add(Roles.Paragraph);
        var editionElement = Edition is null ? null : parent.Add(Roles.Paragraph);
        var subtitle = Subtitle is null ? [] : TextLayout.Wrap(Subtitle, Typography.Subtitle, width);
        var edition = Edition is null ? [] : TextLayout.Wrap(Edition, Typography.Body with { Color = Palette.Muted }, width);
        const float barWidth = 60f;
        const float gap = 8f;
        var height = 4 + gap + title.Sum(l => l.Height) + (subtitle.Count > 0 ? 4 + subtitle.Sum(l => l.Height) : 0)
            + (edition.Count > 0 ? gap + edition.Sum(l => l.Height) : 0) + gap;
        return
        [
            new Box(height, (painter, at) =>
            {
                Drawing.Fill(painter.Artifact(ArtifactKind.Layout), new SKRect(at.X, at.Y, at.X + barWidth, at.Y + 4), Palette.Accent);
                var y = Drawing.Lines(painter.Content(heading, at.Y), title, at.X, at.Y + 4 + gap, width);
                if (subtitleElement is not null)
                {
                    y = Drawing.Lines(painter.Content(subtitleElement, y), subtitle, at.X, y + 4, width);
                }

                if (editionElement is not null)
                {
                    Drawing.Lines(painter.Content(editionElement, y), edition, at.X, y + gap, width);
                }
            })
            {
                KeepWithNext = true,
            },
        ];
    }
}
