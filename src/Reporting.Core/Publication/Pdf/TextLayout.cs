using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Reporting.Publication.Pdf;

public enum TextAlign
{
    Left,
    Right,
    Center,
}

/// <summary>A piece of text in one style, before it is broken into lines.</summary>
internal readonly record struct StyledText(string Text, TextStyle Style);

/// <summary>A piece of one line, at its offset from the line's start.</summary>
internal readonly record struct PlacedText(string Text, TextStyle Style, float X);

internal sealed record TextLine(IReadOnlyList<PlacedText> Pieces, float Width, float Height)
{
    public void Draw(SKCanvas canvas, float x, float top, float frameWidth, TextAlign align)
    {
        var start = align switch
        {
            TextAlign.Right => x + frameWidth - Width,
            TextAlign.Center => x + ((frameWidth - Width) / 2),
            _ => x,
        };
        foreach (var piece in Pieces)
        {
            TextLayout.Draw(canvas, piece.Text, piece.Style, start + piece.X, top + TextLayout.Baseline(piece.Style, Height));
        }
    }
}

/// <summary>
/// Measures, breaks and draws text. Text is shaped by HarfBuzz with the fonts' kerning, measured the way it is
/// drawn, and drawn as real glyph runs with spaces included, so that a reader can select and copy it.
/// </summary>
internal static class TextLayout
{
    /// <summary>Lines break at ordinary spaces only: U+00A0 and U+202F (French thousands, "12,5 %") never break.</summary>
    private const char BreakableSpace = ' ';

    private static readonly Dictionary<FontFace, SKShaper> Shapers = [];

    /// <summary>HarfBuzz buffers are not shared across threads; the shapers are, behind this lock.</summary>
    private static readonly Lock ShaperLock = new();

