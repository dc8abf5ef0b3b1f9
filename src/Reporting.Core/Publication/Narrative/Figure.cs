using Reporting.Indicators;

namespace Reporting.Publication.Narrative;

/// <summary>
/// A cell as the templates see it: its value exists only when the cell is published, so that no template, however
/// written, can print a hidden or missing figure. Filters turn a figure into French text or into the words for its status.
/// </summary>
public sealed class Figure
{
    private Figure(decimal? value, CellStatus status, bool isCount, bool isBreak = false)
    {
        Value = status == CellStatus.Published ? value : null;
        Status = status;
        IsCount = isCount;
        IsBreak = isBreak;
    }

    public decimal? Value { get; }

    public CellStatus Status { get; }

    /// <summary>Counts of persons, and estimates of a number of persons, are written as whole numbers.</summary>
    public bool IsCount { get; }

    public bool Published => Status == CellStatus.Published;

    /// <summary>Hidden by the secret statistique (the figure exists): templates word it as such.</summary>
    public bool Secret => Status == CellStatus.Confidential;

    /// <summary>Not applicable: a change across a break or from zero, a share of nobody.</summary>
    public bool NotApplicable => Status == CellStatus.NotApplicable;

    /// <summary>The figure follows a series break (its cell carries a break note): a change is then not computed.</summary>
    public bool IsBreak { get; }

    public static Figure Of(Cell? cell, IndicatorCatalogue? catalogue = null) => cell is null
        ? new Figure(null, CellStatus.NotAvailable, false)
        : new Figure(
            cell.Shown,
            cell.Status,
            (catalogue ?? IndicatorCatalogue.Shipped).Find(cell.Key.Indicator)?.TextDecimals == 0,
            cell.Notes.Any(n => n.StartsWith(NoteIds.BreakPrefix, StringComparison.Ordinal)));

    /// <summary>The short word printed in a key-figure box in place of a figure that is not published.</summary>
    public string Short(bool percent = false) => Value is null
        ? Status switch { CellStatus.Confidential => "secret", CellStatus.NotAvailable => "n.d.", _ => "—" }
        : Text(percent);

    /// <summary>The figure in French, or the words for its status: used by tables and sheets as well as by templates.</summary>
    public string Text(bool percent = false) => Value switch
    {
        null => Vocabulary.StatusWords(Status),
        { } v when IsCount => FrenchFormat.Integer(v),
        { } v when percent => FrenchFormat.Percent(v),
        { } v => FrenchFormat.Decimal(v),
    };
}
