namespace Reporting.Ingestion;

/// <summary>
/// What reading one file found: counts by rule, every issue, and the failure that stops the run if any.
/// <para>
/// Line accounting. Every physical line of a file that was read is counted once, in one of four places:
/// <c><see cref="PhysicalLines"/> = <see cref="HeaderLines"/> + <see cref="BlankLines"/> + <see cref="LinesKept"/> + <see cref="LinesRejected"/></c>,
/// with <c><see cref="LinesRead"/> = <see cref="LinesKept"/> + <see cref="LinesRejected"/></c> (the lines holding data, on which the
/// error share is taken). A physical line ends at CR, LF or CRLF, or at the end of the file when something follows the
/// last line end; a UTF-8 byte-order mark is not a line. No contract value can hold a line break, so a record whose
/// quoted field runs over several physical lines is one rejected record (<c>guillemet_non_ferme</c>) that counts every
/// line it covers as read and rejected: a stray quote that swallows half a file makes half the file rejected.
/// A file refused before its lines are read (unreadable, not a regular file, no header, a header that breaks the
/// contract) counts nothing: every count is 0 and <see cref="Failure"/> says why.
/// </para>
/// </summary>
public sealed record FileReport(
    string File,
    string Kind,
    int? Year,
    string Encoding,
    int LinesRead,
    int LinesKept,
    int LinesRejected,
    IReadOnlyList<LineIssue> Issues,
    IReadOnlyList<FileWarning> FileWarnings,
    FileFailure? Failure)
{
    public IReadOnlyList<(Rule Rule, int Count)> CountByRule(Severity severity) => Issues
        .Where(i => i.Rule.Severity == severity)
        .GroupBy(i => i.Rule)
        .Select(g => (g.Key, g.Count()))
        .OrderByDescending(x => x.Item2)
        .ThenBy(x => x.Key.Code, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Physical lines of the header (1, more only when a quoted name holds a line break).</summary>
    public int HeaderLines { get; init; }

    /// <summary>Blank lines, before the header and between or after records (extracts.md: ignored).</summary>
    public int BlankLines { get; init; }

    /// <summary>Every physical line of the file, as the counts add up (see the type's remarks).</summary>
    public int PhysicalLines => HeaderLines + BlankLines + LinesKept + LinesRejected;

    /// <summary>The record over the most physical lines, when a quote left open made one: the failure message names it.</summary>
    public RecordSpan? LongestMultiLineRecord { get; init; }

    public int WarningCount => Issues.Count(i => i.Rule.Severity == Severity.Warning) + FileWarnings.Count;
}