    public static float Measure(string text, TextStyle style)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        using var font = Font(style);
        lock (ShaperLock)
        {
            return Shaper(style.Face).Shape(text, font).Width;
        }
    }

    public static void Draw(SKCanvas canvas, string text, TextStyle style, float x, float baseline)
    {
        if (text.Length == 0)
        {
            return;
        }

        using var font = Font(style);
        using var paint = new SKPaint { Color = style.Color, IsAntialias = true };
        lock (ShaperLock)
        {
            canvas.DrawShapedText(Shaper(style.Face), text, x, baseline, font, paint);
        }
    }

    /// <summary>The baseline's offset from the top of a line box, centring the font's ascent and descent in it.</summary>
    public static float Baseline(TextStyle style, float lineHeight)
    {
        using var font = Font(style);
        var metrics = font.Metrics;
        var ascent = -metrics.Ascent;
        var descent = metrics.Descent;
        return ((lineHeight - (ascent + descent)) / 2) + ascent;
    }

    public static IReadOnlyList<TextLine> Wrap(string text, TextStyle style, float width) => Wrap([new StyledText(text, style)], width);

    /// <summary>
    /// Greedy line breaking at spaces; a word wider than the line is cut between characters, so that
    /// nothing ever overflows. Line height is the tallest style's on the line.
    /// </summary>
    public static IReadOnlyList<TextLine> Wrap(IReadOnlyList<StyledText> runs, float width)
    {
        var lines = new List<TextLine>();
        var current = new List<StyledText>();
        var currentWidth = 0f;
        var lineHeight = runs.Count == 0 ? 0 : runs.Max(r => r.Style.LineHeight);

        void Flush()
        {
            if (current.Count > 0)
            {
                lines.Add(Finish(current, lineHeight));
                current = [];
                currentWidth = 0;
            }
        }

        foreach (var (space, word) in Words(runs))
        {
            var wordWidth = word.Sum(p => Measure(p.Text, p.Style));
            var spaceWidth = current.Count == 0 ? 0 : Measure(" ", space);
            if (current.Count > 0 && currentWidth + spaceWidth + wordWidth <= width)
            {
                current.Add(new StyledText(" ", space));
                current.AddRange(word);
                currentWidth += spaceWidth + wordWidth;
                continue;
            }

            Flush();
            if (wordWidth <= width)
            {
                current.AddRange(word);
                currentWidth = wordWidth;
                continue;
            }

            var chunks = BreakByCharacters(word, width);
            foreach (var chunk in chunks.Take(chunks.Count - 1))
            {
                lines.Add(Finish(chunk, lineHeight));
            }

            current = [.. chunks[^1]];
            currentWidth = chunks[^1].Sum(p => Measure(p.Text, p.Style));
        }

        Flush();
        return lines;
    }

    /// <summary>Words with the style of the space before them; a word may mix styles ("**2 143**,").</summary>
    private static IEnumerable<(TextStyle Space, List<StyledText> Word)> Words(IReadOnlyList<StyledText> runs)
    {
        var word = new List<StyledText>();
        TextStyle? space = null;
        foreach (var run in runs)
        {
            var parts = run.Text.Replace('\n', BreakableSpace).Split(BreakableSpace);
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    if (word.Count > 0)
                    {
                        yield return (space ?? run.Style, word);
                        word = [];
                    }

                    space = run.Style;
                }

                if (parts[i].Length > 0)
                {
                    word.Add(new StyledText(parts[i], run.Style));
                }
            }
        }

        if (word.Count > 0)
        {
            yield return (space ?? runs[^1].Style, word);
        }
    }

    private static List<List<StyledText>> BreakByCharacters(List<StyledText> word, float width)
    {
        var chunks = new List<List<StyledText>>();
        var chunk = new List<StyledText>();
        var chunkWidth = 0f;
        foreach (var piece in word)
        {
            var start = 0;
            while (start < piece.Text.Length)
            {
                // Grow the piece's slice one character (never half a surrogate pair) at a time while it fits.
                var end = start;
                while (end < piece.Text.Length)
                {
                    var next = end + (char.IsHighSurrogate(piece.Text[end]) && end + 1 < piece.Text.Length ? 2 : 1);
                    if (chunkWidth + Measure(piece.Text[start..next], piece.Style) > width && (end > start || chunk.Count > 0))
                    {
                        break;
                    }

                    end = next;
                }

                if (end > start)
                {
                    var slice = piece.Text[start..end];
                    chunk.Add(new StyledText(slice, piece.Style));
                    chunkWidth += Measure(slice, piece.Style);
                    start = end;
                }

                if (start < piece.Text.Length)
                {
                    chunks.Add(chunk);
                    chunk = [];
                    chunkWidth = 0;
                }
            }
        }

        chunks.Add(chunk);
        return chunks;
    }

    /// <summary>Adjacent pieces in one style are drawn as one run, so that the PDF holds whole phrases.</summary>
    private static TextLine Finish(List<StyledText> pieces, float height)
    {
        var merged = new List<StyledText>();
        foreach (var piece in pieces)
        {
            if (merged.Count > 0 && merged[^1].Style == piece.Style)
            {
                merged[^1] = merged[^1] with { Text = merged[^1].Text + piece.Text };
            }
            else
            {
                merged.Add(piece);
            }
        }

        var placed = new List<PlacedText>(merged.Count);
        var x = 0f;
        foreach (var piece in merged)
        {
            placed.Add(new PlacedText(piece.Text, piece.Style, x));
            x += Measure(piece.Text, piece.Style);
        }

        return new TextLine(placed, x, height);
    }

    private static SKFont Font(TextStyle style) =>
        new(PublicationFonts.Typeface(style.Face), style.Size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    private static SKShaper Shaper(FontFace face)
    {
        if (!Shapers.TryGetValue(face, out var shaper))
        {
            shaper = new SKShaper(PublicationFonts.Typeface(face));
            Shapers[face] = shaper;
        }

        return shaper;
    }
}
