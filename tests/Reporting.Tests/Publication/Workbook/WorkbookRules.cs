using System.IO.Compression;
using System.Xml.Linq;
using ClosedXML.Excel;

namespace Reporting.Tests.Publication.Workbook;

/// <summary>
/// The guidance's rules ("Releasing statistics in spreadsheets"), checked on a workbook read back with ClosedXML. Value
/// columns are recognised by the status column that follows them (<c>&lt;header&gt; — statut</c>).
/// </summary>
internal static class WorkbookRules
{
    public const string StatusSuffix = " — statut";

    public static readonly string[] FrontSheets = ["Couverture", "Sommaire", "Notes"];

    public static readonly string[] TableSheets = ["T1_France", "T2_Departements", "T3_Regions", "T4_Justice", "T5_Sources", "T6_Nomenclature", "T7_Justice_regions", "T8_Numerique_regions"];

    /// <summary>Columns that hold numbers without a status beside them.</summary>
    private static readonly string[] PlainNumberColumns = ["Année"];

    private static readonly string[] Statuses = ["", "[c]", "[x]", "[z]", "[b]", "[c] [b]", "[x] [b]", "[z] [b]"];

    private static readonly string[] Shorthand = ["[c]", "[x]", "[z]", "[b]"];

    public static XLWorkbook Open(byte[] xlsx) => new(new MemoryStream(xlsx));

    /// <summary>Every sheet holding a table: all but the cover.</summary>
    public static IEnumerable<IXLWorksheet> WithTables(XLWorkbook workbook) => workbook.Worksheets.Where(s => s.Name != "Couverture");

    public static void AssertAll(byte[] xlsx)
    {
        using var workbook = Open(xlsx);
        SheetsAreInOrderWithShortNames(workbook);
        NoMergedCells(workbook);
        NoBlankRowOrColumn(workbook);
        EachTableSheetHasItsTitleInA1AndOneTableAtItsHeaderRow(workbook);
        ValueColumnsAreNumericAndStatusesAreShorthand(workbook);
        ShorthandOnlyInStatusColumnsAndText(workbook);
        ContentsLinksEveryTableSheet(workbook);
    }

    public static void SheetsAreInOrderWithShortNames(XLWorkbook workbook)
    {
        Assert.Equal([.. FrontSheets, .. TableSheets], workbook.Worksheets.Select(s => s.Name));
        Assert.All(workbook.Worksheets, s => Assert.InRange(s.Name.Length, 1, 31));
    }

    public static void NoMergedCells(XLWorkbook workbook) =>
        Assert.All(workbook.Worksheets, s => Assert.Empty(s.MergedRanges));

    public static void NoBlankRowOrColumn(XLWorkbook workbook)
    {
        foreach (var sheet in workbook.Worksheets)
        {
            var used = sheet.RangeUsed()!;
            Assert.Equal(1, used.FirstRow().RowNumber());
            Assert.Equal(1, used.FirstColumn().ColumnNumber());
            foreach (var row in used.Rows())
            {
                Assert.False(row.IsEmpty(), $"{sheet.Name}: row {row.RowNumber()} is blank");
            }

            foreach (var column in used.Columns())
            {
                Assert.False(column.IsEmpty(), $"{sheet.Name}: column {column.ColumnLetter()} is blank");
            }
        }
    }

    public static void EachTableSheetHasItsTitleInA1AndOneTableAtItsHeaderRow(XLWorkbook workbook)
    {
        foreach (var sheet in WithTables(workbook))
        {
            var table = Assert.Single(sheet.Tables);
            var first = table.RangeAddress.FirstAddress;
            Assert.Equal(1, first.ColumnNumber);
            Assert.True(table.ShowHeaderRow);
            Assert.False(table.ShowTotalsRow);
            Assert.Equal(sheet.RangeUsed()!.LastRow().RowNumber(), table.RangeAddress.LastAddress.RowNumber);
            Assert.Equal(sheet.RangeUsed()!.LastColumn().ColumnNumber(), table.RangeAddress.LastAddress.ColumnNumber);
            Assert.Equal(XLDataType.Text, sheet.Cell(1, 1).DataType);
            Assert.False(string.IsNullOrWhiteSpace(sheet.Cell(1, 1).GetString()), $"{sheet.Name}: no title in A1");

            // Only column A holds text above the table; the header row is the table's first row, every name filled.
            for (var r = 1; r < first.RowNumber; r++)
            {
                Assert.False(sheet.Cell(r, 1).IsEmpty());
                Assert.True(sheet.Row(r).CellsUsed().All(c => c.Address.ColumnNumber == 1), $"{sheet.Name}: row {r} above the table has more than column A");
            }

            Assert.All(table.HeadersRow().Cells(), c => Assert.False(string.IsNullOrWhiteSpace(c.GetString())));
            Assert.True(table.DataRange.RowCount() > 0);
            Assert.Equal(first.RowNumber, sheet.SheetView.SplitRow);
        }
    }

