namespace Reporting.Ingestion;

/// <summary>A linkage key read on a valid out-of-scope line, kept because in-scope lines of the file carry the same id.</summary>
public sealed record KeySighting(string PersonId, string Key, int LineNumber);
