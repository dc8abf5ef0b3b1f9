using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace Reporting.Publication.Workbook;

/// <summary>
/// A workbook as plain text for snapshots: sheets in order, each headed by its name, its tables and its frozen rows,
/// then one line per row of its used range, cells separated by <c> | </c> (quoted when a cell holds <c>|</c>, a quote or a
/// line break). Not <c>;</c>: the cells are French text, where a semicolon takes a narrow no-break space before it, and a
/// bare separator would read as a typography error to the reviewers and to Grammalecte (<c>tools/check-french.sh</c>). Numbers print invariantly, dates as ISO dates; an internal link prints after its cell's text.
/// </summary>
public static class WorkbookText
{
    public const string Separator = " | ";

    public static string Render(byte[] xlsx)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        var text = new StringBuilder();
        foreach (var sheet in workbook.Worksheets)
        {
            text.Append("## ").Append(sheet.Name).Append('\n');
            foreach (var table in sheet.Tables)
            {
                text.Append(CultureInfo.InvariantCulture, $"table {table.Name} {table.RangeAddress.ToStringRelative()}\n");
            }

            if (sheet.SheetView.SplitRow > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"frozen rows {sheet.SheetView.SplitRow}\n");
            }

            var used = sheet.RangeUsed();
            if (used is null)
            {
                continue;
            }

            var lastColumn = used.LastColumn().ColumnNumber();
            for (var r = 1; r <= used.LastRow().RowNumber(); r++)
            {
                var cells = Enumerable.Range(1, lastColumn).Select(c => Cell(sheet.Cell(r, c))).ToList();
                while (cells.Count > 0 && cells[^1].Length == 0)
                {
                    cells.RemoveAt(cells.Count - 1);
                }

                text.Append(string.Join(Separator, cells)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Cell(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return string.Empty;
        }

        var value = cell.DataType switch
        {
            XLDataType.Number => cell.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Quote(cell.GetString()),
        };
        return cell.HasHyperlink && !cell.Hyperlink.IsExternal ? $"{value} <lien {cell.Hyperlink.InternalAddress}>" : value;
    }

    private static string Quote(string text) =>
        text.IndexOfAny(['|', '"', '\n', '\r']) < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
