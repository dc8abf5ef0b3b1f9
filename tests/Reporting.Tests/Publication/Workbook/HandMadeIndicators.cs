using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Ingestion;
using Reporting.Publication.Workbook;
using Reporting.Reference;

namespace Reporting.Tests.Publication.Workbook;

/// <summary>
/// A small indicator set written by hand: published, <c>c</c>, <c>x</c> and <c>z</c> cells, a declared break (ASE,
/// ESM-AUTRE, 2019) and the breaks of <c>toutes</c> it implies, justice and overlap figures, over 2018-2019.
/// </summary>
internal static class HandMadeIndicators
{
    public const int Year = 2019;

    /// <summary>The declared break's note, with a <c>;</c> as the published notes have.</summary>
    public const string BreakNote = "Jusqu'en 2018, le code EXPL regroupait toutes les formes ; depuis 2019 il est éclaté.";

    public static readonly int[] Years = [2018, 2019];

    public static readonly DateOnly PublicationDate = new(2020, 4, 1);

    public static readonly string AseAutreBreak = NoteIds.Break("ase", Category.Other, 2019);

    public static readonly string AllProstBreak = NoteIds.Break(SeriesBreaks.AllSources, Category.Prostitution, 2019);

    /// <summary>A hand-written identity: the cover and the properties print it.</summary>
    public static readonly Reporting.Publication.Narrative.PublicationIdentity Identity = new()
    {
        Service = "Service statistique d'essai",
        ServiceShort = "SSE",
        Series = "Essais",
        Number = "7",
        Director = "La direction d'essai",
        Authors = ["Auteur A", "Auteur B"],
        Contact = "essai@example.org",
        NextRelease = "avril 2021",
        TablesUrl = "https://example.org/tableaux",
        SheetsUrl = "https://example.org/fiches",
    };

    public static WorkbookModel Model(bool withEstimate = false, DateOnly? publicationDate = null, IEnumerable<Cell>? extra = null)
    {
        var nomenclature = Nomenclature.Shipped();
        var extracts = SourceNames.All.SelectMany(s => Years.Select(y => (s, y))).ToHashSet();
        var breaks = SeriesBreaks.Build([new SeriesBreak("ase", Category.Other, 2019, BreakNote, Derived: false)], new Availability(nomenclature, extracts), Years);
        var cells = Cells().Concat(withEstimate ? Estimate() : []).Concat(extra ?? []);
        var set = new IndicatorSet(cells.Concat(Overlaps()), Years, []);
        return new WorkbookModel(set, Year, Years, publicationDate, nomenclature, breaks, Geography.Default) { Identity = Identity };
    }

    public static Cell C(string indicator, int year, Level level, string territory, string category, string source, decimal? value, CellStatus status = CellStatus.Published, params string[] notes) =>
        new(new CellKey(indicator, year, level, territory, category, source), value, status, notes);

