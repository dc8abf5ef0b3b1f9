using System.Globalization;
using System.Text;
using Reporting.Disclosure;
using Reporting.Estimation;
using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Ingestion;
using Reporting.Linkage;
using Reporting.Publication.OpenData;
using Reporting.Publication.Snapshot;
using Reporting.Quality;
using Reporting.Reference;

namespace Reporting.Run;

/// <summary>One output file of a run, relative to the year's folder.</summary>
public sealed record OutputFile(string RelativePath, byte[] Content);

/// <summary>What a run produced: the files to publish, or the failures that stop it (and then nothing is published).</summary>
public sealed record RunOutcome(IReadOnlyList<string> Failures, IReadOnlyList<OutputFile> Files, IndicatorSet? Indicators, QualityReport? Quality)
{
    public IReadOnlyList<YearEstimate> Estimates { get; init; } = [];

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
        log?.WriteLine("Écriture des publications…");
        var n = parameters.Year.ToString(CultureInfo.InvariantCulture);
        var files = new List<OutputFile>
        {
            new($"indicateurs-{n}.csv", IndicatorCsvWriter.Write(indicators)),
            new($"snapshot-{n}.md", SnapshotWriter.Write(parameters.Year, indicators, PublicationSections(estimates))),
            new($"qualite-{n}.md", Encoding.UTF8.GetBytes(QualityReportWriter.ToMarkdown(quality))),
            new($"qualite-{n}.json", Encoding.UTF8.GetBytes(QualityReportWriter.ToJson(quality))),
        };
        files.Add(new OutputFile("manifest.json", Manifest.Write(parameters, years, nomenclature, inputs, files, digests.GetAwaiter().GetResult())));
        return new RunOutcome([], files, indicators, quality) { Estimates = estimates };
    }

    /// <summary>The parts of the publications that are not cells, rendered for the snapshot.</summary>
    private static IEnumerable<SnapshotSection> PublicationSections(IReadOnlyList<YearEstimate> estimates)
    {
        var inv = CultureInfo.InvariantCulture;
        yield return new SnapshotSection(
            "Recoupement des sources (série du graphique et tableau du classeur)",
            estimates.Select(e => string.Create(inv, $"{e.Year} {e.Category} sources={string.Join('+', e.Lists)} vus={e.Overlap.Total} par1={e.Overlap.SeenBy(1)} par2={e.Overlap.SeenBy(2)} par3={e.Overlap.SeenBy(3)} modele={(e.Estimate is { } m ? string.Join(',', m.InteractionNames.Prepend("independance")) : "aucun")} remarque={e.NotEstimatedReason ?? "-"}")).ToArray());
    }

    private static RunOutcome Failed(string message) => new([message], [], null, null);
}
