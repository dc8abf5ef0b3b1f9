using System.Globalization;
using System.Runtime.CompilerServices;

namespace Reporting.Ingestion;

// The issues, made out of the validation loop (they are rare), each quoting the value as the file writes it.
internal sealed partial class LineValidator
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool RejectFieldCount(List<LineIssue> issues, int line, int count) =>
        Reject(issues, line, Rule.FieldCount, string.Create(CultureInfo.InvariantCulture, $"{count} champs au lieu de {header.FieldCount}"));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static InvalidOperationException Unhandled(ColumnKind kind) => new($"Unhandled column kind {kind}.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Reject(List<LineIssue> issues, int line, Rule rule, string? value)
    {
        issues.Add(new LineIssue(file, line, "*", rule, value));
        return false;
    }

    /// <summary>The line's issues to the file's list; the line is kept when they are all warnings.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Keep(List<LineIssue> lineIssues, List<LineIssue> issues)
    {
        var valid = true;
        foreach (var issue in lineIssues)
        {
            issues.Add(issue);
            valid &= issue.Rule.Severity != Severity.Error;
        }

        return valid;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Missing(int line, int column, LineWorkspace w, Rule? rule = null) =>
        w.LineIssues.Add(new LineIssue(file, line, columns[column].Name, rule ?? Rule.MissingValue, null));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Warn(ReadOnlySpan<byte> data, int line, int column, Rule rule, LineWorkspace w, in ColumnValue v) =>
        w.LineIssues.Add(new LineIssue(file, line, columns[column].Name, rule, Raw(data, w, v)));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WrongYear(ReadOnlySpan<byte> data, int line, LineWorkspace w) =>
        w.LineIssues.Add(new LineIssue(file, line, columns[referenceColumn].Name, Rule.WrongYear, GetString(data, w, referenceColumn)));

    /// <summary>An implausible value: quoted in a warning, then read as absent (the line is kept).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Drop(ReadOnlySpan<byte> data, int line, int column, LineWorkspace w, ref ColumnValue v)
    {
        w.LineIssues.Add(new LineIssue(file, line, columns[column].Name, Rule.ImplausibleQuantum, Raw(data, w, v)));
        MakeEmpty(w, column, ref v);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Fail(ReadOnlySpan<byte> data, int line, int column, Rule rule, LineWorkspace w, ref ColumnValue v)
    {
        w.LineIssues.Add(new LineIssue(file, line, columns[column].Name, rule, Raw(data, w, v)));
        MakeEmpty(w, column, ref v);
    }

    private static void MakeEmpty(LineWorkspace w, int column, ref ColumnValue v)
    {
        // As the string reader: an invalid value reads as empty (the line is an error anyway).
        w.Texts[column] = string.Empty;
        v.Flags = ValueFlags.Decoded;
    }
}
