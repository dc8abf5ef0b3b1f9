using Reporting.Compute;
using Reporting.Disclosure;
using Reporting.Estimation;
using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Ingestion;
using Reporting.Publication.Narrative;
using Reporting.Reference;

namespace Reporting.Publication.Report;

/// <summary>
/// What the publications are composed from: one computed edition, the wording and the publication's identity, never
/// person data. A dated edition whose identity still has a field to fill in is refused here, before anything is composed.
/// </summary>
public sealed record PublicationContext(Edition Source, TemplateSet Templates)
{
    private readonly PublicationIdentity identity = Complete(Templates.Identity, Source.Parameters.PublicationDate);

    /// <summary>Who publishes, the series, the citation's parts, the licence (<c>templates/publication.json</c>).</summary>
    public PublicationIdentity Identity => identity;

    public EditionParameters Parameters => Source.Parameters;

    public IndicatorSet Indicators => Source.Indicators;

    public IReadOnlyList<YearEstimate> Estimates => Source.Estimates;

    public SeriesBreaks Breaks => Source.Breaks;

    public Nomenclature Nomenclature => Source.Nomenclature;

    public IngestionReport Ingestion => Source.Ingestion;

    public IReadOnlyList<TableProtection> Protection => Source.Protection;

    public Geography Geography => Source.Geography;

    public int Year => Parameters.Year;

    public IReadOnlyList<int> Years => Indicators.Years;

    public int FirstYear => Years[0];

    public CellReader Cells { get; } = new(Source.Indicators, Source.Catalogue);

    /// <summary>The départements with at least one hidden cell in the publication year (their sheets say why).</summary>
    public IReadOnlySet<string> DepartementsWithHiddenCells => hidden ??= Indicators.Cells
        .Where(c => c.Key.Level == Level.Departement && c.Key.Year == Parameters.Year && c.Status == CellStatus.Confidential)
        .Select(c => c.Key.Territory)
        .ToHashSet(StringComparer.Ordinal);

    private IReadOnlySet<string>? hidden;

    /// <summary>The edition line of the title blocks and running headers.</summary>
    public string EditionLine => Parameters.PublicationDate is { } d ? "Publication du " + FrenchFormat.Date(d) : "Édition de travail, non datée";

    public string DateText => Parameters.PublicationDate is { } d ? FrenchFormat.Date(d) : "non datée";

    private static PublicationIdentity Complete(PublicationIdentity identity, DateOnly? date)
    {
        identity.EnsureComplete(date);
        return identity;
    }

    /// <summary>Whether the whole sub-national table of this count was hidden (the publications then say so in words).</summary>
    public bool WholeTableHidden(string indicator, int year, string source, string category) =>
        Protection.Any(t => t.Indicator == indicator && t.Year == year && t.Source == source && t.Category == category && t.WholeTableHidden);
}
