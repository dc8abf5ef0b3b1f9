namespace Reporting.Ingestion;

/// <summary>Buffers a thread reuses from line to line, so that validating a line allocates nothing.</summary>
internal sealed class LineWorkspace(int columns)
{
    public FieldSpan[] Fields = new FieldSpan[32];
    public byte[] Scratch = new byte[256];
    public int ScratchUsed;

    public ColumnValue[] Values { get; } = new ColumnValue[columns];

    /// <summary>Values that had to be decoded, by column; read only where the column's flags say so.</summary>
    public string?[] Texts { get; } = new string?[columns];

    public List<LineIssue> LineIssues { get; } = [];
}
