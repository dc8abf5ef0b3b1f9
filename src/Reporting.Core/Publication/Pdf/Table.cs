using Reporting.Publication.Pdf.Tagging;
using SkiaSharp;

namespace Reporting.Publication.Pdf;

/// <summary>A column's width: a share of the width left by fixed columns, or a fixed width in points.</summary>
public readonly record struct ColumnWidth(float Value, bool IsFixed)
{
    public static ColumnWidth Fraction(float share) => new(share, IsFixed: false);

    public static ColumnWidth Points(float points) => new(points, IsFixed: true);
}

public sealed record TableColumn(string Header, ColumnWidth Width, TextAlign Align = TextAlign.Left)
{
    public static TableColumn Text(string header, float share = 1) => new(header, ColumnWidth.Fraction(share));

    /// <summary>A column of figures: right-aligned, header included, so that units line up.</summary>
    public static TableColumn Numeric(string header, float share = 1) => new(header, ColumnWidth.Fraction(share), TextAlign.Right);
}

/// <summary>A row of finished cell texts; an emphasised row (a total) is set in bold under a rule.</summary>
public sealed record TableRow(IReadOnlyList<string> Cells, bool Emphasis = false)
{
    public static implicit operator TableRow(string[] cells) => new(cells);
}

/// <summary>
/// A table with its title above and its source under it. Rows never split across pages; the header row is
/// repeated at the top of every page the table continues on (drawn there as an artifact: it is read once); cells wrap
/// within their column. In the structure tree: Table (Caption, THead, TBody), the header cells with a column scope and,
/// when the first column holds text, each row's first cell a header with a row scope; the source and note follow it.
/// </summary>
public sealed record Table(
    string? Title,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<TableRow> Rows,
    string? Source = null,
    bool Zebra = true,
    string? Note = null) : Block
{
    private const float PadX = 4f;
    private const float PadY = 3f;

    internal override IReadOnlyList<Box> Layout(float width, StructureElement parent)
    {
        if (Rows.Any(r => r.Cells.Count != Columns.Count))
        {
            throw new ArgumentException($"Table \"{Title}\": every row must have {Columns.Count} cells.");
        }

        var widths = ColumnWidths(width);
        var boxes = new List<Box>();
        var table = parent.Add(Roles.Table);
        if (Title is not null)
        {
            boxes.AddRange(Box.FromLines(TextLayout.Wrap(Title, Typography.Caption, width), width, TextAlign.Left, table.Add(Roles.Caption))
                .Select(b => b with { KeepWithNext = true }));
        }

        var head = table.Add(Roles.TableHead);
        var body = Rows.Count > 0 ? table.Add(Roles.TableBody) : null;
        var rowHeaders = Columns.Count > 1 && Columns[0].Align == TextAlign.Left;
        var header = Row(Columns.Select(c => c.Header).ToArray(), widths, Typography.TableHeader, RowKind.Header, Cells(head, Columns.Count, firstIsRowHeader: false, header: true));
        boxes.Add(header with { SpaceBefore = Title is null ? Typography.BlockGap : 3, KeepWithNext = Rows.Count > 0 });
        var repeated = Continued(header, width);
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var kind = row.Emphasis ? RowKind.Emphasis : Zebra && i % 2 == 1 ? RowKind.Striped : RowKind.Plain;
            var style = row.Emphasis ? Typography.TableCell.WithFace(FontFace.Bold) : Typography.TableCell;
            var isLast = i == Rows.Count - 1;
            boxes.Add(Row(row.Cells, widths, style, kind, Cells(body!, Columns.Count, rowHeaders, header: false), drawBottomRule: isLast) with
            {
                RepeatedHeader = repeated,
                // No row alone at the top of a page: the last two rows stay together (widow control, as for lines).
                KeepWithNext = (isLast && (Source is not null || Note is not null)) || (i == Rows.Count - 2 && Rows.Count > 2),
            });
        }

        boxes.AddRange(Notes(width, Source, Note, parent));
        return boxes;
    }

    /// <summary>
    /// What a page the table continues on opens with: its title followed by « (suite) », then its header row — drawn as
    /// artifacts, since a reader has both already.
    /// </summary>
    private Box Continued(Box header, float width)
    {
        if (Title is null)
        {
            return header;
        }

        var lines = TextLayout.Wrap(Title + "\u00A0(suite)", Typography.Caption, width);
        var captionHeight = lines.Sum(l => l.Height) + 3;
        return new Box(captionHeight + header.Height, (painter, at) =>
        {
            Drawing.Lines(painter.Artifact(ArtifactKind.Header), lines, at.X, at.Y, width);
            header.Draw(painter, at with { Y = at.Y + captionHeight });
        });
    }

    /// <summary>A row's cells in the structure tree: header cells scope their column, or their row.</summary>
    private static StructureElement[] Cells(StructureElement group, int count, bool firstIsRowHeader, bool header)
    {
        var row = group.Add(Roles.TableRow);
        return Enumerable.Range(0, count)
            .Select(i => header
                ? new StructureElement(Roles.HeaderCell, row) { Scope = "Column" }
                : i == 0 && firstIsRowHeader ? new StructureElement(Roles.HeaderCell, row) { Scope = "Row" } : row.Add(Roles.DataCell))
            .ToArray();
    }

    /// <summary>Source (a paragraph) and note lines under a table; the first line keeps with the next.</summary>
    internal static IEnumerable<Box> Notes(float width, string? source, string? note, StructureElement parent)
    {
        // A note of several lines (Champ, Lecture, Note…) is one structure element per line.
        var parts = new[] { (Text: source, Role: Roles.Paragraph) }.Concat((note?.Split('\n') ?? []).Select(n => (Text: (string?)n, Role: Roles.Note)))
            .Where(t => t.Text is not null)
            .Select(t => (Lines: TextLayout.Wrap(t.Text!, Typography.Source, width), Element: parent.Add(t.Role)))
            .ToArray();
        var count = parts.Sum(p => p.Lines.Count);
        return parts
            .SelectMany((p, n) => Box.FromLines(p.Lines, width, TextAlign.Left, p.Element, spaceBefore: n == 0 ? 3 : 0).Select(b => b with { KeepWithNext = false }))
            .Select((b, i) => b with { KeepWithNext = i < count - 1 });
    }

    private float[] ColumnWidths(float width)
    {
        var fixedTotal = Columns.Where(c => c.Width.IsFixed).Sum(c => c.Width.Value);
        var shares = Columns.Where(c => !c.Width.IsFixed).Sum(c => c.Width.Value);
        var left = width - fixedTotal;
        if (left < 0 || Columns.Any(c => c.Width.Value <= 0))
        {
            throw new ArgumentException($"Table \"{Title}\": fixed columns ({fixedTotal} pt) exceed the frame ({width} pt) or a width is not positive.");
        }

        return Columns.Select(c => c.Width.IsFixed ? c.Width.Value : left * c.Width.Value / shares).ToArray();
    }

    private enum RowKind
    {
        Header,
        Plain,
        Striped,
        Emphasis,
    }

    private Box Row(IReadOnlyList<string> cells, float[] widths, TextStyle style, RowKind kind, StructureElement[] elements, bool drawBottomRule = false)
    {
        var wrapped = cells.Select((text, i) => TextLayout.Wrap(text, style, widths[i] - (2 * PadX))).ToArray();
        var height = wrapped.Max(lines => lines.Count == 0 ? style.LineHeight : lines.Sum(l => l.Height)) + (2 * PadY);
        var total = widths.Sum();
        return new Box(height, (painter, at) =>
        {
            var fill = kind switch
            {
                RowKind.Header => Palette.HeaderFill,
                RowKind.Striped => Palette.ZebraFill,
                _ => SKColors.Transparent,
            };
            if (fill != SKColors.Transparent)
            {
                Drawing.Fill(painter.Artifact(ArtifactKind.Background), new SKRect(at.X, at.Y, at.X + total, at.Y + height), fill);
            }

            var x = at.X;
            for (var i = 0; i < wrapped.Length; i++)
            {
                // Header cells sit on the row's bottom, so that one-line headers line up under two-line ones.
                var top = kind == RowKind.Header ? at.Y + height - PadY - wrapped[i].Sum(l => l.Height) : at.Y + PadY;
                Drawing.Lines(painter.Content(elements[i], top), wrapped[i], x + PadX, top, widths[i] - (2 * PadX), Columns[i].Align);
                x += widths[i];
            }

            if (kind is not (RowKind.Header or RowKind.Emphasis) && !drawBottomRule)
            {
                return;
            }

            var canvas = painter.Artifact(ArtifactKind.Layout);
            switch (kind)
            {
                case RowKind.Header:
                    Drawing.Rule(canvas, at.X, at.X + total, at.Y, Palette.Heading, 0.8f);
                    Drawing.Rule(canvas, at.X, at.X + total, at.Y + height, Palette.Heading, 0.8f);
                    break;
                case RowKind.Emphasis:
                    Drawing.Rule(canvas, at.X, at.X + total, at.Y, Palette.Rule, 0.6f);
                    break;
            }

            if (drawBottomRule)
            {
                Drawing.Rule(canvas, at.X, at.X + total, at.Y + height, Palette.Heading, 0.8f);
            }
        });
    }
}
