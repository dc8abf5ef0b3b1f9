using Reporting.Cli;
using Reporting.Publication;
using Reporting.Tests.Support;

namespace Reporting.Tests.Cli;

/// <summary>A run's progress and last lines (issue #16 item 5), driven as the engine drives them, without a run.</summary>
public sealed class RunProgressTests
{
    private static string Drive(Terminal terminal)
    {
        var output = new StringWriter();
        var progress = new RunProgress(output, terminal);
        progress.WriteLine("Lecture de 40 extraits (2016-2025)…");
        progress.WriteLine("Écriture des publications : rapport, fiches départementales, classeur…");
        progress.Report(new RenderStep(EditionRenderer.ReportStep, 0, 1));
        foreach (var done in new[] { 1, 3, 2, 4 })
        {
            progress.Report(new RenderStep(EditionRenderer.SheetsStep, done, 4));
        }

        progress.Report(new RenderStep(EditionRenderer.SiteStep, 0, 1));
        return output.ToString();
    }

    [Fact]
    public void Off_a_terminal_the_stage_lines_stay_as_the_engine_writes_them_and_one_line_ends_the_sheets()
    {
        Assert.Equal(
            "Lecture de 40 extraits (2016-2025)…\nÉcriture des publications : rapport, fiches départementales, classeur…\nFiches départementales : 4 sur 4.\n",
            Drive(Terminal.None));
    }

    [Fact]
    public void On_a_terminal_stages_are_numbered_and_the_sheets_counted_in_place()
    {
        var shown = Drive(new Terminal(true, false, 100));

        Assert.StartsWith("[1/5] Lecture de 40 extraits", shown, StringComparison.Ordinal);
        Assert.Contains("\n[2/5] Écriture des publications", shown, StringComparison.Ordinal);
        Assert.Contains("\r      fiches départementales : 3/4\r      fiches départementales : 4/4\n", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("2/4", shown, StringComparison.Ordinal);
        Assert.EndsWith("      édition web…\n", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_lines_summarise_the_quality_report_and_say_where_to_look_first()
    {
        // The samples: 8 lines rejected in 3 files (police 2019, justice 2021, santé 2024; README « The samples »).
        var lines = RunProgress.Summary(SampleRun.Outcome.Quality!, "out/2025/qualite-2025.md", SampleRun.Outcome.Warnings.Count).ToArray();

        Assert.StartsWith("Qualité des extraits : 41 fichiers lus, ", lines[0], StringComparison.Ordinal);
        Assert.Contains("8 lignes rejetées dans 3 fichiers", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("À regarder d'abord : out/2025/qualite-2025.md", lines[1], StringComparison.Ordinal);
        Assert.Equal(["justice_2021.csv", "police_2019.csv", "sante_2024.csv"], lines[2..].Select(l => l.Trim().Split(' ')[0]));
        Assert.All(lines[2..], l => Assert.Contains("surtout ", l, StringComparison.Ordinal));
    }
}
