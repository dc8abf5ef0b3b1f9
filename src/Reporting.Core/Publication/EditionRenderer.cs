using System.Globalization;
using System.Text;
using Reporting.Compute;
using Reporting.Publication.Folder;
using Reporting.Publication.Html;
using Reporting.Publication.Narrative;
using Reporting.Publication.OpenData;
using Reporting.Publication.Pdf;
using Reporting.Publication.Quality;
using Reporting.Publication.Report;
using Reporting.Publication.Snapshot;
using Reporting.Publication.Workbook;

namespace Reporting.Publication;

/// <summary>One output file of a run, relative to the year's folder.</summary>
public sealed record OutputFile(string RelativePath, byte[] Content);

/// <summary>Which renderings to make. The text renderings are always made (the snapshot is composed from the documents' elements).</summary>
[Flags]
public enum Renderings
{
    /// <summary>The open-data files, the quality reports, the snapshot, the workbook and the folder's guide.</summary>
    Text = 0,

    /// <summary>The report and the 101 sheets as PDF: most of a run's time.</summary>
    Pdf = 1,

    /// <summary>The web edition (<c>site/</c>): some 130 pages.</summary>
    Site = 2,

    All = Pdf | Site,
}

/// <summary>A step of the rendering, for a progress display: <paramref name="Done"/> of <paramref name="Total"/> (the 101 sheets).</summary>
public readonly record struct RenderStep(string What, int Done, int Total);

/// <summary>
/// Renders one computed <see cref="Edition"/> into its files: the open-data CSV, the report, the 101 sheets, the
/// workbook, the snapshot, the quality reports and the web edition (<c>site/</c>). Every renderer reads the same finished cells; none computes a figure.
/// </summary>
public static class EditionRenderer
{
    public const string ReportStep = "rapport";

    public const string SheetsStep = "fiches";

    public const string SiteStep = "site";

    /// <param name="renderings">tests of the text and of the run folder skip the PDFs and the web edition; a run renders everything</param>
    /// <param name="progress">told of each sheet rendered (from the threads that render them)</param>
    public static IReadOnlyList<OutputFile> Render(Edition edition, TemplateSet templates, Renderings renderings = Renderings.All, IProgress<RenderStep>? progress = null)
    {
        var n = edition.Year.ToString(CultureInfo.InvariantCulture);
        var files = new List<OutputFile>
        {
            new(PublishedFiles.OpenDataCsv(edition.Year), IndicatorCsvWriter.Write(edition.Indicators, edition.Catalogue)),
            new(PublishedFiles.OpenDataParquet(edition.Year), IndicatorParquetWriter.Write(edition.Indicators, edition.Catalogue)),
            new(PublishedFiles.Dictionary, DataDictionaryWriter.Write(edition.Catalogue)),
        };
        var context = new PublicationContext(edition, templates);
        var (publications, report, sheets) = Publications(context, n, renderings.HasFlag(Renderings.Pdf), progress);
        files.AddRange(publications);
        files.Add(new($"qualite-{n}.md", Encoding.UTF8.GetBytes(QualityReportWriter.ToMarkdown(edition.Quality))));
        files.Add(new($"qualite-{n}.json", Encoding.UTF8.GetBytes(QualityReportWriter.ToJson(edition.Quality))));
        files.Add(new(PublishedFiles.DataPackage, DataPackageWriter.Write(edition, context.Identity, files)));
        files.Add(new(PublishedFiles.Guide, FolderGuide.Write(edition, context.Identity, files)));

        // The web edition, from the same composed documents; its download page lists the files above.
        if (renderings.HasFlag(Renderings.Site))
        {
            progress?.Report(new RenderStep(SiteStep, 0, 1));
            files.AddRange(SiteRenderer.Render(context, report, sheets, files));
        }

        return files;
    }

    /// <summary>
    /// The report, the 101 sheets, the workbook and the snapshot that renders all of them as text. The snapshot is made
    /// from the very elements the PDFs and the workbook print; the composed report and sheets are returned for the web
    /// edition.
    /// </summary>
    private static (List<OutputFile> Files, ComposedDocument Report, (string Code, ComposedDocument Sheet)[] Sheets) Publications(PublicationContext context, string n, bool pdf, IProgress<RenderStep>? progress)
    {
        var composed = AnnualReport.Compose(context);
        var (report, reportText) = (composed.Pdf, composed.Snapshot);
        var sheets = context.Geography.Departements.Select(d => (d.Code, Sheet: DepartementSheet.Compose(context, d.Code))).ToArray();
        var edition = context.Source;
        var workbook = WorkbookWriter.Write(new WorkbookModel(edition.Indicators, edition.Year, edition.Years, edition.Parameters.PublicationDate, edition.Nomenclature, edition.Breaks, edition.Geography)
        {
            Threshold = edition.Parameters.Threshold,
            Catalogue = edition.Catalogue,
            Identity = context.Identity,
        });
        var workbookText = new SnapshotSection(
            $"Classeur tableaux-{n}.xlsx",
            WorkbookText.Render(workbook).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.StartsWith("## ", StringComparison.Ordinal) ? "#" + l : l).ToArray());
        var files = new List<OutputFile>();
        if (pdf)
        {
            progress?.Report(new RenderStep(ReportStep, 0, 1));
            files.Add(new($"rapport-{n}.pdf", PdfRenderer.Render(report)));

            // The 101 sheets are independent documents: rendered on every core, kept in département order.
            var rendered = new byte[sheets.Length][];
            var done = 0;
            Parallel.For(0, sheets.Length, i =>
            {
                rendered[i] = PdfRenderer.Render(sheets[i].Sheet.Pdf);
                progress?.Report(new RenderStep(SheetsStep, Interlocked.Increment(ref done), sheets.Length));
            });
            files.AddRange(sheets.Select((s, i) => new OutputFile($"fiches/{s.Code}.pdf", rendered[i])));
        }

        files.Add(new OutputFile($"tableaux-{n}.xlsx", workbook));
        var sections = new[] { reportText, workbookText }.Concat(sheets.Select(s => s.Sheet.Snapshot));
        files.Add(new OutputFile($"snapshot-{n}.md", SnapshotWriter.Write(edition.Year, edition.Indicators, sections)));
        return (files, composed, sheets);
    }
}
