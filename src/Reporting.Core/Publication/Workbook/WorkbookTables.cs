using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Ingestion;

namespace Reporting.Publication.Workbook;

/// <summary>
/// The table sheets, one <c>Compose…</c> per table. Each reads cells of the indicator set and lays them out in long format
/// (one row per year, territory, category and source), the shape the guidance recommends for tables meant to be
/// reused ("Tables": tidy data, one observation per row). No figure is computed here.
/// </summary>
internal sealed class WorkbookTables(WorkbookModel model, NoteCatalogue notes)
{
    /// <summary>Victim sources in publication order: all sources first, then each administration.</summary>
    private static readonly string[] VictimSources = [SeriesBreaks.AllSources, .. SourceNames.Victim.Select(s => s.Code())];

    private static readonly string Justice = Source.Justice.Code();

    /// <summary>The combinations of <see cref="OverlapTable"/> patterns (bit 0 police, 1 ase, 2 sante), ones before pairs.</summary>
    private static readonly (int Pattern, string Header)[] Patterns =
    [
        (1, Labels.Tables.PoliceOnly),
        (2, Labels.Tables.AseOnly),
        (4, Labels.Tables.SanteOnly),
        (3, Labels.Tables.PoliceAse),
        (5, Labels.Tables.PoliceSante),
        (6, Labels.Tables.AseSante),
        (7, Labels.Tables.AllThree),
    ];

    private IndicatorSet Set => model.Indicators;

    public SheetTable ComposeNational()
    {
        var table = new TableBuilder(notes, notesColumn: true)
            .Column(Labels.Tables.Year, ColumnKind.Year)
            .Column(Labels.Tables.CategoryCode, ColumnKind.Text)
            .Column(Labels.Tables.CategoryLabel, ColumnKind.Text)
            .Column(Labels.Tables.SourceCode, ColumnKind.Text)
            .Column(Labels.Tables.SourceLabel, ColumnKind.Text)
            .Figure(Labels.Tables.MinorVictims, ColumnKind.Count)
            .Figure(Labels.Tables.Rate, ColumnKind.OneDecimal)
            .Figure(Labels.Tables.Change, ColumnKind.OneDecimal)
            .Figure(Labels.Tables.ShareGirls, ColumnKind.OneDecimal)
            .Figure(Labels.Tables.ShareUnder15, ColumnKind.OneDecimal)
            .Figure(Labels.Tables.ShareMinors, ColumnKind.OneDecimal);
        foreach (var year in model.Years)
        {
            foreach (var (category, source) in CategorySources(year, Level.France, "FR"))
            {
                Cell? Of(string indicator) => Set.Find(new CellKey(indicator, year, Level.France, "FR", category, source));
                table.NewRow()
                    .Number(year)
                    .Text(category).Text(Labels.CategoryName(category))
                    .Text(source).Text(Labels.SourceName(source))
                    .Figure(Of(IndicatorCodes.MinorVictims))
                    .Figure(Of(IndicatorCodes.Rate))
                    .Figure(Of(IndicatorCodes.Change))
                    .Figure(Of(IndicatorCodes.ShareGirls))
                    .Figure(Of(IndicatorCodes.ShareUnder15))
                    .Figure(Of(IndicatorCodes.ShareMinors))
                    .End();
            }
        }

        return Sheet(Labels.Sheets.National, Labels.Sheets.NationalTable, Labels.Tables.National(model.Years), [notes.Counting, notes.Categories, notes.Rates], table);
    }