    private static IEnumerable<Cell> Cells()
    {
        const string all = SeriesBreaks.AllSources;
        var fr = Level.France;
        var dep = Level.Departement;
        const CellStatus c = CellStatus.Confidential;
        const CellStatus x = CellStatus.NotAvailable;
        const CellStatus z = CellStatus.NotApplicable;

        // France, all sources.
        yield return C(IndicatorCodes.MinorVictims, 2019, fr, "FR", Category.All, all, 120);
        yield return C(IndicatorCodes.Rate, 2019, fr, "FR", Category.All, all, 2.5m);
        yield return C(IndicatorCodes.Change, 2019, fr, "FR", Category.All, all, 20.0m);
        yield return C(IndicatorCodes.ShareGirls, 2019, fr, "FR", Category.All, all, 80.0m);
        yield return C(IndicatorCodes.ShareUnder15, 2019, fr, "FR", Category.All, all, 35.5m);
        yield return C(IndicatorCodes.MinorVictims, 2018, fr, "FR", Category.All, all, 100);
        yield return C(IndicatorCodes.Rate, 2018, fr, "FR", Category.All, all, 2.1m);
        yield return C(IndicatorCodes.Change, 2018, fr, "FR", Category.All, all, null, x);
        yield return C(IndicatorCodes.ShareGirls, 2018, fr, "FR", Category.All, all, 78.0m);
        yield return C(IndicatorCodes.ShareUnder15, 2018, fr, "FR", Category.All, all, 30.0m);

        // A derived break of all sources: ASE starts giving ESM-PROST in 2019.
        yield return C(IndicatorCodes.MinorVictims, 2019, fr, "FR", Category.Prostitution, all, 30, CellStatus.Published, AllProstBreak);
        yield return C(IndicatorCodes.Change, 2019, fr, "FR", Category.Prostitution, all, null, z, AllProstBreak);

        // Police: the share of minors exists for police only; a count over a thousand.
        yield return C(IndicatorCodes.MinorVictims, 2019, fr, "FR", Category.All, "police", 1234);
        yield return C(IndicatorCodes.Rate, 2019, fr, "FR", Category.All, "police", 25.7m);
        yield return C(IndicatorCodes.Change, 2019, fr, "FR", Category.All, "police", -3.3m);
        yield return C(IndicatorCodes.ShareMinors, 2019, fr, "FR", Category.All, "police", 60.0m);
        yield return C(IndicatorCodes.MinorVictims, 2018, fr, "FR", Category.Prostitution, "police", 4);

        // ASE: the declared break, and a category not available before it.
        yield return C(IndicatorCodes.MinorVictims, 2019, fr, "FR", Category.Other, "ase", 12, CellStatus.Published, AseAutreBreak);
        yield return C(IndicatorCodes.Change, 2019, fr, "FR", Category.Other, "ase", null, z, AseAutreBreak);
        yield return C(IndicatorCodes.ShareGirls, 2019, fr, "FR", Category.Other, "ase", null, z);
        yield return C(IndicatorCodes.MinorVictims, 2018, fr, "FR", Category.Prostitution, "ase", null, x);
        yield return C(IndicatorCodes.Rate, 2018, fr, "FR", Category.Prostitution, "ase", null, x);

        // Départements: a hidden count (its value must never reach the file), a published zero, a missing population.
        yield return C(IndicatorCodes.MinorVictims, 2019, dep, "75", Category.All, all, 4, c);
        yield return C(IndicatorCodes.Rate, 2019, dep, "75", Category.All, all, 0.3m, c);
        yield return C(IndicatorCodes.MinorVictims, 2019, dep, "13", Category.All, all, 0);
        yield return C(IndicatorCodes.Rate, 2019, dep, "13", Category.All, all, 0.0m);
        yield return C(IndicatorCodes.MinorVictims, 2019, dep, "2A", Category.All, all, 15);
        yield return C(IndicatorCodes.Rate, 2019, dep, "2A", Category.All, all, null, x);
        yield return C(IndicatorCodes.MinorVictims, 2019, dep, "01", Category.All, all, 17);
        yield return C(IndicatorCodes.MinorVictims, 2019, dep, "971", Category.AtRisk, "sante", 2, c);
        yield return C(IndicatorCodes.Rate, 2019, dep, "971", Category.AtRisk, "sante", 1.1m, c);

        // A region, with a change hidden because it derives from a hidden count.
        yield return C(IndicatorCodes.MinorVictims, 2019, Level.Region, "11", Category.All, all, 25);
        yield return C(IndicatorCodes.Rate, 2019, Level.Region, "11", Category.All, all, 1.0m);
        yield return C(IndicatorCodes.Change, 2019, Level.Region, "11", Category.All, all, 5.0m, c);

        // Justice.
        yield return C(IndicatorCodes.Prosecuted, 2019, fr, "FR", Category.All, "justice", 30);
        yield return C(IndicatorCodes.Convicted, 2019, fr, "FR", Category.All, "justice", 20);
        yield return C(IndicatorCodes.FirmPrison, 2019, fr, "FR", Category.All, "justice", 10);
        yield return C(IndicatorCodes.MeanQuantum, 2019, fr, "FR", Category.All, "justice", 18.5m);
        yield return C(IndicatorCodes.Prosecuted, 2018, fr, "FR", Category.All, "justice", 25);
        yield return C(IndicatorCodes.Convicted, 2018, fr, "FR", Category.All, "justice", 15);
        yield return C(IndicatorCodes.FirmPrison, 2018, fr, "FR", Category.All, "justice", 0);
        yield return C(IndicatorCodes.MeanQuantum, 2018, fr, "FR", Category.All, "justice", null, z);
    }

