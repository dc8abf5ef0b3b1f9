using System.Text;
using Reporting.Tests.Publication.Pdf;
using Reporting.Tests.Support;
using Reporting.Tests.Support.Snapshots;

namespace Reporting.Tests.Publication;

/// <summary>
/// Snapshots of every publication on data-samples, in Verify's convention: a change to any figure, sentence or
/// hidden cell shows as a readable diff in the pull request.
/// </summary>
public sealed class PublicationSnapshotTests
{
    [Fact]
    public void Open_data_csv() => Snapshot.Verify(Text("indicateurs-2025.csv"), "csv");

    [Fact]
    public void Publication_snapshot() => Snapshot.Verify(Text("snapshot-2025.md"), "md");

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
