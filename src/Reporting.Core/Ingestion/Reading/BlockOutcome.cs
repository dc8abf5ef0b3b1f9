namespace Reporting.Ingestion;

/// <summary>What one block gave: its issues and counts, and what the sink kept of its valid lines.</summary>
internal sealed class BlockOutcome
{
    public List<LineIssue> Issues { get; } = [];

    public int Read { get; set; }

    public int Rejected { get; set; }

    /// <summary>Blank lines skipped between and after the block's records.</summary>
    public long Blank { get; set; }

    public RecordSpan? LongestMultiLineRecord { get; set; }

    public List<ExtractLine> Lines { get; } = [];

    public List<KeySighting> Keys { get; } = [];
}