    public SheetTable ComposeDepartements()
    {
        var table = new TableBuilder(notes, notesColumn: true)
            .Column(Labels.Tables.DepartementCode, ColumnKind.Text)
            .Column(Labels.Tables.DepartementName, ColumnKind.Text)
            .Column(Labels.Tables.RegionCode, ColumnKind.Text)
            .Column(Labels.Tables.RegionName, ColumnKind.Text)
            .Column(Labels.Tables.CategoryCode, ColumnKind.Text)
            .Column(Labels.Tables.SourceCode, ColumnKind.Text)
            .Column(Labels.Tables.SourceLabel, ColumnKind.Text)
            .Figure(Labels.Tables.MinorVictims, ColumnKind.Count)
            .Figure(Labels.Tables.Rate, ColumnKind.OneDecimal);
        foreach (var d in model.Geography.Departements)
        {
            foreach (var (category, source) in CategorySources(model.Year, Level.Departement, d.Code))
            {
                table.NewRow()
                    .Text(d.Code).Text(d.Name).Text(d.RegionCode).Text(d.RegionName)
                    .Text(category).Text(source).Text(Labels.SourceName(source))
                    .Figure(Set.Find(new CellKey(IndicatorCodes.MinorVictims, model.Year, Level.Departement, d.Code, category, source)))
                    .Figure(Set.Find(new CellKey(IndicatorCodes.Rate, model.Year, Level.Departement, d.Code, category, source)))
                    .End();
            }
        }

        return Sheet(Labels.Sheets.Departements, Labels.Sheets.DepartementsTable, Labels.Tables.Departements(model.Year), [notes.Counting, notes.Categories, notes.Rates, notes.Secrecy], table);
    }

    public SheetTable ComposeRegions()
    {
        var table = new TableBuilder(notes, notesColumn: true)
            .Column(Labels.Tables.RegionCode, ColumnKind.Text)
            .Column(Labels.Tables.RegionName, ColumnKind.Text)
            .Column(Labels.Tables.CategoryCode, ColumnKind.Text)
            .Column(Labels.Tables.SourceCode, ColumnKind.Text)
            .Column(Labels.Tables.SourceLabel, ColumnKind.Text)
            .Figure(Labels.Tables.MinorVictims, ColumnKind.Count)
            .Figure(Labels.Tables.Rate, ColumnKind.OneDecimal)
            .Figure(Labels.Tables.Change, ColumnKind.OneDecimal);
        foreach (var r in model.Geography.Regions)
        {
            foreach (var (category, source) in CategorySources(model.Year, Level.Region, r.Code))
            {
                Cell? Of(string indicator) => Set.Find(new CellKey(indicator, model.Year, Level.Region, r.Code, category, source));
                table.NewRow()
                    .Text(r.Code).Text(r.Name)
                    .Text(category).Text(source).Text(Labels.SourceName(source))
                    .Figure(Of(IndicatorCodes.MinorVictims))
                    .Figure(Of(IndicatorCodes.Rate))
                    .Figure(Of(IndicatorCodes.Change))
                    .End();
            }
        }

        return Sheet(Labels.Sheets.Regions, Labels.Sheets.RegionsTable, Labels.Tables.Regions(model.Year), [notes.Counting, notes.Categories, notes.Rates, notes.Secrecy], table);
    }

    public SheetTable ComposeJustice()
    {
        var table = new TableBuilder(notes, notesColumn: true)
            .Column(Labels.Tables.Year, ColumnKind.Year)
            .Column(Labels.Tables.CategoryCode, ColumnKind.Text)
            .Column(Labels.Tables.CategoryLabel, ColumnKind.Text)
            .Figure(Labels.Tables.Prosecuted, ColumnKind.Count)
            .Figure(Labels.Tables.Convicted, ColumnKind.Count)
            .Figure(Labels.Tables.FirmPrison, ColumnKind.Count)
            .Figure(Labels.Tables.MeanQuantum, ColumnKind.OneDecimal);
        foreach (var year in model.Years)
        {
            foreach (var category in Category.Published)
            {
                Cell? Of(string indicator) => Set.Find(new CellKey(indicator, year, Level.France, "FR", category, Justice));
                if (Of(IndicatorCodes.Prosecuted) is null)
                {
                    continue;
                }

                table.NewRow()
                    .Number(year)
                    .Text(category).Text(Labels.CategoryName(category))
                    .Figure(Of(IndicatorCodes.Prosecuted))
                    .Figure(Of(IndicatorCodes.Convicted))
                    .Figure(Of(IndicatorCodes.FirmPrison))
                    .Figure(Of(IndicatorCodes.MeanQuantum))
                    .End();
            }
        }

        return Sheet(Labels.Sheets.Justice, Labels.Sheets.JusticeTable, Labels.Tables.Justice(model.Years), [notes.Counting, notes.Justice], table);
    }

