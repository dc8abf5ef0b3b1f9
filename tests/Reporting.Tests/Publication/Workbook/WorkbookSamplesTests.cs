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

    [Fact]
    public void A_second_run_writes_the_same_bytes() =>
        Assert.Equal(Workbook, SampleRun.File(SampleRun.Execute(), "tableaux-2025.xlsx"));

    [Fact]
    public void The_manifest_lists_the_workbook() =>
        Assert.Contains("tableaux-2025.xlsx", System.Text.Encoding.UTF8.GetString(SampleRun.File(SampleRun.Outcome, "manifest.json")), StringComparison.Ordinal);

    [Fact]
    public void Renders_as_text() => Snapshot.Verify(WorkbookText.Render(Workbook));
}
