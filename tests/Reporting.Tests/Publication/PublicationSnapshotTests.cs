using System.Globalization;
using System.Text;
using Reporting.Publication.OpenData;
using Reporting.Publication.Snapshot;
using Reporting.Tests.Publication.Pdf;
using Reporting.Tests.Support;
using Reporting.Tests.Support.Snapshots;

namespace Reporting.Tests.Publication;

/// <summary>
/// Snapshots of every publication on data-samples, in Verify's convention: a change to any figure, sentence or
/// hidden cell shows as a readable diff in the pull request.
/// </summary>
/// <remarks>
/// Each cell is stored once, in the open-data file's snapshot. <c>snapshot-N.md</c> ends with the same cells in another
/// form, one per line: stored again they were 18 MB of the 19 MB of expectations, and a changed figure changed two
/// verified files. So the publication snapshot is verified without its cells section, and that section is checked line
/// by line against the open-data file of the same run.
/// </remarks>
public sealed class PublicationSnapshotTests
{
    /// <summary>What the verified publication snapshot holds in place of the cell lines (the engine writes them).</summary>
    private const string CellsNotStored =
        "[cell lines not stored in this snapshot: they are the lines of PublicationSnapshotTests.Open_data_csv.verified.csv, "
        + "checked by PublicationSnapshotTests.Snapshot_cells_are_the_open_data_cells]";

    [Fact]
    public void Open_data_csv() => Snapshot.Verify(Text("indicateurs-2025.csv"), "csv");

    [Fact]
    public void Publication_snapshot() => Snapshot.Verify(PublicationSnapshot().WithoutCells + CellsNotStored + "\n", "md");

    [Fact]
    public void Snapshot_cells_are_the_open_data_cells()
    {
        // Given: the open-data file as published, read back as reviewers and `reporting diff` read it.
        var rows = Text("indicateurs-2025.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(';', IndicatorCsvWriter.Header), rows[0]);
        var expected = rows.Skip(1).Select(SnapshotLine).ToList();

        // When
        var cells = PublicationSnapshot().Cells;

        // Then: the same cells, in the same order, one line each.
        var first = Enumerable.Range(0, Math.Min(expected.Count, cells.Count)).FirstOrDefault(i => expected[i] != cells[i], -1);
        Assert.True(first < 0, $"Cell line {first + 1} of the snapshot is \"{(first < 0 ? null : cells[first])}\", the open-data file gives \"{(first < 0 ? null : expected[first])}\".");
        Assert.Equal(expected.Count, cells.Count);
    }

    // The workbook's own snapshot, one CSV-like text per sheet: Workbook/WorkbookSamplesTests.Renders_as_text.

    [Fact]
    public void Report_as_text_per_page() => Snapshot.Verify(PdfText(SampleRun.File(SampleRun.Outcome, "rapport-2025.pdf")));

    [Fact]
    public void Departement_sheets_as_text_per_page()
    {
        var text = new StringBuilder();
        foreach (var sheet in SampleRun.Outcome.Files.Where(f => f.RelativePath.StartsWith("fiches/", StringComparison.Ordinal)).OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            text.Append("# ").Append(sheet.RelativePath).Append('\n').Append(PdfText(sheet.Content));
        }

        Snapshot.Verify(text.ToString());
    }

    /// <summary>
    /// <c>snapshot-N.md</c> cut at its cells section, the last one: everything up to and including that section's heading
    /// and blank line, then the cell lines.
    /// </summary>
    private static (string WithoutCells, IReadOnlyList<string> Cells) PublicationSnapshot()
    {
        var text = Text("snapshot-2025.md");
        var heading = "\n" + SnapshotWriter.CellsHeading + "\n\n";
        var at = text.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(at >= 0, $"snapshot-2025.md has no \"{SnapshotWriter.CellsHeading}\" section");
        var end = at + heading.Length;
        return (text[..end], text[end..].Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>An open-data line as the snapshot writes it: <c>indicateur année niveau territoire catégorie source = valeur</c>, the status symbol in place of a value not published.</summary>
    private static string SnapshotLine(string csvLine)
    {
        var f = csvLine.Split(';');
        if (f.Length != 8)
        {
            Assert.Fail($"open-data line with {f.Length} fields: {csvLine}");
        }

        var cell = new PublishedCell(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3], f[4], f[5], f[6], f[7]);
        return string.Create(CultureInfo.InvariantCulture, $"{cell.Indicator} {cell.Year} {cell.Level} {cell.Territory} {cell.Category} {cell.Source} = {cell.Display}");
    }

    private static string Text(string file) => Encoding.UTF8.GetString(SampleRun.File(SampleRun.Outcome, file)).TrimStart('\uFEFF');

    private static string PdfText(byte[] pdf)
    {
        var text = new StringBuilder();
        var pages = PdfReadBack.PageTexts(pdf);
        for (var i = 0; i < pages.Count; i++)
        {
            text.Append("--- page ").Append(i + 1).Append(" ---\n");
            foreach (var line in pages[i])
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }
}
