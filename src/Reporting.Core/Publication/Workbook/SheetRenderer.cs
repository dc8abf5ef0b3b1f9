using System.Globalization;
using ClosedXML.Excel;
using Reporting.Publication.Narrative;

namespace Reporting.Publication.Workbook;

/// <summary>
/// Writes a <see cref="SheetTable"/> into a worksheet the way the Analysis Function guidance "Releasing statistics in
/// spreadsheets" asks: text lines from A1 (title first), the table right under them with a single header row, marked up
/// as an Excel table, no merged cells, no blank rows or columns, numbers stored as numbers with a number format.
/// </summary>
internal static class SheetRenderer
{
    public static void Render(IXLWorksheet sheet, SheetTable table)
    {
        for (var i = 0; i < table.Lines.Count; i++)
        {
            sheet.Cell(i + 1, 1).SetValue(FrenchTypography.Apply(table.Lines[i]));
        }

        // A title the screen reader announces first and the eye finds first (guidance, "Titles"): larger and bold.
        sheet.Cell(1, 1).Style.Font.SetBold(true).Font.SetFontSize(Typography.TitleSize);

        var header = table.HeaderRow;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            sheet.Cell(header, c + 1).SetValue(FrenchTypography.Apply(table.Columns[c].Header));
        }

        // An Excel table needs a data row; an empty table says so rather than being left out of the workbook, each of its
        // figures not available [x] (an empty value always has its status beside it).
        IReadOnlyList<IReadOnlyList<Entry>> rows = table.Rows.Count > 0
            ? table.Rows
            : [[Entry.Of(Labels.NoData), .. table.Columns.Skip(1).Select(c => c.Kind == ColumnKind.Status ? Entry.Of(Labels.NotAvailable) : Entry.Empty)]];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                Store(sheet, sheet.Cell(header + 1 + r, c + 1), rows[r][c]);
            }
        }

        var last = header + rows.Count;
        var widths = new double[table.Columns.Count];
        var wraps = new bool[table.Columns.Count];
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            var body = sheet.Range(header + 1, c + 1, last, c + 1);
            body.Style.NumberFormat.Format = Typography.NumberFormat(column.Kind);
            body.Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            widths[c] = ColumnWidths.Of(column, rows.Select(r => r[c]));
            sheet.Column(c + 1).Width = widths[c];
            wraps[c] = ColumnWidths.NeedsWrap(column, rows.Select(r => r[c]), widths[c]);
            if (wraps[c])
            {
                body.Style.Alignment.SetWrapText(true);
            }
        }

        // Readers do not all refit wrapped rows when they open a file: heights are set from the text they wrap.
        sheet.Row(header).Height = Typography.RowHeight(table.Columns.Select((col, c) => Typography.Lines(col.Header, widths[c])).Max());
        for (var r = 0; r < rows.Count; r++)
        {
            var lines = Enumerable.Range(0, table.Columns.Count).Where(c => wraps[c]).Select(c => Typography.Lines(rows[r][c].Text, widths[c])).DefaultIfEmpty(1).Max();
            if (lines > 1)
            {
                sheet.Row(header + 1 + r).Height = Typography.RowHeight(lines);
            }
        }

        var headerRow = sheet.Range(header, 1, header, table.Columns.Count);
        headerRow.Style.Alignment.SetWrapText(true).Alignment.SetVertical(XLAlignmentVerticalValues.Top).Font.SetBold(true);
        var excelTable = sheet.Range(header, 1, last, table.Columns.Count).CreateTable(table.TableName);
        excelTable.Theme = XLTableTheme.TableStyleLight9;
        excelTable.ShowRowStripes = false;

        // Freezing the header keeps column names in view in long tables (guidance: "Freeze panes" — fine when simple).
        sheet.SheetView.FreezeRows(header);
        Typography.PrintOnePageWide(sheet, XLPageOrientation.Landscape);
        sheet.PageSetup.SetRowsToRepeatAtTop(header, header);
    }

    private static void Store(IXLWorksheet sheet, IXLCell cell, Entry entry)
    {
        if (entry.Number is { } number)
        {
            cell.SetValue(number);
        }
        else if (entry.Date is { } date)
        {
            cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
        }
        else if (entry.Text is { } text)
        {
            // SetValue<string> stores text as text: département "01" or code "23364" must not become numbers.
            cell.SetValue(FrenchTypography.Apply(text));
            if (entry.LinkSheet is { } target)
            {
                cell.Hyperlink = new XLHyperlink(sheet.Workbook.Worksheet(target).Cell(1, 1));
            }
        }
    }
}