    private static IEnumerable<Cell> Estimate()
    {
        const string all = SeriesBreaks.AllSources;
        yield return C(IndicatorCodes.Estimate, 2019, Level.France, "FR", Category.All, all, 250);
        yield return C(IndicatorCodes.EstimateLow, 2019, Level.France, "FR", Category.All, all, 180);
        yield return C(IndicatorCodes.EstimateHigh, 2019, Level.France, "FR", Category.All, all, 400);
    }

    /// <summary>
    /// Persons by the sources that saw them: police alone in 2018 for ESM-PROST (which ASE and santé did not give then,
    /// so every combination with them is <c>x</c>); in 2019, 10 police only, 5 ASE only, 3 santé only, 2 police and ASE,
    /// 1 all three.
    /// </summary>
    private static IEnumerable<Cell> Overlaps()
    {
        const string all = SeriesBreaks.AllSources;
        const CellStatus x = CellStatus.NotAvailable;
        var fr = Level.France;
        yield return C(IndicatorCodes.MinorVictims, 2018, fr, "FR", Category.Prostitution, all, 4);
        yield return C(IndicatorCodes.SeenByOne, 2018, fr, "FR", Category.Prostitution, all, 4);
        yield return C(IndicatorCodes.SeenByTwo, 2018, fr, "FR", Category.Prostitution, all, 0);
        yield return C(IndicatorCodes.SeenByPoliceOnly, 2018, fr, "FR", Category.Prostitution, all, 4);
        foreach (var indicator in new[] { IndicatorCodes.SeenByAseOnly, IndicatorCodes.SeenBySanteOnly, IndicatorCodes.SeenByPoliceAse, IndicatorCodes.SeenByPoliceSante, IndicatorCodes.SeenByAseSante, IndicatorCodes.SeenByThree })
        {
            yield return C(indicator, 2018, fr, "FR", Category.Prostitution, all, null, x);
        }

        yield return C(IndicatorCodes.SeenWithKey, 2018, fr, "FR", Category.Prostitution, all, 4);
        yield return C(IndicatorCodes.SeenByOne, 2019, fr, "FR", Category.All, all, 18);
        yield return C(IndicatorCodes.SeenByTwo, 2019, fr, "FR", Category.All, all, 2);
        yield return C(IndicatorCodes.SeenByPoliceOnly, 2019, fr, "FR", Category.All, all, 10);
        yield return C(IndicatorCodes.SeenByAseOnly, 2019, fr, "FR", Category.All, all, 5);
        yield return C(IndicatorCodes.SeenBySanteOnly, 2019, fr, "FR", Category.All, all, 3);
        yield return C(IndicatorCodes.SeenByPoliceAse, 2019, fr, "FR", Category.All, all, 2);
        yield return C(IndicatorCodes.SeenByPoliceSante, 2019, fr, "FR", Category.All, all, 0);
        yield return C(IndicatorCodes.SeenByAseSante, 2019, fr, "FR", Category.All, all, 0);
        yield return C(IndicatorCodes.SeenByThree, 2019, fr, "FR", Category.All, all, 1);
        yield return C(IndicatorCodes.SeenWithKey, 2019, fr, "FR", Category.All, all, 15);
    }
}
