using System.Text;
using System.Text.RegularExpressions;

namespace Reporting.Review;

/// <summary>One replacement inside a line: what the old edition printed and what the new one prints instead.</summary>
public readonly record struct Substitution(string Old, string New)
{
    /// <summary>The same replacement wherever it is printed: numbers compared as numbers (<c>1 519</c> = <c>1519</c>, <c>10,8</c> = <c>10.8</c>).</summary>
    public string Key => $"{Normal(Old)}\u2192{Normal(New)}";

    private static string Normal(string text) =>
        ChangeThreshold.ParseNumber(text) is { } n ? n.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture) : text;
}

/// <summary>
/// A line of a publication element that changed: the line before and after (null when it appeared or disappeared), the
/// replacements it is made of, and the line written once with each replacement in place, <c>[old → new]</c>.
/// </summary>
/// <param name="Label">what the line is about when it says it: a table row's first cell, a key figure's or a series' name; null for a sentence</param>
public sealed record TextChange(string? Old, string? New, IReadOnlyList<Substitution> Substitutions, string SideBySide, string? Label = null);

/// <summary>
/// Compares two versions of one line word by word. A table row is compared cell by cell and printed whole, each changed
/// cell as <c>old → new</c>; a sentence or a series is compared by words and numbers (a French number such as
/// <c>1 519</c> or <c>10,8</c> is one word), printed with its unchanged stretches shortened to a few words around each
/// change, so that a long sentence reads in one line.
/// </summary>
public static partial class TextChanges
{
    public const string Arrow = " → ";

    /// <summary>Tokens (words, numbers and the spaces between them) kept on each side of a change.</summary>
    private const int Context = 10;

    /// <summary>A line up to this length is printed whole.</summary>
    private const int ShortLine = 120;

    /// <param name="header">a workbook table's column headers: its rows are <c>;</c>-separated cells, named by their column</param>
    public static TextChange Of(LinePair pair, IReadOnlyList<string>? header = null)
    {
        if (pair.Old is null || pair.New is null)
        {
            var line = pair.New ?? pair.Old ?? string.Empty;
            return new TextChange(pair.Old, pair.New, [], line.Trim(), LineAlignment.Label(line)?.Trim());
        }

        var separator = header is null ? " | " : ";";
        var (o, n) = (pair.Old.Split(separator), pair.New.Split(separator));
        return o.Length > 1 && o.Length == n.Length ? Cells(pair.Old, pair.New, o, n, separator, header) : Words(pair.Old, pair.New);
    }

    private static TextChange Cells(string old, string @new, string[] o, string[] n, string separator, IReadOnlyList<string>? header)
    {
        var substitutions = new List<Substitution>();
        var shown = new List<string>();
        var changed = new List<string>();
        for (var i = 0; i < o.Length; i++)
        {
            if (o[i] == n[i])
            {
                // A workbook row keeps its codes and drops its long labels, which the codes beside them already say.
                shown.Add(header is not null && o[i].Length > 24 ? "…" : o[i]);
                continue;
            }

            substitutions.Add(new Substitution(o[i].Trim(), n[i].Trim()));
            var change = $"{Show(o[i].Trim())}{Arrow}{Show(n[i].Trim())}";
            if (header is not null && i < header.Count)
            {
                changed.Add($"{header[i]} : {change}");
            }
            else
            {
                shown.Add(change);
            }
        }

        var line = changed.Count == 0
            ? string.Join(separator, shown)
            : string.Join(separator, shown.Take(FirstChange(o, n))) + " | " + string.Join(" ; ", changed);
        return new TextChange(old, @new, substitutions, line.TrimStart(), header is null ? o[0].Trim() : string.Join(";", o.Take(FirstChange(o, n))));
    }

    private static int FirstChange(string[] o, string[] n)
    {
        var i = 0;
        while (i < o.Length && o[i] == n[i])
        {
            i++;
        }

        return i;
    }

    private static int Head(List<string> tokens)
    {
        var colon = tokens.Take(16).ToList().IndexOf(":");
        return colon < 0 ? 0 : colon + 1;
    }

    private static string Show(string cell) => cell.Length == 0 ? "(vide)" : cell;

    private static TextChange Words(string old, string @new)
    {
        var a = Tokens(old);
        var b = Tokens(@new);
        var script = Lcs(a, b);
        var substitutions = new List<Substitution>();
        var text = new StringBuilder();
        var equal = new List<string>();
        var (removed, added) = (new StringBuilder(), new StringBuilder());
        var first = true;

        void FlushChange()
        {
            if (removed.Length + added.Length == 0)
            {
                return;
            }

            var s = new Substitution(removed.ToString().Trim(), added.ToString().Trim());
            substitutions.Add(s);
            text.Append('[').Append(Show(s.Old)).Append(Arrow).Append(Show(s.New)).Append(']');
            removed.Clear();
            added.Clear();
        }

        void FlushEqual(bool last)
        {
            // Keep a few words on each side of a change; a long unchanged stretch becomes « … ».
            // The start of a line names it (« série Ensemble : », « Ain : »): kept up to its colon.
            var keepBefore = first ? Head(equal) : Context;
            var keepAfter = last ? 0 : Context;
            if (old.Length > ShortLine && equal.Count > keepBefore + keepAfter + 2)
            {
                var before = string.Concat(equal.Take(keepBefore)).TrimEnd();
                var after = string.Concat(equal.Skip(equal.Count - keepAfter)).TrimStart();
                text.Append(before).Append(before.Length == 0 ? "… " : " … ").Append(after);
            }
            else
            {
                text.Append(string.Concat(equal));
            }

            equal.Clear();
        }

        foreach (var (kind, token) in script)
        {
            if (kind == 0)
            {
                FlushChange();
                equal.Add(token);
                continue;
            }

            if (equal.Count > 0)
            {
                FlushEqual(last: false);
            }

            first = false;
            (kind < 0 ? removed : added).Append(token);
        }

        FlushChange();
        FlushEqual(last: true);
        return new TextChange(old, @new, substitutions, text.ToString().Trim(), WordsLabel(old));
    }

    /// <summary>A key figure's name (before « = »), a series' or a chart row's (before its colon); a sentence has none.</summary>
    private static string? WordsLabel(string line)
    {
        var equals = line.IndexOf(" = ", StringComparison.Ordinal);
        if (equals is > 0 and < 80)
        {
            return line[..equals].Trim();
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon is > 0 and < 40 && line.Contains('=', StringComparison.Ordinal) ? line[..colon].Trim() : null;
    }

    /// <summary>Words, numbers (French or invariant, grouped or not) and the spaces and marks between them.</summary>
    private static string[] Tokens(string line) => [.. TokenPattern().Matches(line).Select(m => m.Value)];

    [GeneratedRegex(@"-?\d{1,3}(?:[\u202F\u00A0 ]\d{3})+(?:[.,]\d+)?|-?\d+(?:[.,]\d+)?|[\p{L}\p{M}’'-]+|\s+|.", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    /// <summary>Longest common subsequence of tokens: (0, token) kept, (-1, token) removed, (+1, token) added.</summary>
    private static List<(int Kind, string Token)> Lcs(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }

        var script = new List<(int, string)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                script.Add((0, a[x++]));
                y++;
            }
            else if (y >= b.Length || (x < a.Length && table[x + 1, y] >= table[x, y + 1]))
            {
                script.Add((-1, a[x++]));
            }
            else
            {
                script.Add((1, b[y++]));
            }
        }

        return script;
    }
}
