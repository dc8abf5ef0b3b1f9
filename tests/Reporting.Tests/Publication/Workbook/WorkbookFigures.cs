using ClosedXML.Excel;
using Reporting.Indicators;

namespace Reporting.Tests.Publication.Workbook;

/// <summary>
/// Reads the figure tables back and checks each value and status against the indicator set: the value is
/// <see cref="Cell.Shown"/> (empty unless published), the status the cell's symbol, with <c>[b]</c> when it carries a
/// break note; and every count of the set has its row.
/// </summary>
internal static class WorkbookFigures
{
    private static readonly (string Header, string Indicator)[] VictimFigures =
    [
        ("Victimes mineures", IndicatorCodes.MinorVictims),
        ("Taux pour 100 000 mineurs", IndicatorCodes.Rate),
        ("Évolution sur un an (%)", IndicatorCodes.Change),
        ("Part des filles (%)", IndicatorCodes.ShareGirls),
        ("Part des moins de 15 ans (%)", IndicatorCodes.ShareUnder15),
        ("Part des mineurs parmi les victimes d'âge connu (%)", IndicatorCodes.ShareMinors),
        ("Victimes, infraction par réseau numérique", IndicatorCodes.DigitalVictims),
        ("Part des personnes dont une infraction est commise par un réseau de communications électroniques (%)", IndicatorCodes.ShareDigital),
    ];

    private static readonly (string Header, string Indicator)[] JusticeFigures =
    [
        ("Auteurs poursuivis", IndicatorCodes.Prosecuted),
        ("Auteurs condamnés", IndicatorCodes.Convicted),
        ("Dont condamnés à de la prison ferme", IndicatorCodes.FirmPrison),
        ("Quantum moyen de prison ferme (mois)", IndicatorCodes.MeanQuantum),
        ("Auteurs (toute décision)", IndicatorCodes.Authors),
        ("Auteurs orientés", IndicatorCodes.Oriented),
        ("Classements sans suite", IndicatorCodes.Dismissed),
        ("Alternatives aux poursuites", IndicatorCodes.Alternative),
        ("Taux de réponse pénale (%)", IndicatorCodes.ResponseRate),
        ("Relaxes", IndicatorCodes.Acquitted),
        ("Dont sursis", IndicatorCodes.SuspendedPrison),
        ("Dont amende", IndicatorCodes.Fine),
        ("Dont autre peine", IndicatorCodes.OtherSentence),
        ("Part des condamnés à de la prison ferme (%)", IndicatorCodes.ShareFirmPrison),
        ("Part des condamnés à de l'emprisonnement avec sursis (%)", IndicatorCodes.ShareSuspended),
        ("Part des condamnés à une amende (%)", IndicatorCodes.ShareFine),
        ("Part des condamnés à une autre peine (%)", IndicatorCodes.ShareOtherSentence),
        ("Quantum médian de prison ferme (mois)", IndicatorCodes.MedianQuantum),
        ("Auteurs, infraction par réseau numérique", IndicatorCodes.DigitalAuthors),
        ("Part des personnes dont une infraction est commise par un réseau de communications électroniques (%)", IndicatorCodes.ShareDigital),
    ];

    private static readonly (string Header, string Indicator)[] DigitalFigures =
    [
        ("Victimes mineures", IndicatorCodes.MinorVictims),
        ("Victimes, infraction par réseau numérique", IndicatorCodes.DigitalVictims),
        ("Auteurs (toute décision)", IndicatorCodes.Authors),
        ("Auteurs, infraction par réseau numérique", IndicatorCodes.DigitalAuthors),
        ("Part des personnes dont une infraction est commise par un réseau de communications électroniques (%)", IndicatorCodes.ShareDigital),
    ];

    private static readonly (string Header, string Indicator)[] OverlapFigures =
    [
        ("Victimes mineures", IndicatorCodes.MinorVictims),
        ("Police seule", IndicatorCodes.SeenByPoliceOnly),
        ("ASE seule", IndicatorCodes.SeenByAseOnly),
        ("Santé seule", IndicatorCodes.SeenBySanteOnly),
        ("Police et ASE", IndicatorCodes.SeenByPoliceAse),
        ("Police et santé", IndicatorCodes.SeenByPoliceSante),
        ("ASE et santé", IndicatorCodes.SeenByAseSante),
        ("Police, ASE et santé", IndicatorCodes.SeenByThree),
        ("Dont avec clé de chaînage", IndicatorCodes.SeenWithKey),
        ("Estimation capture-recapture", IndicatorCodes.Estimate),
        ("Borne basse (95 %)", IndicatorCodes.EstimateLow),
        ("Borne haute (95 %)", IndicatorCodes.EstimateHigh),
    ];

