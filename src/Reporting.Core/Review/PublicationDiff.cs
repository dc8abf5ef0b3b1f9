using System.Globalization;
using System.Text;
using Reporting.Publication.OpenData;

namespace Reporting.Review;

/// <summary>What changed between two publications, figure by figure and sentence by sentence.</summary>
public sealed record DiffResult(
    IReadOnlyList<ValueChange> ChangedValues,
    int ChangedValuesBelowThreshold,
    IReadOnlyList<(PublishedCell Old, PublishedCell New)> NewlyHidden,
    IReadOnlyList<(PublishedCell Old, PublishedCell New)> NewlyPublished,
    IReadOnlyList<(PublishedCell Old, PublishedCell New)> OtherStatusChanges,
    IReadOnlyList<PublishedCell> Appeared,
    IReadOnlyList<PublishedCell> Disappeared,
    IReadOnlyList<string> RemovedText,
    IReadOnlyList<string> AddedText)
{
    public bool AnythingChanged => ChangedValues.Count + ChangedValuesBelowThreshold + NewlyHidden.Count + NewlyPublished.Count
        + OtherStatusChanges.Count + Appeared.Count + Disappeared.Count + RemovedText.Count + AddedText.Count > 0;
}

/// <summary>
/// The reviewers' diff of two published folders: the open-data cells compared key by key, and the texts of the
/// snapshot (sentences, tables, chart series) compared line by line. It reads publications; it never recomputes.
/// </summary>
public static partial class PublicationDiff
{
    public static DiffResult Compare(string oldFolder, string newFolder, decimal minChangePct)
    {
        var old = IndicatorCsvReader.Read(IndicatorCsvReader.FindIn(oldFolder)).ToDictionary(c => c.Key, StringComparer.Ordinal);
        var @new = IndicatorCsvReader.Read(IndicatorCsvReader.FindIn(newFolder)).ToDictionary(c => c.Key, StringComparer.Ordinal);
        var changed = new List<ValueChange>();
        var below = 0;
        var hidden = new List<(PublishedCell, PublishedCell)>();
        var published = new List<(PublishedCell, PublishedCell)>();
        var otherStatus = new List<(PublishedCell, PublishedCell)>();
        foreach (var (key, o) in old.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!@new.TryGetValue(key, out var n))
            {
                continue;
            }

            if (o.Status != n.Status)
            {
                (n.Status == "c" ? hidden : o.Status == "c" ? published : otherStatus).Add((o, n));
            }
            else if (o.Value != n.Value)
            {
                var change = new ValueChange(o, n);
                if (change.Relative is { } r && Math.Abs(r) < minChangePct)
                {
                    below++;
                }
                else
                {
                    changed.Add(change);
                }
            }
        }