    public static void ValueColumnsAreNumericAndStatusesAreShorthand(XLWorkbook workbook)
    {
        foreach (var sheet in WithTables(workbook))
        {
            var table = sheet.Tables.Single();
            var headers = table.Fields.Select(f => f.Name).ToArray();
            for (var i = 0; i < headers.Length; i++)
            {
                var isValue = i + 1 < headers.Length && headers[i + 1] == headers[i] + StatusSuffix;
                if (isValue)
                {
                    foreach (var row in table.DataRange.Rows())
                    {
                        var value = row.Cell(i + 1);
                        var status = row.Cell(i + 2).GetString();
                        Assert.Contains(status, Statuses);
                        // Messages are built only for a cell that breaks a rule: a workbook has tens of thousands of value cells.
                        if (value.IsEmpty())
                        {
                            if (!(status.StartsWith("[c]", StringComparison.Ordinal) || status.StartsWith("[x]", StringComparison.Ordinal) || status.StartsWith("[z]", StringComparison.Ordinal)))
                            {
                                Assert.Fail($"{sheet.Name}!{value.Address}: empty value with status « {status} »");
                            }
                        }
                        else if (value.DataType != XLDataType.Number)
                        {
                            Assert.Fail($"{sheet.Name}!{value.Address} is {value.DataType}");
                        }
                        else if (status is not ("" or "[b]"))
                        {
                            Assert.Fail($"{sheet.Name}!{value.Address}: a value with status « {status} »");
                        }
                    }
                }
                else if (PlainNumberColumns.Contains(headers[i]))
                {
                    Assert.All(table.DataRange.Rows(), row => Assert.Equal(XLDataType.Number, row.Cell(i + 1).DataType));
                }
            }
        }
    }

    /// <summary>Shorthand sits in status cells, in text above tables and in the notes' own wording — never among values.</summary>
    public static void ShorthandOnlyInStatusColumnsAndText(XLWorkbook workbook)
    {
        foreach (var sheet in TableSheets.Select(workbook.Worksheet))
        {
            var table = sheet.Tables.Single();
            foreach (var field in table.Fields)
            {
                if (field.Name.EndsWith(StatusSuffix, StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var cell in field.DataCells)
                {
                    var text = cell.GetString();
                    Assert.False(Shorthand.Any(s => text.Contains(s, StringComparison.Ordinal)), $"{sheet.Name}!{cell.Address} holds shorthand: {text}");
                }
            }
        }
    }

    public static void ContentsLinksEveryTableSheet(XLWorkbook workbook)
    {
        var contents = workbook.Worksheet("Sommaire").Tables.Single();
        var links = contents.DataRange.Rows().Select(r => r.Cell(1)).ToArray();
        Assert.Equal(["Notes", .. TableSheets], links.Select(c => c.GetString()));
        foreach (var link in links)
        {
            Assert.True(link.HasHyperlink, $"{link.GetString()} is not a link");
            Assert.False(link.Hyperlink.IsExternal);
            var target = link.Hyperlink.InternalAddress.Split('!');
            Assert.Equal(link.GetString(), target[0].Trim('\''));
            Assert.Equal("A1", target[1].Replace("$", string.Empty, StringComparison.Ordinal));
            Assert.True(workbook.Worksheets.Contains(link.GetString()));
        }

        var titles = contents.DataRange.Rows().Select(r => r.Cell(2).GetString()).ToArray();
        foreach (var (sheet, title) in links.Select(l => l.GetString()).Zip(titles))
        {
            Assert.StartsWith(title, workbook.Worksheet(sheet).Cell(1, 1).GetString(), StringComparison.Ordinal);
        }
    }

    public static XDocument CoreProperties(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry("docProps/core.xml")!.Open();
        return XDocument.Load(stream);
    }

    /// <summary>A table's data rows as dictionaries from header to cell.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, IXLCell>> Rows(IXLWorksheet sheet)
    {
        var table = sheet.Tables.Single();
        var headers = table.Fields.Select(f => f.Name).ToArray();
        return table.DataRange.Rows()
            .Select(r => (IReadOnlyDictionary<string, IXLCell>)headers.Select((h, i) => (h, r.Cell(i + 1))).ToDictionary(p => p.h, p => (IXLCell)p.Item2, Typeset.Comparer))
            .ToArray();
    }
}

/// <summary>
/// Headers as the tests write them and as the workbook prints them, in French typography (’, no-break spaces): the same
/// words. A lookup by header ignores the typography, which <c>FrenchTypographyTests</c> and the Grammalecte check own.
/// </summary>
internal sealed class Typeset : IEqualityComparer<string>
{
    public static readonly Typeset Comparer = new();

    public static string Plain(string text) => text.Replace('\u2019', '\'').Replace('\u00A0', ' ').Replace('\u202F', ' ');

    public bool Equals(string? x, string? y) => x is null ? y is null : y is not null && Plain(x) == Plain(y);

    public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(Plain(obj));
}