/// <summary>The few typographic choices of the workbook, in one place.</summary>
internal static class Typography
{
    public const double TitleSize = 14;

    /// <summary>The cover's single column: about 90 characters a line, readable, and one portrait page wide.</summary>
    public const double CoverWidth = 90;

    /// <summary>The height of one line of the default font (Calibri 11), in points.</summary>
    public const double LineHeight = 15;

    public static double RowHeight(int lines) => lines * LineHeight;

    /// <summary>Printed, a sheet keeps all its columns on one page width; it runs over as many pages as it needs.</summary>
    public static void PrintOnePageWide(IXLWorksheet sheet, XLPageOrientation orientation)
    {
        sheet.PageSetup.PageOrientation = orientation;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.FitToPages(1, 0);
    }

    /// <summary>
    /// How many lines a text takes once wrapped in a column of this width: a width unit is one digit of the default font,
    /// a little wider than an average letter, and the margin keeps a word from spilling onto a line not counted.
    /// </summary>
    public static int Lines(string? text, double width)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 1;
        }

        var perLine = Math.Max(1, (int)width - 2);
        var lines = 1;
        var used = 0;
        foreach (var word in text.Split(' '))
        {
            if (used > 0 && used + 1 + word.Length > perLine)
            {
                lines++;
                used = 0;
            }

            used += (used > 0 ? 1 : 0) + word.Length;
            while (used > perLine)
            {
                lines++;
                used -= perLine;
            }
        }

        return lines;
    }

    public static string NumberFormat(ColumnKind kind) => kind switch
    {
        // Excel renders "," as the reader's thousands separator: a narrow space for French settings (publication.md).
        ColumnKind.Count => "#,##0",
        ColumnKind.OneDecimal => "#,##0.0",
        ColumnKind.Year => "0",
        ColumnKind.Date => "dd/mm/yyyy",
        ColumnKind.Text or ColumnKind.Status => "@",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>
/// Column widths from the longest text they hold, in characters: ClosedXML's <c>AdjustToContents</c> measures text
/// with GDI+, which does not exist on Linux. Headers wrap rather than widen a column of short values.
/// </summary>
internal static class ColumnWidths
{
    public const double Min = 8;

    /// <summary>Wide enough for the longest category label on one line; longer texts (notes, NATINF labels) wrap.</summary>
    public const double Max = 75;

    /// <summary>A header longer than this wraps onto several lines instead of widening its column.</summary>
    public const int HeaderWrap = 16;

    /// <summary>Excel's width unit is about one digit of the default font; a little margin covers the filter button.</summary>
    private const double Margin = 3;

    public static double Of(SheetColumn column, IEnumerable<Entry> entries)
    {
        var longest = entries.Select(e => DisplayLength(column.Kind, e)).DefaultIfEmpty(0).Max();
        var header = Math.Min(column.Header.Length, Math.Max(HeaderWrap, LongestWord(column.Header)));
        return Math.Clamp(Math.Max(longest, header) + Margin, Min, Max);
    }

    public static bool NeedsWrap(SheetColumn column, IEnumerable<Entry> entries, double width) =>
        column.Kind == ColumnKind.Text && entries.Any(e => DisplayLength(column.Kind, e) + Margin > width);

    public static int DisplayLength(ColumnKind kind, Entry entry) => entry switch
    {
        { Number: { } n } when kind == ColumnKind.Year => n.ToString("0", CultureInfo.InvariantCulture).Length,
        { Number: { } n } when kind == ColumnKind.Count => n.ToString("#,##0", CultureInfo.InvariantCulture).Length,
        { Number: { } n } => n.ToString("#,##0.0", CultureInfo.InvariantCulture).Length,
        { Date: not null } => 10,
        { Text: { } t } => t.Length,
        _ => 0,
    };

    private static int LongestWord(string text) => text.Split(' ').Max(w => w.Length);
}
