using System.Globalization;
using System.Text;
using Reporting.Disclosure;
using Reporting.Estimation;
using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Ingestion;
using Reporting.Linkage;
using Reporting.Publication.Narrative;
using Reporting.Publication.OpenData;
using Reporting.Publication.Pdf;
using Reporting.Publication.Report;
using Reporting.Publication.Snapshot;
using Reporting.Publication.Workbook;
using Reporting.Quality;
using Reporting.Reference;

namespace Reporting.Run;

/// <summary>One output file of a run, relative to the year's folder.</summary>
public sealed record OutputFile(string RelativePath, byte[] Content);

/// <summary>What a run produced: the files to publish, or the failures that stop it (and then nothing is published).</summary>
public sealed record RunOutcome(IReadOnlyList<string> Failures, IReadOnlyList<OutputFile> Files, IndicatorSet? Indicators, QualityReport? Quality)
{
    public IReadOnlyList<YearEstimate> Estimates { get; init; } = [];

    /// <summary>What the operator should see before publishing (also in the quality report): file-level warnings and line warnings by rule.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Succeeded => Failures.Count == 0;
}

/// <summary>
/// The annual run as data flowing through the stages (docs/design): ingestion → harmonisation → linkage → indicators
/// → publications. Only ingestion reads files; writing is left to <see cref="RunFolder"/>.
/// </summary>
public static class AnnualRun
{
    public static RunOutcome Execute(string dataDirectory, RunParameters parameters, TextWriter? log = null)
    {
        Nomenclature nomenclature;
        try
        {
            nomenclature = parameters.NomenclatureFile is null ? Nomenclature.Shipped() : Nomenclature.FromFile(parameters.NomenclatureFile);
        }
        catch (NomenclatureException e)
        {
            return Failed(e.Message);
        }

        var directory = DataDirectory.Discover(dataDirectory).ForSeries(parameters.Year);
        if (!directory.Extracts.Any(e => e.Year == parameters.Year))
        {
            return Failed(string.Create(CultureInfo.InvariantCulture, $"{dataDirectory} : aucun extrait de l'année {parameters.Year}"));
        }

        var years = directory.Years;
        var geography = Geography.Default;
        var harmoniser = new Harmoniser(nomenclature);
        var linker = new Linker();
        log?.WriteLine($"Lecture de {directory.Extracts.Count} extraits ({years[0]}-{years[^1]})…");
        var ingestion = ExtractLoader.Load(directory, geography, new IngestionOptions(parameters.MaxErrorShare), nomenclature.Scope(), extract =>
        {
            harmoniser.CountOutOfScope(extract.File.Source, extract.OutOfScopeCodes);
            linker.Link(extract, harmoniser.Classify);
        }, out var population);
        var title = string.Create(CultureInfo.InvariantCulture, $"Rapport de qualité — publication {parameters.Year}");
        if (ingestion.HasFailures)
        {
            return new RunOutcome(ingestion.Failures.Select(f => f.Message).ToArray(), [], null, new QualityReport(title, ingestion));
        }

        var inputs = directory.Extracts.Select(e => e.Path).Concat(directory.PopulationFile is { } p ? [p] : []).ToArray();
        var digests = Task.Run(() => Manifest.Digests(inputs));
        var linked = linker.Build();
        var availability = new Availability(nomenclature, directory.Extracts.Select(e => (e.Source, e.Year)).ToHashSet());
        var breaks = SeriesBreaks.Build(SeriesBreaks.ReadDeclared(), availability, years);
        log?.WriteLine("Calcul des indicateurs…");
        var computed = new IndicatorBuilder(geography, availability, breaks).Build(linked, population.Where(p => years.Contains(p.Year)).ToArray(), years);
        log?.WriteLine("Secret statistique et audit…");
        DisclosureResult disclosure;
        try
        {
            disclosure = DisclosureControl.Apply(computed, geography, new DisclosureParameters(parameters.Threshold, parameters.ProtectionRange));
        }
        catch (DisclosureAuditException e)
        {
            return Failed("secret statistique : l'audit a trouvé une case masquée recalculable, rien n'est publié — " + e.Message);
        }

        log?.WriteLine("Estimation par capture-recapture…");
        var (indicators, estimates) = OverlapEstimation.Apply(disclosure.Indicators, availability);
        var quality = new QualityReport(title, ingestion)
        {
            Sections =
            [
                RunQualitySections.OutOfScope(harmoniser),
                RunQualitySections.Findings(harmoniser),
                RunQualitySections.Linkage(linked),
                RunQualitySections.Breaks(breaks, years),
                RunQualitySections.Disclosure(disclosure, parameters.Threshold, parameters.ProtectionRange),
                RunQualitySections.Estimation(estimates),
            ],
        };

        // Everything from here renders finished figures: the benchmark times the run with and without it from this line.
        log?.WriteLine("Écriture des publications : rapport, fiches départementales, classeur…");
        var n = parameters.Year.ToString(CultureInfo.InvariantCulture);
        IReadOnlyList<OutputFile> publications;
        try
        {
            var context = new PublicationContext(indicators, parameters, estimates, breaks, nomenclature, ingestion, disclosure.Tables, geography, TemplateSet.Load(parameters.Templates));
            publications = Publications(context, n);
        }
        catch (TemplateException e)
        {
            return Failed(e.Message);
        }

        var files = new List<OutputFile> { new($"indicateurs-{n}.csv", IndicatorCsvWriter.Write(indicators)) };
        files.AddRange(publications);
        files.Add(new($"qualite-{n}.md", Encoding.UTF8.GetBytes(QualityReportWriter.ToMarkdown(quality))));
        files.Add(new($"qualite-{n}.json", Encoding.UTF8.GetBytes(QualityReportWriter.ToJson(quality))));
        files.Add(new OutputFile("manifest.json", Manifest.Write(parameters, years, nomenclature, inputs, files, digests.GetAwaiter().GetResult())));
        return new RunOutcome([], files, indicators, quality) { Estimates = estimates, Warnings = Warnings(ingestion) };
    }