    /// <summary>
    /// The overlap counts come from <see cref="IndicatorSet.Overlaps"/> as computed; a combination that involves a source
    /// which does not give the category that year is <c>[x]</c>, as that source's own count is. The estimate is read from
    /// its cells, and is <c>[x]</c> where there is none: this renderer never estimates.
    /// </summary>
    public SheetTable ComposeOverlap()
    {
        var table = new TableBuilder(notes, notesColumn: true)
            .Column(Labels.Tables.Year, ColumnKind.Year)
            .Column(Labels.Tables.CategoryCode, ColumnKind.Text)
            .Column(Labels.Tables.CategoryLabel, ColumnKind.Text);
        foreach (var (_, header) in Patterns)
        {
            table.Figure(header, ColumnKind.Count);
        }

        table.Column(Labels.Tables.Persons, ColumnKind.Count)
            .Column(Labels.Tables.KeyedPersons, ColumnKind.Count)
            .Figure(Labels.Tables.Estimate, ColumnKind.Count)
            .Figure(Labels.Tables.EstimateLow, ColumnKind.Count)
            .Figure(Labels.Tables.EstimateHigh, ColumnKind.Count);
        foreach (var overlap in Set.Overlaps.Where(o => model.Years.Contains(o.Year)))
        {
            Cell? Of(string indicator) => Set.Find(new CellKey(indicator, overlap.Year, Level.France, "FR", overlap.Category, SeriesBreaks.AllSources));
            var row = table.NewRow()
                .Number(overlap.Year)
                .Text(overlap.Category).Text(Labels.CategoryName(overlap.Category));
            foreach (var (pattern, _) in Patterns)
            {
                var status = SourcesGiveCategory(pattern, overlap.Year, overlap.Category) ? CellStatus.Published : CellStatus.NotAvailable;
                row.Figure(overlap.CountByPattern.GetValueOrDefault(pattern), status);
            }

            row.Number(overlap.Persons)
                .Number(overlap.KeyedPersons)
                .Figure(Of(IndicatorCodes.Estimate), missing: CellStatus.NotAvailable)
                .Figure(Of(IndicatorCodes.EstimateLow), missing: CellStatus.NotAvailable)
                .Figure(Of(IndicatorCodes.EstimateHigh), missing: CellStatus.NotAvailable)
                .End();
        }

        var hasEstimate = Set.Cells.Any(c => c.Key.Indicator == IndicatorCodes.Estimate);
        return Sheet(
            Labels.Sheets.Overlap,
            Labels.Sheets.OverlapTable,
            Labels.Tables.Overlap(model.Years),
            [notes.Counting, notes.Categories, notes.Overlap],
            table,
            hasEstimate ? [] : [Labels.Tables.EstimateMissing]);
    }

    public SheetTable ComposeNomenclature()
    {
        var table = new TableBuilder(notes, notesColumn: false)
            .Column(Labels.Tables.System, ColumnKind.Text)
            .Column(Labels.Tables.Code, ColumnKind.Text)
            .Column(Labels.Tables.CategoryCode, ColumnKind.Text)
            .Column(Labels.Tables.CategoryLabel, ColumnKind.Text)
            .Column(Labels.Tables.MinorRequired, ColumnKind.Text)
            .Column(Labels.Tables.ValidFrom, ColumnKind.Date)
            .Column(Labels.Tables.ValidTo, ColumnKind.Date)
            .Column(Labels.Tables.Label, ColumnKind.Text);
        foreach (var e in model.Nomenclature.Entries)
        {
            table.NewRow()
                .Text(e.System).Text(e.Code)
                .Text(e.Category).Text(Labels.CategoryName(e.Category))
                .Text(Labels.MinorRequired(e.MinorRequired))
                .Date(e.ValidFrom).Date(e.ValidTo)
                .Text(e.Label)
                .End();
        }

        return new SheetTable(
            Labels.Sheets.Nomenclature,
            Labels.Sheets.NomenclatureTable,
            Labels.Tables.Nomenclature(model.Nomenclature.Version),
            [Labels.Tables.Nomenclature(model.Nomenclature.Version), Labels.Tables.NomenclatureSource, Labels.Tables.NomenclatureLine],
            table.Columns,
            table.Rows,
            []);
    }

