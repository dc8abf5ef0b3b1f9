namespace Reporting.Ingestion;

/// <summary>
/// A line that passed every column rule: its values by schema column (normalised, empty string when absent),
/// with the parsed values the later stages need.
/// </summary>
public sealed class ValidRow
{
    internal ValidRow(ExtractSchema schema, string[] values, int lineNumber, DateOnly? referenceDate)
    {
        Schema = schema;
        Values = values;
        LineNumber = lineNumber;
        ReferenceDate = referenceDate;
    }

    public ExtractSchema Schema { get; }

    public int LineNumber { get; }

    public DateOnly? ReferenceDate { get; }

    internal string[] Values { get; }

    public string this[string column] => Values[IndexOf(column)];

    private int IndexOf(string column)
    {
        for (var i = 0; i < Schema.Columns.Count; i++)
        {
            if (Schema.Columns[i].Name == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"Column {column} is not part of the {Schema.FileKind} schema.", nameof(column));
    }
}