    private static string[] Warnings(IngestionReport ingestion) => ingestion.Files
        .SelectMany(f => f.FileWarnings.Select(w => $"{f.File} : {w.Rule.Label} — {w.Detail}")
            .Concat(f.CountByRule(Severity.Warning).Select(r => string.Create(CultureInfo.InvariantCulture, $"{f.File} : {r.Count} ligne(s) — {r.Rule.Label}"))))
        .ToArray();

    /// <summary>
    /// The report, the 101 sheets, the workbook and the snapshot that renders all of them as text. Every renderer reads
    /// the same finished cells; the snapshot is made from the very elements the PDFs and the workbook print.
    /// </summary>
    private static IReadOnlyList<OutputFile> Publications(PublicationContext context, string n)
    {
        var (report, reportText) = AnnualReport.Compose(context);
        var sheets = context.Geography.Departements.Select(d => (d.Code, Sheet: DepartementSheet.Compose(context, d.Code))).ToArray();
        var workbook = WorkbookWriter.Write(new WorkbookModel(context.Indicators, context.Year, context.Years, context.Parameters.PublicationDate, context.Nomenclature, context.Breaks, context.Geography) { Threshold = context.Parameters.Threshold });
        var workbookText = new SnapshotSection(
            $"Classeur tableaux-{n}.xlsx",
            WorkbookText.Render(workbook).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.StartsWith("## ", StringComparison.Ordinal) ? "#" + l : l).ToArray());
        var files = new List<OutputFile> { new($"rapport-{n}.pdf", PdfRenderer.Render(report)) };
        // The 101 sheets are independent documents: rendered on every core, kept in département order.
        var rendered = new byte[sheets.Length][];
        Parallel.For(0, sheets.Length, i => rendered[i] = PdfRenderer.Render(sheets[i].Sheet.Document));
        files.AddRange(sheets.Select((s, i) => new OutputFile($"fiches/{s.Code}.pdf", rendered[i])));
        files.Add(new OutputFile($"tableaux-{n}.xlsx", workbook));
        var sections = new[] { reportText, workbookText }.Concat(sheets.Select(s => s.Sheet.Snapshot));
        files.Add(new OutputFile($"snapshot-{n}.md", SnapshotWriter.Write(context.Year, context.Indicators, sections)));
        return files;
    }

    private static RunOutcome Failed(string message) => new([message], [], null, null);
}
