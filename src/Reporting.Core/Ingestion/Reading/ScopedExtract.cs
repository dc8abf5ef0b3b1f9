namespace Reporting.Ingestion;

/// <summary>
/// What a run keeps of one extract: its report, its valid in-scope lines (in file order), the keys its out-of-scope lines
/// carry for ids that have in-scope lines, and the number of out-of-scope lines per code.
/// </summary>
public sealed record ScopedExtract(
    ExtractFile File,
    FileReport Report,
    IReadOnlyList<ExtractLine> Lines,
    IReadOnlyList<KeySighting> Keys,
    IReadOnlyDictionary<string, int> OutOfScopeCodes);
