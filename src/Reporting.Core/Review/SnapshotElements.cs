using System.Text;
using Reporting.Publication.Snapshot;

namespace Reporting.Review;

/// <summary>Which publication an element of the snapshot belongs to.</summary>
public enum ElementKind
{
    /// <summary>A section of the annual report (and the snapshot's own header).</summary>
    Report,

    /// <summary>A sheet (table) of the workbook.</summary>
    Workbook,

    /// <summary>A département sheet.</summary>
    Sheet,
}

/// <summary>One publication element as the snapshot prints it: a report section, a workbook table or a département sheet.</summary>
public sealed record SnapshotElement(ElementKind Kind, string Name, IReadOnlyList<string> Lines)
{
    /// <summary>The identity under which two editions' elements are compared.</summary>
    public string Id => $"{Kind}/{Name}";
}

/// <summary>
/// Cuts <c>snapshot-N.md</c> into the publication elements it renders, in publication order: the report's sections
/// (<c>## 1. Chiffres clés</c>, and their <c>###</c> parts), the workbook's tables (<c>### T1_France</c> under
/// <c>## Classeur …</c>) and the département sheets (<c>## Fiche 01 — Ain</c>). The cells section is left out: the diff
/// compares the open-data file cell by cell.
/// </summary>
public static class SnapshotElements
{
    private const string WorkbookPrefix = "Classeur ";
    private const string SheetPrefix = "Fiche ";
    private const string HeaderName = "En-tête de l’instantané";

    /// <summary>The elements of the folder's snapshot; none when the folder has no snapshot (an older publication).</summary>
    public static IReadOnlyList<SnapshotElement> Read(string folder)
    {
        var file = Directory.Exists(folder) ? Directory.GetFiles(folder, "snapshot-*.md").Order(StringComparer.Ordinal).FirstOrDefault() : null;
        return file is null ? [] : Parse(File.ReadLines(file, Encoding.UTF8));
    }

    public static IReadOnlyList<SnapshotElement> Parse(IEnumerable<string> lines)
    {
        var elements = new List<SnapshotElement>();
        var (kind, name, top) = (ElementKind.Report, HeaderName, string.Empty);
        var current = new List<string>();
        var skipping = false;

        void Close()
        {
            if (current.Count > 0)
            {
                elements.Add(new SnapshotElement(kind, name, current));
            }

            current = [];
        }

        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Close();
                skipping = line == SnapshotWriter.CellsHeading;
                top = line[3..];
                (kind, name) = top.StartsWith(WorkbookPrefix, StringComparison.Ordinal) ? (ElementKind.Workbook, top)
                    : top.StartsWith(SheetPrefix, StringComparison.Ordinal) ? (ElementKind.Sheet, top)
                    : (ElementKind.Report, top);
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal) && !skipping)
            {
                Close();
                // A workbook table is named by its sheet; a report's sub-part keeps its section's name before it.
                name = kind == ElementKind.Workbook ? line[4..] : $"{top} — {line[4..]}";
            }
            else if (!skipping && line.Length > 0 && !line.StartsWith("# ", StringComparison.Ordinal))
            {
                current.Add(line);
            }
        }

        Close();
        return elements;
    }
}