        var appeared = @new.Where(kv => !old.ContainsKey(kv.Key)).Select(kv => kv.Value).OrderBy(c => c.Key, StringComparer.Ordinal).ToArray();
        var disappeared = old.Where(kv => !@new.ContainsKey(kv.Key)).Select(kv => kv.Value).OrderBy(c => c.Key, StringComparer.Ordinal).ToArray();
        var (removed, added) = CompareTexts(SnapshotTexts(oldFolder), SnapshotTexts(newFolder));
        return new DiffResult(changed, below, hidden, published, otherStatus, appeared, disappeared, removed, added);
    }

    /// <summary>The snapshot's lines other than the cells (already compared one by one): sentences, tables, series.</summary>
    private static IReadOnlyList<string> SnapshotTexts(string folder)
    {
        var file = Directory.Exists(folder) ? Directory.GetFiles(folder, "snapshot-*.md").SingleOrDefault() : null;
        if (file is null)
        {
            return [];
        }

        var lines = new List<string>();
        var inCells = false;
        foreach (var line in File.ReadLines(file, Encoding.UTF8))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inCells = line == Publication.Snapshot.SnapshotWriter.CellsHeading;
            }

            if (!inCells && line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static (IReadOnlyList<string> Removed, IReadOnlyList<string> Added) CompareTexts(IReadOnlyList<string> old, IReadOnlyList<string> @new)
    {
        // Multisets: a line moved within the snapshot is not a change; one more or one less copy is.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var l in old)
        {
            counts[l] = counts.GetValueOrDefault(l) + 1;
        }

        var added = new List<string>();
        foreach (var l in @new)
        {
            if (counts.GetValueOrDefault(l) > 0)
            {
                counts[l]--;
            }
            else
            {
                added.Add(l);
            }
        }

        var removed = new List<string>();
        var remaining = new Dictionary<string, int>(counts, StringComparer.Ordinal);
        foreach (var l in old)
        {
            if (remaining.GetValueOrDefault(l) > 0)
            {
                remaining[l]--;
                removed.Add(l);
            }
        }

        return (removed, added);
    }

    public static string ToMarkdown(DiffResult d, string oldFolder, string newFolder, decimal minChangePct)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append("# Comparaison de deux publications\n\n");
        md.Append(inv, $"- ancienne : `{oldFolder}`\n- nouvelle : `{newFolder}`\n- seuil des évolutions listées : {minChangePct.ToString("0.##", inv)} %\n\n");
        md.Append("## Résumé\n\n");
        if (!d.AnythingChanged)
        {
            md.Append("Aucune différence.\n");
            return md.ToString();
        }

        md.Append(inv, $"| constat | nombre |\n|---|---:|\n");
        md.Append(inv, $"| valeurs modifiées (listées) | {d.ChangedValues.Count} |\n");
        md.Append(inv, $"| valeurs modifiées sous le seuil (non listées) | {d.ChangedValuesBelowThreshold} |\n");
        md.Append(inv, $"| cases nouvellement masquées (secret) | {d.NewlyHidden.Count} |\n");
        md.Append(inv, $"| cases nouvellement publiées | {d.NewlyPublished.Count} |\n");
        md.Append(inv, $"| autres changements de statut | {d.OtherStatusChanges.Count} |\n");
        md.Append(inv, $"| lignes apparues | {d.Appeared.Count} |\n");
        md.Append(inv, $"| lignes disparues | {d.Disappeared.Count} |\n");
        md.Append(inv, $"| textes retirés / ajoutés | {d.RemovedText.Count} / {d.AddedText.Count} |\n\n");
        if (d.ChangedValues.Count > 0)
        {
            md.Append("## Valeurs modifiées\n\n| indicateur;année;niveau;territoire;catégorie;source | ancienne | nouvelle | écart | écart % |\n|---|---:|---:|---:|---:|\n");
            foreach (var c in d.ChangedValues)
            {
                var rel = c.Relative is { } r ? r.ToString("+0.0;-0.0;0.0", inv) : "—";
                md.Append(inv, $"| {c.Old.Key} | {c.Old.Value} | {c.New.Value} | {c.Absolute.ToString("+0.##;-0.##;0", inv)} | {rel} |\n");
            }

            md.Append('\n');
        }

        AppendStatus(md, "Cases nouvellement masquées", d.NewlyHidden);
        AppendStatus(md, "Cases nouvellement publiées", d.NewlyPublished);
        AppendStatus(md, "Autres changements de statut", d.OtherStatusChanges);
        AppendCells(md, "Lignes apparues", d.Appeared);
        AppendCells(md, "Lignes disparues", d.Disappeared);
        if (d.RemovedText.Count + d.AddedText.Count > 0)
        {
            md.Append("## Textes, tableaux et séries modifiés\n\n```diff\n");
            foreach (var l in d.RemovedText)
            {
                md.Append("- ").Append(l).Append('\n');
            }

            foreach (var l in d.AddedText)
            {
                md.Append("+ ").Append(l).Append('\n');
            }

            md.Append("```\n");
        }

        return md.ToString();
    }

    private static void AppendStatus(StringBuilder md, string title, IReadOnlyList<(PublishedCell Old, PublishedCell New)> cells)
    {
        if (cells.Count == 0)
        {
            return;
        }

        md.Append("## ").Append(title).Append("\n\n| case | avant | après |\n|---|---|---|\n");
        foreach (var (o, n) in cells)
        {
            md.Append("| ").Append(o.Key).Append(" | ").Append(o.Display).Append(" | ").Append(n.Display).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void AppendCells(StringBuilder md, string title, IReadOnlyList<PublishedCell> cells)
    {
        if (cells.Count == 0)
        {
            return;
        }

        md.Append("## ").Append(title).Append("\n\n");
        foreach (var c in cells)
        {
            md.Append("- ").Append(c.Key).Append(" = ").Append(c.Display).Append('\n');
        }

        md.Append('\n');
    }
}
