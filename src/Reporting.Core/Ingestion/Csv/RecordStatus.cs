namespace Reporting.Ingestion;

internal enum RecordStatus
{
    /// <summary>A record was read.</summary>
    Record,

    /// <summary>Nothing but blank lines up to the end of the data.</summary>
    End,

    /// <summary>The record (or a line end) may go on past the data: read more and start again from the same place.</summary>
    NeedMore,
}
