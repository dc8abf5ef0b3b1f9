using System.Globalization;
using System.Security.Cryptography;
using Reporting.Disclosure;
using Reporting.Estimation;
using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Ingestion;
using Reporting.Linkage;
using Reporting.Quality;
using Reporting.Reference;

namespace Reporting.Compute;

/// <summary>
/// The annual computation as data flowing through the stages (docs/design): ingestion → harmonisation → linkage →
/// indicators → secret statistique → estimation, into one <see cref="Edition"/>. Only ingestion reads files; nothing
/// is written: rendering and publishing come after, from the edition.
/// </summary>
public static class AnnualComputation
{
    public static ComputeOutcome Compute(string dataDirectory, RunParameters parameters, TextWriter? log = null)
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
            // A refused file named like the year's extract (a directory, a pipe) says more than "no extract".
            return new ComputeOutcome(
                [.. directory.Refused.Select(f => f.Message), string.Create(CultureInfo.InvariantCulture, $"{DataDirectory.Printable(dataDirectory)} : aucun extrait lisible de l'année {parameters.Year}")],
                null,
                null);
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
            return new ComputeOutcome(ingestion.Failures.Select(f => f.Message).ToArray(), null, new QualityReport(title, ingestion));
        }

        // The inputs are hashed for the manifest on the core the single-threaded later stages leave idle.
        var inputs = directory.Extracts.Select(e => e.Path).Concat(directory.PopulationFile is { } p ? [p] : []).ToArray();
        var digests = Task.Run(() => Digests(inputs));
        var linked = linker.Build();
        var availability = new Availability(nomenclature, directory.Extracts.Select(e => (e.Source, e.Year)).ToHashSet());
        var breaks = SeriesBreaks.Build(SeriesBreaks.ReadDeclared(), availability, years);
        log?.WriteLine("Calcul des indicateurs…");
        var computed = new IndicatorBuilder(geography, availability, breaks).Build(linked, population.Where(p => years.Contains(p.Year)).ToArray(), years);
        log?.WriteLine("Secret statistique et audit…");
        var catalogue = IndicatorCatalogue.Shipped;
        DisclosureResult disclosure;
        try
        {
            disclosure = DisclosureControl.Apply(computed, geography, new DisclosureParameters(parameters.Threshold, parameters.ProtectionRange), catalogue);
        }
        catch (DisclosureAuditException e)
        {
            return Failed("secret statistique : l'audit a trouvé une case masquée recalculable, rien n'est publié — " + e.Message);
        }

        log?.WriteLine("Estimation par capture-recapture…");
        // The linkage-error facts (issue 19): per victim source, year and category, the persons counted and those with a key.
        var keyRates = KeyRates.Of(linked.Lines, OverlapEstimation.Categories);
        var (indicators, estimates) = OverlapEstimation.Apply(disclosure.Indicators, availability, keyRates);
        var quality = new QualityReport(title, ingestion)
        {
            Sections =
            [
                RunQualitySections.OutOfScope(harmoniser),
                RunQualitySections.Findings(harmoniser),
                RunQualitySections.Linkage(linked),
                RunQualitySections.Breaks(breaks, years),
                RunQualitySections.Disclosure(disclosure, parameters.Threshold, parameters.ProtectionRange),
                RunQualitySections.InformationLoss(disclosure, catalogue),
                RunQualitySections.Estimation(estimates),
                LinkageCorrectionSection.Of(estimates),
            ],
        };
        var edition = new Edition(
            EditionParameters.From(parameters),
            catalogue,
            indicators,
            estimates,
            breaks,
            nomenclature,
            ingestion,
            disclosure.Tables,
            geography,
            quality,
            digests.GetAwaiter().GetResult())
        {
            Warnings = Warnings(ingestion),
            MapClasses = RateClasses.Of(indicators, geography.Departements.Select(d => d.Code), parameters.Year),
            Lines = LineCounts.Of(ingestion),
            KeyRates = keyRates,
        };
        return new ComputeOutcome([], edition, quality);
    }

    /// <summary>Each input's size and SHA-256, streamed (an extract of hundreds of megabytes is never held in memory).</summary>
    public static IReadOnlyList<InputDigest> Digests(IEnumerable<string> inputs) => inputs
        .Order(StringComparer.Ordinal)
        .Select(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            return new InputDigest(path, stream.Length, SHA256.HashData(stream));
        })
        .ToArray();

    private static string[] Warnings(IngestionReport ingestion) => ingestion.Files
        .SelectMany(f => f.FileWarnings.Select(w => $"{f.File} : {w.Rule.Label} — {w.Detail}")
            .Concat(f.CountByRule(Severity.Warning).Select(r => string.Create(CultureInfo.InvariantCulture, $"{f.File} : {r.Count} ligne(s) — {r.Rule.Label}"))))
        .ToArray();

    private static ComputeOutcome Failed(string message) => new([message], null, null);
}
