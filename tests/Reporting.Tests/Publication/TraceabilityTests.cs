using System.Text.RegularExpressions;
using Reporting.Compute;
using Reporting.Estimation;
using Reporting.Indicators;
using Reporting.Publication.Narrative;
using Reporting.Publication.Report;
using Reporting.Tests.Publication.Workbook;
using Reporting.Tests.Support;

namespace Reporting.Tests.Publication;

/// <summary>
/// Every number the report, the sheets and the workbook print is a cell of the edition (or a fact the edition carries:
/// its parameters, its line counts): a number a renderer computed would have no cell, and would escape both the secret
/// statistique and the snapshot's single source. The report and the sheets are composed from the samples' edition with
/// every published value moved up by <see cref="Shift"/>, and walked as the snapshot renders them (the very elements the
/// PDFs print): a figure read from a cell moves with it, while a number a renderer made up from cells (a ratio, a sum)
/// no longer matches any cell, and a constant stands out as one — small numbers cannot match a cell by chance.
/// </summary>
public sealed partial class TraceabilityTests
{
    private const decimal Shift = 1000;

    private static readonly Lazy<Edition> Shifted = new(() =>
    {
        var set = SampleRun.Edition.Indicators.With(SampleRun.Edition.Indicators.Cells.Where(c => c.Shown is not null).Select(c => c with { Value = c.Value + Shift }));
        return SampleRun.Edition with
        {
            Indicators = set,
            MapClasses = RateClasses.Of(set, SampleRun.Edition.Geography.Departements.Select(d => d.Code), SampleRun.Year),
        };
    });

    private static Edition Edition => Shifted.Value;

