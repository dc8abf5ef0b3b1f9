namespace Reporting.Ingestion;

/// <summary>Where one field of a record lies in the bytes, before unquoting.</summary>
internal struct FieldSpan
{
    /// <summary>Offset of the field's first byte (its opening quote when quoted).</summary>
    public int Start;

    /// <summary>Raw length, quotes included.</summary>
    public int Length;

    /// <summary>Quote characters met while the field was read as a quoted field (0 for an unquoted one).</summary>
    public int Quotes;

    /// <summary>A quote where RFC 4180 allows none was met while reading.</summary>
    public bool QuoteMisplaced;
}