    public static void MatchTheIndicatorSet(XLWorkbook workbook, IndicatorSet set, int year)
    {
        bool IsVictimCount(Cell c, Level level) =>
            c.Key.Indicator == IndicatorCodes.MinorVictims && c.Key.Level == level && (level == Level.France || c.Key.Year == year);

        var national = WorkbookRules.Rows(workbook.Worksheet("T1_France"));
        Check(national, VictimFigures, r => (Year(r), Level.France, "FR", Text(r, "Catégorie"), Text(r, "Source")), set, "[z]");
        Assert.Equal(set.Cells.Count(c => IsVictimCount(c, Level.France)), national.Count);

        var departements = WorkbookRules.Rows(workbook.Worksheet("T2_Departements"));
        Check(departements, VictimFigures, r => (year, Level.Departement, Text(r, "Code du département"), Text(r, "Catégorie"), Text(r, "Source")), set, "[z]");
        Assert.Equal(Math.Max(1, set.Cells.Count(c => IsVictimCount(c, Level.Departement))), departements.Count);

        var regions = WorkbookRules.Rows(workbook.Worksheet("T3_Regions"));
        Check(regions, VictimFigures, r => (year, Level.Region, Text(r, "Code de la région"), Text(r, "Catégorie"), Text(r, "Source")), set, "[z]");
        Assert.Equal(Math.Max(1, set.Cells.Count(c => IsVictimCount(c, Level.Region))), regions.Count);

        var justice = WorkbookRules.Rows(workbook.Worksheet("T4_Justice"));
        Check(justice, JusticeFigures, r => (Year(r), Level.France, "FR", Text(r, "Catégorie"), "justice"), set, "[z]");
        Assert.Equal(set.Cells.Count(c => c.Key.Indicator == IndicatorCodes.Prosecuted && c.Key.Level == Level.France), justice.Count);

        Assert.All(JusticeFigures, f => Assert.True(justice.Count == 0 || justice[0].ContainsKey(f.Header), f.Header));

        // The regions' penal chain and digital dimension of the year: every regional count has its row, each figure its cell.
        var justiceRegions = WorkbookRules.Rows(workbook.Worksheet("T7_Justice_regions"));
        Check(justiceRegions, JusticeFigures, r => (year, Level.Region, Text(r, "Code de la région"), Text(r, "Catégorie"), "justice"), set, "[z]");
        Assert.Equal(Math.Max(1, set.Cells.Count(c => c.Key.Indicator == IndicatorCodes.Authors && c.Key.Level == Level.Region && c.Key.Year == year)), justiceRegions.Count);

        var digital = WorkbookRules.Rows(workbook.Worksheet("T8_Numerique_regions"));
        Check(digital, DigitalFigures, r => (year, Level.Region, Text(r, "Code de la région"), Text(r, "Catégorie"), Text(r, "Source")), set, "[z]");
        Assert.Equal(
            Math.Max(1, set.Cells.Count(c => c.Key.Indicator is IndicatorCodes.DigitalVictims or IndicatorCodes.DigitalAuthors && c.Key.Level == Level.Region && c.Key.Year == year)),
            digital.Count);

        var overlap = WorkbookRules.Rows(workbook.Worksheet("T5_Sources"));
        Check(overlap, OverlapFigures, r => (Year(r), Level.France, "FR", Text(r, "Catégorie"), "toutes"), set, "[x]");
        Assert.Equal(set.Cells.Count(c => c.Key.Indicator == IndicatorCodes.SeenByOne), overlap.Count);
        Assert.All(OverlapFigures, f => Assert.True(overlap.Count == 0 || overlap[0].ContainsKey(f.Header), f.Header));
    }

    public static string ExpectedStatus(Cell? cell, string missing)
    {
        if (cell is null)
        {
            return missing;
        }

        var symbol = cell.Status switch
        {
            CellStatus.Published => null,
            CellStatus.Confidential => "[c]",
            CellStatus.NotAvailable => "[x]",
            CellStatus.NotApplicable => "[z]",
            _ => throw new ArgumentOutOfRangeException(nameof(cell)),
        };
        string?[] parts = [symbol, cell.Notes.Count > 0 ? "[b]" : null];
        return string.Join(' ', parts.OfType<string>());
    }

    private static void Check(
        IReadOnlyList<IReadOnlyDictionary<string, IXLCell>> rows,
        (string Header, string Indicator)[] figures,
        Func<IReadOnlyDictionary<string, IXLCell>, (int Year, Level Level, string Territory, string Category, string Source)> key,
        IndicatorSet set,
        string missing)
    {
        foreach (var row in rows.Where(r => !r.Values.First().GetString().Equals("aucune donnée", StringComparison.Ordinal)))
        {
            var (year, level, territory, category, source) = key(row);
            foreach (var (header, indicator) in figures.Where(f => row.ContainsKey(f.Header)))
            {
                var cell = set.Find(new CellKey(indicator, year, level, territory, category, source));
                var value = row[header];
                var where = $"{indicator} {year} {territory} {category} {source}";
                if (cell?.Shown is { } shown)
                {
                    Assert.True(value.DataType == XLDataType.Number, where);
                    Assert.Equal((double)shown, value.GetDouble());
                }
                else
                {
                    if (!value.IsEmpty())
                    {
                        Assert.Fail($"{where}: {value.GetString()} should be empty");
                    }
                }

                Assert.Equal(ExpectedStatus(cell, missing), row[header + WorkbookRules.StatusSuffix].GetString());
            }
        }
    }

    private static int Year(IReadOnlyDictionary<string, IXLCell> row) => (int)row["Année"].GetDouble();

    private static string Text(IReadOnlyDictionary<string, IXLCell> row, string header) => row[header].GetString();
}
