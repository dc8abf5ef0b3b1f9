using System.Text;
using Reporting.Ingestion;
using Reporting.Publication;
using Reporting.Publication.Narrative;
using Reporting.Quality;

namespace Reporting.Cli;

/// <summary>
/// A run's progress on the command line: the stages the engine logs and the rendering of the 101 sheets. On a terminal,
/// numbered stages and a counter of sheets redrawn in place; otherwise (a file, CI, a test) the stage lines as the engine
/// writes them and one line when the sheets are done — the same lines every time.
/// </summary>
public sealed class RunProgress(TextWriter output, Terminal terminal) : TextWriter, IProgress<RenderStep>
{
    /// <summary>The stages the engine logs (<c>AnnualComputation</c>, <c>AnnualRun</c>): reading, indicators, secret, estimate, writing.</summary>
    public const int Stages = 5;

    private readonly object gate = new();
    private readonly StringBuilder line = new();
    private int stage;
    private int shown;
    private bool counting;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (gate)
        {
            if (value == '\n')
            {
                Stage(line.ToString());
                line.Clear();
            }
            else
            {
                line.Append(value);
            }
        }
    }

    public override void WriteLine(string? value)
    {
        lock (gate)
        {
            line.Append(value);
            Stage(line.ToString());
            line.Clear();
        }
    }

    public void Report(RenderStep step)
    {
        lock (gate)
        {
            switch (step.What)
            {
                case EditionRenderer.SheetsStep when step.Done <= shown:
                    // Sheets finish on several threads: a count overtaken by a later one is not drawn back.
                    break;
                case EditionRenderer.SheetsStep when terminal.Interactive:
                    shown = step.Done;
                    output.Write($"\r      fiches départementales : {step.Done}/{step.Total}");
                    counting = step.Done < step.Total;
                    if (!counting)
                    {
                        output.Write('\n');
                    }

                    output.Flush();
                    break;
                case EditionRenderer.SheetsStep when step.Done == step.Total:
                    shown = step.Done;
                    output.WriteLine($"Fiches départementales : {step.Total} sur {step.Total}.");
                    break;
                case EditionRenderer.ReportStep when terminal.Interactive:
                    output.WriteLine("      rapport annuel (PDF)…");
                    break;
                case EditionRenderer.SiteStep when terminal.Interactive:
                    output.WriteLine("      édition web…");
                    break;
                default:
                    break;
            }
        }
    }

    private void Stage(string text)
    {
        if (counting)
        {
            output.Write('\n');
            counting = false;
        }

        output.WriteLine(terminal.Interactive ? $"[{Math.Min(++stage, Stages)}/{Stages}] {text}" : text);
        output.Flush();
    }

    /// <summary>
    /// The last lines of a run: the quality report in one sentence (files, lines read, rejected, warnings), then where to
    /// look first — the report itself, and the files with the most rejected lines, with their main rule.
    /// </summary>
    public static IEnumerable<string> Summary(QualityReport quality, string qualityFile, int operatorWarnings)
    {
        var files = quality.Ingestion.Files;
        var rejected = files.Where(f => f.LinesRejected > 0).OrderByDescending(f => f.LinesRejected).ThenBy(f => f.File, StringComparer.Ordinal).ToArray();
        var warnings = files.Sum(f => f.WarningCount);
        yield return $"Qualité des extraits : {Count(files.Count, "fichier")} lus, {Count(files.Sum(f => f.LinesRead), "ligne")} de données, "
            + $"{Count(files.Sum(f => f.LinesRejected), "ligne rejetée", "lignes rejetées")} dans {Count(rejected.Length, "fichier")}, {Count(warnings, "avertissement")}"
            + (quality.Ingestion.IgnoredFiles.Count > 0 ? $", {Count(quality.Ingestion.IgnoredFiles.Count, "fichier ignoré", "fichiers ignorés")}." : ".");
        if (rejected.Length == 0 && warnings == 0 && operatorWarnings == 0)
        {
            yield return $"Rapport de qualité : {qualityFile}";
            yield break;
        }

        yield return $"À regarder d'abord : {qualityFile}" + (operatorWarnings > 0 ? $" et les {Count(operatorWarnings, "avertissement")} ci-dessus" : string.Empty)
            + (rejected.Length > 0 ? " ; lignes rejetées :" : string.Empty);
        foreach (var f in rejected.Take(5))
        {
            var (rule, count) = f.CountByRule(Severity.Error).OrderByDescending(r => r.Count).First();
            yield return $"  {f.File} : {Count(f.LinesRejected, "ligne rejetée", "lignes rejetées")}, surtout {rule.Code} ({rule.Label}, {FrenchFormat.Integer(count)})";
        }
    }

    private static string Count(int n, string singular, string? plural = null) =>
        $"{FrenchFormat.Integer(n)} {(n is 0 or 1 ? singular : plural ?? singular + "s")}";
}