    /// <summary>The contents (guidance, "Table of contents"): one row per sheet after it, each name a link.</summary>
    public SheetTable ComposeContents(IReadOnlyList<SheetTable> sheets)
    {
        var table = new TableBuilder(notes, notesColumn: false)
            .Column(Labels.Contents.SheetHeader, ColumnKind.Text)
            .Column(Labels.Contents.TitleHeader, ColumnKind.Text);
        foreach (var s in sheets)
        {
            table.NewRow().Link(s.SheetName).Text(s.ContentsTitle).End();
        }

        return new SheetTable(Labels.Sheets.Contents, Labels.Sheets.ContentsTable, Labels.Contents.Title, [Labels.Contents.Title, Labels.Contents.Intro], table.Columns, table.Rows, []);
    }

    /// <summary>The notes table, each note with the series it concerns and the sheets that refer to it.</summary>
    public SheetTable ComposeNotes(IReadOnlyList<SheetTable> tables)
    {
        var table = new TableBuilder(notes, notesColumn: false)
            .Column(Labels.Notes.NumberHeader, ColumnKind.Text)
            .Column(Labels.Notes.SubjectHeader, ColumnKind.Text)
            .Column(Labels.Notes.TextHeader, ColumnKind.Text)
            .Column(Labels.Notes.SeriesHeader, ColumnKind.Text)
            .Column(Labels.Notes.SheetsHeader, ColumnKind.Text);
        foreach (var note in notes.All)
        {
            var sheets = tables.Where(t => t.Notes.Contains(note.Number)).Select(t => t.SheetName);
            table.NewRow()
                .Text(Labels.NoteReference(note.Number))
                .Text(note.Subject)
                .Text(note.Text)
                .Text(note.Series ?? Labels.Notes.AllSeries)
                .Text(string.Join(", ", sheets))
                .End();
        }

        return new SheetTable(Labels.Sheets.Notes, Labels.Sheets.NotesTable, Labels.Contents.NotesTitle, [Labels.Contents.NotesTitle, Labels.Notes.Intro], table.Columns, table.Rows, []);
    }

    /// <summary>The (category, source) pairs that have a count for this territory and year, in publication order.</summary>
    private IEnumerable<(string Category, string Source)> CategorySources(int year, Level level, string territory)
    {
        foreach (var category in Category.Published)
        {
            foreach (var source in VictimSources)
            {
                if (Set.Find(new CellKey(IndicatorCodes.MinorVictims, year, level, territory, category, source)) is not null)
                {
                    yield return (category, source);
                }
            }
        }
    }

    private bool SourcesGiveCategory(int pattern, int year, string category)
    {
        for (var bit = 0; bit < OverlapTable.Lists.Count; bit++)
        {
            if ((pattern & (1 << bit)) == 0)
            {
                continue;
            }

            var count = Set.Find(new CellKey(IndicatorCodes.MinorVictims, year, Level.France, "FR", category, OverlapTable.Lists[bit].Code()));
            if (count is null || count.Status == CellStatus.NotAvailable)
            {
                return false;
            }
        }

        return true;
    }

    private static SheetTable Sheet(string sheetName, string tableName, string title, int[] titleNotes, TableBuilder table, IReadOnlyList<string>? extraLines = null)
    {
        var lines = new List<string> { Labels.Tables.WithNotes(title, titleNotes), Labels.SourceLine, Labels.SymbolsLine };
        lines.AddRange(extraLines ?? []);
        return new SheetTable(sheetName, tableName, title, lines, table.Columns, table.Rows, [.. titleNotes.Union(table.ReferencedNotes).Order()]);
    }
}
