namespace Reporting.Review;

/// <summary>A line of the old edition and its counterpart in the new one; null on the side where it does not exist.</summary>
public readonly record struct LinePair(string? Old, string? New);

/// <summary>
/// Aligns the lines of one element of two editions: the shortest edit script (Myers 1986), then, inside each run of
/// removed and added lines, each removed line paired with the added line that plays its part (same row label, same
/// key figure, same series; sentences in order), so that a reviewer reads a row before and after side by side.
/// </summary>
public static class LineAlignment
{
    /// <summary>Beyond this many differences the element is compared line by line in place (a table rebuilt from scratch).</summary>
    private const int MaxEdits = 400;

    /// <summary>The lines that differ, in the order of the new edition.</summary>
    public static IReadOnlyList<LinePair> Differences(IReadOnlyList<string> old, IReadOnlyList<string> @new)
    {
        var prefix = 0;
        while (prefix < old.Count && prefix < @new.Count && old[prefix] == @new[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < old.Count - prefix && suffix < @new.Count - prefix && old[old.Count - 1 - suffix] == @new[@new.Count - 1 - suffix])
        {
            suffix++;
        }

        var a = old.Skip(prefix).Take(old.Count - prefix - suffix).ToArray();
        var b = @new.Skip(prefix).Take(@new.Count - prefix - suffix).ToArray();
        var script = EditScript(a, b) ?? InPlace(a, b);
        var result = new List<LinePair>();
        var removed = new List<string>();
        var added = new List<string>();
        foreach (var (op, line) in script)
        {
            if (op == Op.Equal)
            {
                Flush(removed, added, result);
            }
            else
            {
                (op == Op.Delete ? removed : added).Add(line);
            }
        }

        Flush(removed, added, result);
        return result;
    }

    /// <summary>
    /// What a line is about, to pair a removed line with its replacement: a table row's first cell, a key figure's or a
    /// series' name, a map entry's code. Null for a sentence, which has no name.
    /// </summary>
    public static string? Label(string line)
    {
        var trimmed = line.TrimStart();
        // A name is short: a sentence's own « ; » or « = » does not make what comes before it a name.
        foreach (var (separator, within) in new[] { (" | ", int.MaxValue), (" = ", 80), ("=", 40), (";", 40) })
        {
            var at = trimmed.IndexOf(separator, StringComparison.Ordinal);
            // A workbook row's « ; » follows its first cell directly; French typography puts a space before a sentence's.
            if (at > 0 && at < within && (separator != ";" || !char.IsWhiteSpace(trimmed[at - 1])))
            {
                return trimmed[..at];
            }
        }

        var colon = trimmed.IndexOf('\u00A0', StringComparison.Ordinal);
        return colon > 0 && colon < 40 && trimmed.AsSpan(colon).StartsWith("\u00A0:", StringComparison.Ordinal) ? trimmed[..colon] : null;
    }

    private static void Flush(List<string> removed, List<string> added, List<LinePair> result)
    {
        if (removed.Count == added.Count && removed.Zip(added).All(p => Label(p.First) == Label(p.Second)))
        {
            result.AddRange(removed.Zip(added, (o, n) => new LinePair(o, n)));
        }
        else
        {
            var free = added.Select(l => (Line: l, Label: Label(l), Used: false)).ToArray();
            var pairs = new List<(int Index, LinePair Pair)>();
            foreach (var o in removed)
            {
                var label = Label(o);
                var match = Array.FindIndex(free, f => !f.Used && f.Label == label);
                if (match >= 0)
                {
                    free[match].Used = true;
                    pairs.Add((match, new LinePair(o, free[match].Line)));
                }
                else
                {
                    pairs.Add((-1, new LinePair(o, null)));
                }
            }

            pairs.AddRange(free.Select((f, i) => (f, i)).Where(x => !x.f.Used).Select(x => (x.i, new LinePair(null, x.f.Line))));
            // Removed lines first where they stood, then in the new edition's order.
            result.AddRange(pairs.OrderBy(p => p.Index).Select(p => p.Pair));
        }

        removed.Clear();
        added.Clear();
    }

    private enum Op
    {
        Equal,
        Delete,
        Insert,
    }

    private static List<(Op, string)> InPlace(string[] a, string[] b)
    {
        var script = new List<(Op, string)>();
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i < a.Length && i < b.Length && a[i] == b[i])
            {
                script.Add((Op.Equal, a[i]));
                continue;
            }

            if (i < a.Length)
            {
                script.Add((Op.Delete, a[i]));
            }

            if (i < b.Length)
            {
                script.Add((Op.Insert, b[i]));
            }

            script.Add((Op.Equal, string.Empty));
        }

        return script;
    }

    /// <summary>Myers' greedy shortest edit script, or null beyond <see cref="MaxEdits"/> differences.</summary>
    private static List<(Op, string)>? EditScript(string[] a, string[] b)
    {
        int n = a.Length, m = b.Length, offset = Math.Min(n + m, MaxEdits) + 1;
        var v = new int[(2 * offset) + 1];
        var trace = new List<int[]>();
        for (var d = 0; d <= Math.Min(n + m, MaxEdits); d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(a, b, trace, offset, d);
                }
            }
        }

        return null;
    }

    private static List<(Op, string)> Backtrack(string[] a, string[] b, List<int[]> trace, int offset, int depth)
    {
        var script = new List<(Op, string)>();
        int x = a.Length, y = b.Length;
        for (var d = depth; d > 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
            var previousX = v[offset + previousK];
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                script.Add((Op.Equal, a[--x]));
                y--;
            }

            script.Add(previousK == k + 1 ? (Op.Insert, b[--y]) : (Op.Delete, a[--x]));
        }

        while (x > 0 && y > 0)
        {
            script.Add((Op.Equal, a[--x]));
            y--;
        }

        script.Reverse();
        return script;
    }
}
