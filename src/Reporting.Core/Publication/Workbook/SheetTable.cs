namespace Reporting.Publication.Workbook;

/// <summary>How a column is stored and formatted in Excel.</summary>
internal enum ColumnKind
{
    /// <summary>Text, stored as text even when it looks like a number (département <c>01</c>, code <c>23364</c>).</summary>
    Text,

    /// <summary>A year: a number without thousands separator.</summary>
    Year,

    /// <summary>A count of persons: an integer number with thousands separator.</summary>
    Count,

    /// <summary>A rate, share, change or mean: a number shown with one decimal (outputs.md rounding).</summary>
    OneDecimal,

    /// <summary>A calendar date.</summary>
    Date,

    /// <summary>The shorthand beside a value column: <c>[c]</c>, <c>[x]</c>, <c>[z]</c>, <c>[b]</c>, or empty when published.</summary>
    Status,
}

internal sealed record SheetColumn(string Header, ColumnKind Kind)
{
    public bool IsNumeric => Kind is ColumnKind.Year or ColumnKind.Count or ColumnKind.OneDecimal;
}

/// <summary>One cell of a table, already decided: the renderer only stores it.</summary>
internal readonly record struct Entry(string? Text, decimal? Number, DateOnly? Date, string? LinkSheet)
{
    public static readonly Entry Empty = default;

    public bool IsEmpty => Text is null && Number is null && Date is null;

    public static Entry Of(string text) => new(text, null, null, null);

    public static Entry Of(decimal? number) => new(null, number, null, null);

    public static Entry Of(DateOnly? date) => new(null, null, date, null);

    /// <summary>A sheet name that is also an internal hyperlink to that sheet's cell A1.</summary>
    public static Entry Link(string sheet) => new(sheet, null, null, sheet);
}

/// <summary>
/// One sheet holding one table (guidance, "Tables": one table per worksheet, starting in cell A1): a few lines of text
/// above it — title first — then a single header row and the data rows.
/// </summary>
/// <param name="ContentsTitle">the title as the contents sheet lists it, without note references</param>
/// <param name="Notes">the notes the sheet refers to, in its title or its rows</param>
internal sealed record SheetTable(
    string SheetName,
    string TableName,
    string ContentsTitle,
    IReadOnlyList<string> Lines,
    IReadOnlyList<SheetColumn> Columns,
    IReadOnlyList<IReadOnlyList<Entry>> Rows,
    IReadOnlyList<int> Notes)
{
    public int HeaderRow => Lines.Count + 1;
}