    /// <summary>
    /// Numbers of the wording that are not figures, each with its reason: the rate's base, the interval's level, the
    /// ages of the definitions, the bounds of the checks that a rule's label quotes, the longest fixed-term sentence, the
    /// départements of France (the scope of the national figures).
    /// </summary>
    private static readonly string[] WordingNumbers =
    [
        "100 000", "95", "18", "15", "0", "120", "64", "360", "30", "0,02", "101",

        // The methodology's rules for publishing an estimate, printed from the estimation's own constants.
        .. new[] { Reporting.Estimation.OverlapEstimation.MinimumPersons, Reporting.Estimation.OverlapEstimation.MinimumPerList, Reporting.Estimation.OverlapEstimation.MinimumRecaptured }
            .Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    [Fact]
    public void Every_number_of_the_report_and_the_sheets_is_a_cell_of_the_edition()
    {
        var context = new PublicationContext(Edition, TemplateSet.Load(SampleRun.Parameters.Templates));
        var report = AnnualReport.Compose(context).Snapshot.Lines;
        var sheets = Edition.Geography.Departements.SelectMany(d => DepartementSheet.Compose(context, d.Code).Snapshot.Lines.Prepend($"## Fiche {d.Code} — "));

        var untraced = Untraced(report, Allowed(Edition.Indicators.Cells).Contains)
            .Concat(SheetsUntraced(sheets))
            .ToArray();

        Assert.True(untraced.Length == 0, "numbers with no cell:\n" + string.Join('\n', untraced.Take(30)));
    }

    /// <summary>A sheet's numbers are its département's, its region's or France's: a figure of another territory would be a mistake too.</summary>
    private static IEnumerable<string> SheetsUntraced(IEnumerable<string> lines)
    {
        var geography = Edition.Geography;

        // Allowed is a union over cells: the sets of France and of each territory, built once, answer together.
        var byTerritory = Edition.Indicators.Cells.Where(c => c.Key.Level != Level.France).ToLookup(c => c.Key.Territory, StringComparer.Ordinal);
        var france = Allowed(Edition.Indicators.Cells.Where(c => c.Key.Level == Level.France));
        var territories = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> Of(string territory) =>
            territories.TryGetValue(territory, out var set) ? set : territories[territory] = Allowed(byTerritory[territory]);
        var current = new List<string>();
        string? code = null;
        foreach (var line in lines.Append("## Fiche END — "))
        {
            if (line.StartsWith("## Fiche ", StringComparison.Ordinal))
            {
                if (code is not null)
                {
                    var (departement, region) = (Of(code), Of(geography.RegionOf(code).Code));
                    foreach (var u in Untraced(current, n => france.Contains(n) || region.Contains(n) || departement.Contains(n)))
                    {
                        yield return $"fiche {code} : {u}";
                    }
                }

                code = line["## Fiche ".Length..line.IndexOf(' ', "## Fiche ".Length)];
                current.Clear();
                continue;
            }

            current.Add(line);
        }
    }

    [Fact]
    public void Every_number_of_the_workbook_is_in_a_figure_column_whose_cell_it_is()
    {
        // The published workbook: its figure columns are checked against the cells, so every other number must be a year.
        using var workbook = WorkbookRules.Open(SampleRun.File(SampleRun.Outcome, "tableaux-2025.xlsx"));
        var figureHeaders = SampleRun.Edition.Catalogue.All.Select(d => d.ColumnHeader).ToHashSet(Typeset.Comparer);

        foreach (var sheet in WorkbookRules.TableSheets)
        {
            foreach (var row in WorkbookRules.Rows(workbook.Worksheet(sheet)))
            {
                foreach (var (header, cell) in row.Where(c => c.Value.DataType == ClosedXML.Excel.XLDataType.Number))
                {
                    if (header != "Année" && !figureHeaders.Contains(header))
                    {
                        Assert.Fail($"{sheet} {cell.Address}: a number under « {header} », which is no indicator");
                    }
                }
            }
        }

        // Each figure column holds its cell's published value and status: WorkbookSamplesTests.Every_figure_is_the_cell_as_published_with_its_status.
    }

    private static IEnumerable<string> Untraced(IEnumerable<string> lines, Func<string, bool> allowed)
    {
        foreach (var raw in lines)
        {
            if (NomenclatureRow().IsMatch(raw))
            {
                continue;
            }

            var line = NotFigures().Replace(raw, " ");
            foreach (Match m in Number().Matches(line))
            {
                if (!allowed(m.Value))
                {
                    yield return $"« {m.Value} » in: {raw.Trim()}";
                }
            }
        }
    }

    /// <summary>The texts a number of the documents may be: each published cell as the text and the charts write it, and the edition's facts.</summary>
    private static HashSet<string> Allowed(IEnumerable<Cell> cells)
    {
        var allowed = new HashSet<string>(WordingNumbers, StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            if (cell.Shown is not { } v)
            {
                continue;
            }

            var whole = Edition.Catalogue[cell.Key.Indicator].TextDecimals == 0;
            foreach (var value in new[] { v, Math.Abs(v) })
            {
                allowed.Add(whole ? FrenchFormat.Integer(value) : FrenchFormat.Decimal(value));
                allowed.Add(FrenchFormat.Tick((double)value));
            }

            if (Edition.Catalogue[cell.Key.Indicator].Kind == IndicatorKind.Estimate)
            {
                allowed.Add(FrenchFormat.Integer(FrenchFormat.Significant(v, 2)));
            }

            if (cell.Key.Indicator == IndicatorCodes.ShareSeen)
            {
                allowed.Add(FrenchFormat.Integer(Math.Round(v / 10, MidpointRounding.AwayFromZero)));
            }
        }

        var p = Edition.Parameters;
        foreach (var n in new long[] { 1, p.LargestHiddenCount, p.ProtectionRange, (long)TemplateSet.StabilityThreshold, OverlapEstimation.MinimumPersons, OverlapEstimation.MinimumPerList })
        {
            allowed.Add(FrenchFormat.Integer(n));
        }

        allowed.Add(FrenchFormat.Tick(p.MaxErrorShare * 100));

        // The nomenclature's summary: its codes and how many offences each form counts, facts of the nomenclature.
        foreach (var e in Edition.Nomenclature.Entries)
        {
            allowed.Add(e.Code);
            allowed.Add(FrenchFormat.Integer(Edition.Nomenclature.Entries.Count(x => x.Category == e.Category && x.System == e.System)));
        }

        foreach (var l in Edition.Lines)
        {
            foreach (var n in new[] { l.Read, l.Kept, l.Rejected }.Concat(l.RejectedBy.Select(r => r.Count)))
            {
                allowed.Add(FrenchFormat.Integer(n));
            }
        }

        return allowed;
    }

    /// <summary>The nomenclature's rows: codes, articles of the penal code and validity dates, no figure.</summary>
    [GeneratedRegex(@"^  (NATINF|ASE|SANTE) \| ")]
    private static partial Regex NomenclatureRow();

    /// <summary>
    /// What is a number but no figure: years (alone or in a range), dates, the nomenclature's version, numbered headings,
    /// tables and figures, département codes in brackets, on the map's lines and in a sheet's title, the rule labels'
    /// lists of ages, the series number of the publication's identity (« n° 72 »), a workbook table named in a note.
    /// </summary>
    [GeneratedRegex(@"\b(19|20)\d\d\b|\b\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}|version \d{4}-\d+|^#+ \d+\.|(Tableau|Figure) \d+|\((\d{2,3}|2[AB])\)|^  (\d{2,3}|2[AB]) =|^## Fiche \S+|\d+ ligne\(s\)|100[ \u00A0\u202F]000|n° \S+|tableau \d+ du classeur")]
    private static partial Regex NotFigures();

    [GeneratedRegex(@"(?<![\d,])-?\d{1,3}(?:\u202F\d{3})*(?:,\d+)?(?![\d])")]
    private static partial Regex Number();
}
