using Reporting.Publication.Workbook;
using Reporting.Tests.Support;
using Reporting.Tests.Support.Snapshots;

namespace Reporting.Tests.Publication.Workbook;

/// <summary><c>tableaux-2025.xlsx</c> as the annual run writes it from the repository's samples.</summary>
public sealed class WorkbookSamplesTests
{
    private static byte[] Workbook => SampleRun.File(SampleRun.Outcome, "tableaux-2025.xlsx");

    [Fact]
    public void It_follows_every_rule_of_the_guidance() => WorkbookRules.AssertAll(Workbook);

    [Fact]
    public void Every_figure_is_the_cell_as_published_with_its_status()
    {
        using var workbook = WorkbookRules.Open(Workbook);

        WorkbookFigures.MatchTheIndicatorSet(workbook, SampleRun.Outcome.Indicators!, SampleRun.Year);
    }

    // A second run writes the same bytes: AnnualRunSamplesTests.Two_runs_on_the_same_inputs_give_identical_bytes_whatever_the_time_zone_and_culture compares
    // every file of two whole runs, the workbook included.

    [Fact]
    public void The_manifest_lists_the_workbook() =>
        Assert.Contains("tableaux-2025.xlsx", System.Text.Encoding.UTF8.GetString(SampleRun.File(SampleRun.Outcome, "manifest.json")), StringComparison.Ordinal);

    [Fact]
    public void Renders_as_text() => Snapshot.Verify(WorkbookText.Render(Workbook));
}
