using Reporting.Publication.Pdf;
using SkiaSharp;

namespace Reporting.Publication.Charts;

public enum TileState
{
    /// <summary>A published value, drawn in the colour of its class.</summary>
    Published,

    /// <summary>Hidden by the secret statistique: hatched.</summary>
    Secret,

    /// <summary>No figure exists (source missing): light grey.</summary>
    NotAvailable,
}

/// <summary>One département's tile: its state and, when published, its class (0 = lowest of the five).</summary>
public readonly record struct MapTile(string Code, TileState State, int Class = 0)
{
    public static MapTile InClass(string code, int classIndex) => new(code, TileState.Published, classIndex);

    public static MapTile Secret(string code) => new(code, TileState.Secret);

    public static MapTile NotAvailable(string code) => new(code, TileState.NotAvailable);
}

/// <summary>
/// A tile-grid map of France: one equal square per département (so that small, populous départements are as
/// visible as large ones), filled by five sequential classes, with the code in each tile and the legend on
/// the right. Classes are the caller's (the renderer computes no figure), and so are the class labels,
/// already in French format ("de 2,5 à moins de 5"). A département without a tile is drawn as not available.
/// Drawn with Skia directly: a tile grid needs no axes, and hatching with lines keeps it a vector drawing.
/// </summary>
public sealed record TileMap(IReadOnlyList<MapTile> Tiles, IReadOnlyList<string> ClassLabels, string? LegendTitle = null, ChartWords? Words = null)
{
    public const int ClassCount = 5;

    private const float LegendWidth = 150f;
    private const float Gap = 1.2f;

    public void Draw(SKCanvas canvas, SKRect area)
    {
        if (ClassLabels.Count != ClassCount)
        {
            throw new ArgumentException($"A tile map has {ClassCount} classes: {ClassLabels.Count} labels given.");
        }

        var unknown = Tiles.FirstOrDefault(t => !TileGrid.Positions.ContainsKey(t.Code) || t.Class is < 0 or >= ClassCount);
        if (unknown.Code is not null)
        {
            throw new ArgumentException($"Tile {unknown.Code}: not a département code or class outside 0..{ClassCount - 1}.");
        }

        var words = Words ?? ChartWords.French;
        var byCode = Tiles.ToDictionary(t => t.Code, StringComparer.Ordinal);
        var tile = Math.Min((area.Width - LegendWidth) / TileGrid.Columns, area.Height / TileGrid.Rows);
        var origin = new SKPoint(area.Left, area.Top + ((area.Height - (tile * TileGrid.Rows)) / 2));

        foreach (var (code, position) in TileGrid.Positions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var rect = new SKRect(
                origin.X + (position.Column * tile) + (Gap / 2),
                origin.Y + (position.Row * tile) + (Gap / 2),
                origin.X + ((position.Column + 1) * tile) - (Gap / 2),
                origin.Y + ((position.Row + 1) * tile) - (Gap / 2));
            var state = byCode.TryGetValue(code, out var found) ? found : MapTile.NotAvailable(code);
            DrawTile(canvas, rect, state);
            var style = Typography.Chart with { Size = Math.Min(6.5f, tile * 0.32f), Color = TextColour(state) };
            var line = TextLayout.Wrap(code, style, rect.Width).Single();
            if (state.State == TileState.Secret)
            {
                // A white plate keeps the code readable over the hatching.
                var plate = (line.Width / 2) + 1.5f;
                Drawing.Fill(canvas, new SKRect(rect.MidX - plate, rect.MidY - (line.Height / 2), rect.MidX + plate, rect.MidY + (line.Height / 2)), Palette.Paper);
            }

            line.Draw(canvas, rect.Left, rect.MidY - (line.Height / 2), rect.Width, TextAlign.Center);
        }

        var overseasLabel = TextLayout.Wrap(words.Overseas, Typography.Chart with { Color = Palette.Muted }, tile * 5);
        Drawing.Lines(canvas, overseasLabel, origin.X, origin.Y + (TileGrid.OverseasRow * tile) - overseasLabel.Sum(l => l.Height) - 1, tile * 5);

        DrawLegend(canvas, new SKRect(area.Right - LegendWidth + 10, area.Top, area.Right, area.Bottom), words);
    }

    private static SKColor TextColour(MapTile tile) =>
        tile.State == TileState.Published && tile.Class >= 3 ? Palette.Paper : Palette.Ink;

    /// <remarks>
    /// Every tile, whatever its state, is outlined in <see cref="Palette.TileOutline"/>: the lightest classes and the grey
    /// of « not available » stand under 3:1 against the paper, and the outline is what sets them apart from it
    /// (WCAG 1.4.11 lets a boundary carry the contrast).
    /// </remarks>
    private static void DrawTile(SKCanvas canvas, SKRect rect, MapTile tile)
    {
        switch (tile.State)
        {
            case TileState.Published:
                Drawing.Fill(canvas, rect, Palette.Sequential[tile.Class]);
                break;
            case TileState.NotAvailable:
                Drawing.Fill(canvas, rect, Palette.NotAvailable);
                break;
            case TileState.Secret:
                Hatch(canvas, rect);
                break;
        }

        using var border = new SKPaint { Color = Palette.TileOutline, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        var inset = border.StrokeWidth / 2;
        canvas.DrawRect(new SKRect(rect.Left + inset, rect.Top + inset, rect.Right - inset, rect.Bottom - inset), border);
    }

    /// <summary>Diagonal lines clipped to the tile: hatching as paths, where a pattern shader would become an image in the PDF.</summary>
    private static void Hatch(SKCanvas canvas, SKRect rect)
    {
        Drawing.Fill(canvas, rect, Palette.Paper);
        canvas.Save();
        canvas.ClipRect(rect);
        using var paint = new SKPaint { Color = Palette.Hatch, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        const float spacing = 3.2f;
        for (var d = -rect.Height; d < rect.Width; d += spacing)
        {
            canvas.DrawLine(rect.Left + d, rect.Bottom, rect.Left + d + rect.Height, rect.Top, paint);
        }

        canvas.Restore();
    }

    private void DrawLegend(SKCanvas canvas, SKRect area, ChartWords words)
    {
        var style = Typography.Chart;
        var y = area.Top;
        var textX = area.Left + 18;
        var textWidth = area.Width - 18;
        if (LegendTitle is not null)
        {
            y = Drawing.Lines(canvas, TextLayout.Wrap(LegendTitle, style.WithFace(FontFace.Bold), area.Width), area.Left, y, area.Width) + 4;
        }

        void Entry(MapTile sample, string label)
        {
            var lines = TextLayout.Wrap(label, style, textWidth);
            var height = Math.Max(12, lines.Sum(l => l.Height));
            DrawTile(canvas, new SKRect(area.Left, y + ((height - 11) / 2), area.Left + 14, y + ((height - 11) / 2) + 11), sample);
            Drawing.Lines(canvas, lines, textX, y + ((height - lines.Sum(l => l.Height)) / 2), textWidth);
            y += height + 3;
        }

        // Highest class first, as a reader scans a legend from the top.
        for (var c = ClassCount - 1; c >= 0; c--)
        {
            Entry(MapTile.InClass("", c), ClassLabels[c]);
        }

        y += 4;
        Entry(MapTile.Secret(""), words.Secret);
        Entry(MapTile.NotAvailable(""), words.NotAvailable);
    }
}
