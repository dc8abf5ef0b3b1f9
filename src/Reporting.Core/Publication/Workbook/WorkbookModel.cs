using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication.Narrative;
using Reporting.Reference;

namespace Reporting.Publication.Workbook;

/// <summary>
/// Everything <c>tableaux-N.xlsx</c> shows, finished: the workbook reads figures from <see cref="Indicators"/> and
/// computes none (publication.md).
/// </summary>
/// <param name="Year">the publication year N: départements and regions are shown for it</param>
/// <param name="Years">the years of the series, ascending</param>
/// <param name="PublicationDate">printed on the cover and stamped in the properties; null: a working edition, undated</param>
public sealed record WorkbookModel(
    IndicatorSet Indicators,
    int Year,
    IReadOnlyList<int> Years,
    DateOnly? PublicationDate,
    Nomenclature Nomenclature,
    SeriesBreaks Breaks,
    Geography Geography)
{
    /// <summary>The secret statistique threshold (outputs.md), only quoted in the note that explains <c>[c]</c>.</summary>
    public int Threshold { get; init; } = new Compute.RunParameters(0).Threshold;

    /// <summary>Who publishes, how to cite, the licence (<c>templates/publication.json</c>): the cover prints them.</summary>
    public PublicationIdentity Identity { get; init; } = PublicationIdentity.Default;

    /// <summary>What each indicator is: its column header, its decimals, the tables it is a column of.</summary>
    public IndicatorCatalogue Catalogue { get; init; } = IndicatorCatalogue.Shipped;

    internal void Validate()
    {
        if (Years.Count == 0 || !Years.Contains(Year))
        {
            throw new ArgumentException($"L'année {Year} n'est pas dans la série du classeur.", nameof(Years));
        }

        if (!Years.Zip(Years.Skip(1)).All(p => p.First < p.Second))
        {
            throw new ArgumentException("Les années de la série doivent être croissantes et distinctes.", nameof(Years));
        }
    }
}
