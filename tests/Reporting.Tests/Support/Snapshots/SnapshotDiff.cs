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
        var diff = Differ.Instance.CreateLineDiffs(WithoutFinalBreak(verified), WithoutFinalBreak(received), ignoreWhitespace: false);
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
            output.Add(string.Create(CultureInfo.InvariantCulture, $"@@ -{oldStart + 1},{oldEnd - oldStart} +{newStart + 1},{newEnd - newStart} @@"));
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

    private static string WithoutFinalBreak(string text) => text.EndsWith('\n') ? text[..^1] : text;

    private static string Cut(string line, SnapshotSettings settings) =>
        line.Length <= settings.MaxLineLength ? line : string.Concat(line.AsSpan(0, settings.MaxLineLength), "…");
}
