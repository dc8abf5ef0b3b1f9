using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace Reporting.Tests.Support.Snapshots;

/// <summary>
/// A unified-like line diff of verified (<c>-</c>) against received (<c>+</c>): hunks headed <c>@@ -a,b +c,d @@</c>, a few
/// unchanged lines of context around each change, cut after a number of lines so that a huge snapshot still fails
/// with a readable message.
/// </summary>
public static class SnapshotDiff
{
    public static string Render(string verified, string received, SnapshotSettings settings)
    {
        // A final line break ends the last line; left in, it would read as an extra empty line on both sides.
        var (before, after) = (WithoutFinalBreak(verified), WithoutFinalBreak(received));
        // The lines both sides share at the start and at the end, but the context a hunk shows, are left out of the
        // diff (the open-data snapshot has 265,000 lines; one changed figure is a few lines to diff): the line numbers
        // count them back in.
        var (skipped, head, tail) = Shared(before, after, settings.ContextLines);
        var diff = Differ.Instance.CreateLineDiffs(before[head..^tail], after[head..^tail], ignoreWhitespace: false);
        var old = diff.PiecesOld;
        var output = new List<string> { "--- verified", "+++ received" };
        if (diff.DiffBlocks.Count == 0)
        {
            return string.Join('\n', [.. output, "(only the final line break differs)"]) + "\n";
        }

        var changed = diff.DiffBlocks.Sum(b => b.DeleteCountA + b.InsertCountB);
        var shown = 0;
        foreach (var hunk in Hunks(diff.DiffBlocks, settings.ContextLines))
        {
            var first = hunk[0];
            var last = hunk[^1];
            var oldStart = Math.Max(0, first.DeleteStartA - settings.ContextLines);
            var newStart = first.InsertStartB - (first.DeleteStartA - oldStart);
            var oldEnd = Math.Min(old.Count, last.DeleteStartA + last.DeleteCountA + settings.ContextLines);
            var newEnd = last.InsertStartB + last.InsertCountB + (oldEnd - (last.DeleteStartA + last.DeleteCountA));
            output.Add(string.Create(CultureInfo.InvariantCulture, $"@@ -{skipped + oldStart + 1},{oldEnd - oldStart} +{skipped + newStart + 1},{newEnd - newStart} @@"));
            var position = oldStart;
            foreach (var block in hunk)
            {
                for (; position < block.DeleteStartA; position++)
                {
                    output.Add(" " + Cut(old[position], settings));
                }

                for (var i = 0; i < block.DeleteCountA; i++)
                {
                    output.Add("-" + Cut(old[block.DeleteStartA + i], settings));
                }

                for (var i = 0; i < block.InsertCountB; i++)
                {
                    output.Add("+" + Cut(diff.PiecesNew[block.InsertStartB + i], settings));
                }

                shown += block.DeleteCountA + block.InsertCountB;
                position = block.DeleteStartA + block.DeleteCountA;
            }

            for (; position < oldEnd; position++)
            {
                output.Add(" " + Cut(old[position], settings));
            }

            if (output.Count >= settings.MaxDiffLines)
            {
                break;
            }
        }

        var text = new StringBuilder();
        foreach (var line in output.Take(settings.MaxDiffLines))
        {
            text.Append(line).Append('\n');
        }

        if (output.Count > settings.MaxDiffLines || shown < changed)
        {
            text.Append(CultureInfo.InvariantCulture, $"… diff cut after {settings.MaxDiffLines} lines ({changed} changed lines in all): compare the verified and received files.\n");
        }

        return text.ToString();
    }

    /// <summary>Blocks close enough that their contexts touch are shown as one hunk.</summary>
    private static IEnumerable<List<DiffBlock>> Hunks(IEnumerable<DiffBlock> blocks, int context)
    {
        List<DiffBlock>? current = null;
        foreach (var block in blocks)
        {
            if (current is not null && block.DeleteStartA - (current[^1].DeleteStartA + current[^1].DeleteCountA) <= 2 * context)
            {
                current.Add(block);
                continue;
            }

            if (current is not null)
            {
                yield return current;
            }

            current = [block];
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    /// <summary>
    /// The characters of the lines both texts share at their start (<c>head</c>, <c>skipped</c> lines) and at their end
    /// (<c>tail</c>, from a line break on), each keeping <paramref name="context"/> shared lines next to the change.
    /// </summary>
    private static (int Skipped, int Head, int Tail) Shared(string a, string b, int context)
    {
        var common = a.AsSpan().CommonPrefixLength(b);
        if (common == a.Length && common == b.Length)
        {
            return (0, 0, 0);
        }

        var head = common == 0 ? 0 : a.LastIndexOf('\n', common - 1) + 1;
        for (var k = 0; k < context && head > 0; k++)
        {
            head = head < 2 ? 0 : a.LastIndexOf('\n', head - 2) + 1;
        }

        var restA = a.AsSpan(head);
        var restB = b.AsSpan(head);
        var same = 0;
        while (same < restA.Length && same < restB.Length && restA[^(same + 1)] == restB[^(same + 1)])
        {
            same++;
        }

        var cut = restA.Length - same;
        var lineEnd = restA[cut..].IndexOf('\n');
        cut = lineEnd < 0 ? restA.Length : cut + lineEnd;
        for (var k = 0; k < context && cut < restA.Length; k++)
        {
            var further = restA[(cut + 1)..].IndexOf('\n');
            cut = further < 0 ? restA.Length : cut + 1 + further;
        }

        return (a.AsSpan(0, head).Count('\n'), head, restA.Length - cut);
    }

    private static string WithoutFinalBreak(string text) => text.EndsWith('\n') ? text[..^1] : text;

    private static string Cut(string line, SnapshotSettings settings) =>
        line.Length <= settings.MaxLineLength ? line : string.Concat(line.AsSpan(0, settings.MaxLineLength), "…");
}
