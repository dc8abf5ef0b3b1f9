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

    private IndicatorSet Set => model.Indicators;

    /// <summary>The figure columns of a table: the catalogue's indicators placed in it, in the catalogue's order.</summary>
    private IndicatorDefinition[] FiguresOf(WorkbookTable table) => [.. model.Catalogue.In(table)];

    private static TableBuilder WithFigures(TableBuilder table, IEnumerable<IndicatorDefinition> figures)
    {
        foreach (var f in figures)
        {
            table.Figure(f.ColumnHeader, f.Kind is IndicatorKind.Count or IndicatorKind.Estimate ? ColumnKind.Count : ColumnKind.OneDecimal);
        }

        return table;
    }

    /// <summary>A row's figures, one per column; an estimate that does not exist is not available, any other figure not applicable.</summary>
    private static TableBuilder.Row Figures(TableBuilder.Row row, IEnumerable<IndicatorDefinition> figures, Func<string, Cell?> cell)
    {
        foreach (var f in figures)
        {
            row.Figure(cell(f.Code), f.Kind == IndicatorKind.Estimate ? CellStatus.NotAvailable : CellStatus.NotApplicable);
        }

        return row;
    }

    public SheetTable ComposeNational()
    {
        var table = new TableBuilder(notes, notesColumn: true)
            .Column(Labels.Tables.Year, ColumnKind.Year)
            .Column(Labels.Tables.CategoryCode, ColumnKind.Text)
            .Column(Labels.Tables.CategoryLabel, ColumnKind.Text)
            .Column(Labels.Tables.SourceCode, ColumnKind.Text)
            .Column(Labels.Tables.SourceLabel, ColumnKind.Text);
        var figures = FiguresOf(WorkbookTable.National);
        WithFigures(table, figures);
        foreach (var year in model.Years)
        {
            foreach (var (category, source) in CategorySources(year, Level.France, "FR"))
            {
                var row = table.NewRow()
                    .Number(year)
                    .Text(category).Text(Vocabulary.Category(category))
                    .Text(source).Text(Vocabulary.SourceInFull(source));
                Figures(row, figures, code => Set.Find(new CellKey(code, year, Level.France, "FR", category, source))).End();
            }
        }

        return Sheet(Labels.Sheets.National, Labels.Sheets.NationalTable, Labels.Tables.National(model.Years), [notes.Counting, notes.Categories, notes.Rates, notes.Digital], table, VictimsAndPopulation);
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
            .Column(Labels.Tables.SourceLabel, ColumnKind.Text);
        var figures = FiguresOf(WorkbookTable.Departements);
        WithFigures(table, figures);
        foreach (var d in model.Geography.Departements)
        {
            foreach (var (category, source) in CategorySources(model.Year, Level.Departement, d.Code))
            {
                var row = table.NewRow()
                    .Text(d.Code).Text(d.Name).Text(d.RegionCode).Text(d.RegionName)
                    .Text(category).Text(source).Text(Vocabulary.SourceInFull(source));
                Figures(row, figures, code => Set.Find(new CellKey(code, model.Year, Level.Departement, d.Code, category, source))).End();
            }
        }

        return Sheet(Labels.Sheets.Departements, Labels.Sheets.DepartementsTable, Labels.Tables.Departements(model.Year), [notes.Counting, notes.Categories, notes.Rates, notes.Secrecy], table, VictimsAndPopulation);
    }

    public SheetTable ComposeRegions()
    {
        var table = new TableBuilder(notes, notesColumn: true)
            .Column(Labels.Tables.RegionCode, ColumnKind.Text)
            .Column(Labels.Tables.RegionName, ColumnKind.Text)
            .Column(Labels.Tables.CategoryCode, ColumnKind.Text)
            .Column(Labels.Tables.SourceCode, ColumnKind.Text)
            .Column(Labels.Tables.SourceLabel, ColumnKind.Text);
        var figures = FiguresOf(WorkbookTable.Regions);
        WithFigures(table, figures);
        foreach (var r in model.Geography.Regions)
        {
            foreach (var (category, source) in CategorySources(model.Year, Level.Region, r.Code))
            {
                var row = table.NewRow()
                    .Text(r.Code).Text(r.Name)
                    .Text(category).Text(source).Text(Vocabulary.SourceInFull(source));
                Figures(row, figures, code => Set.Find(new CellKey(code, model.Year, Level.Region, r.Code, category, source))).End();
            }
        }

        return Sheet(Labels.Sheets.Regions, Labels.Sheets.RegionsTable, Labels.Tables.Regions(model.Year), [notes.Counting, notes.Categories, notes.Rates, notes.Secrecy], table, VictimsAndPopulation);
    }

    public SheetTable ComposeJustice()
    {
        var table = new TableBuilder(notes, notesColumn: true)
            .Column(Labels.Tables.Year, ColumnKind.Year)
            .Column(Labels.Tables.CategoryCode, ColumnKind.Text)
            .Column(Labels.Tables.CategoryLabel, ColumnKind.Text);
        var figures = FiguresOf(WorkbookTable.Justice);
        WithFigures(table, figures);
        foreach (var year in model.Years)
        {
            foreach (var category in Category.Published)
            {
                Cell? Of(string indicator) => Set.Find(new CellKey(indicator, year, Level.France, "FR", category, Justice));
                if (Of(IndicatorCodes.Prosecuted) is null)
                {
                    continue;
                }

                var row = table.NewRow()
                    .Number(year)
                    .Text(category).Text(Vocabulary.Category(category));
                Figures(row, figures, Of).End();
            }
        }

        return Sheet(Labels.Sheets.Justice, Labels.Sheets.JusticeTable, Labels.Tables.Justice(model.Years), [notes.Counting, notes.Justice, notes.Digital], table, ["justice"]);
    }

    /// <summary>
    /// The penal chain and the sentences by region, year N: the national justice table's columns, one row per region and
    /// category that has them (the clients of minors are <c>ESM-PROST</c>). Most counts are hidden below France.
    /// </summary>
    public SheetTable ComposeJusticeRegions()
    {
        var table = new TableBuilder(notes, notesColumn: true)
            .Column(Labels.Tables.RegionCode, ColumnKind.Text)
            .Column(Labels.Tables.RegionName, ColumnKind.Text)
            .Column(Labels.Tables.CategoryCode, ColumnKind.Text)
            .Column(Labels.Tables.CategoryLabel, ColumnKind.Text);
        var figures = FiguresOf(WorkbookTable.Justice);
        WithFigures(table, figures);
        foreach (var r in model.Geography.Regions)
        {
            foreach (var category in Category.Published)
            {
                Cell? Of(string indicator) => Set.Find(new CellKey(indicator, model.Year, Level.Region, r.Code, category, Justice));
                if (Of(IndicatorCodes.Authors) is null)
                {
                    continue;
                }

                var row = table.NewRow()
                    .Text(r.Code).Text(r.Name)
                    .Text(category).Text(Vocabulary.Category(category));
                Figures(row, figures, Of).End();
            }
        }

        return Sheet(Labels.Sheets.JusticeRegions, Labels.Sheets.JusticeRegionsTable, Labels.Tables.JusticeRegions(model.Year), [notes.Counting, notes.Secrecy, notes.Justice, notes.Digital], table, ["justice"]);
    }

    /// <summary>The digital dimension's figures of each source, as columns; a row takes those of its source, the others are [z].</summary>
    private static readonly string[] DigitalFigures = [IndicatorCodes.MinorVictims, IndicatorCodes.DigitalVictims, IndicatorCodes.Authors, IndicatorCodes.DigitalAuthors, IndicatorCodes.ShareDigital];

    /// <summary>
    /// The digital dimension by region, year N: one row per region, category and source (police, justice) that has a
    /// digital count, with the persons of the category the share is taken among.
    /// </summary>
    public SheetTable ComposeDigitalRegions()
    {
        var table = new TableBuilder(notes, notesColumn: true)
            .Column(Labels.Tables.RegionCode, ColumnKind.Text)
            .Column(Labels.Tables.RegionName, ColumnKind.Text)
            .Column(Labels.Tables.CategoryCode, ColumnKind.Text)
            .Column(Labels.Tables.SourceCode, ColumnKind.Text)
            .Column(Labels.Tables.SourceLabel, ColumnKind.Text);
        var figures = DigitalFigures.Select(code => model.Catalogue[code]).ToArray();
        WithFigures(table, figures);
        foreach (var r in model.Geography.Regions)
        {
            foreach (var category in Category.Published)
            {
                foreach (var (source, count) in new[] { (Source.Police.Code(), IndicatorCodes.DigitalVictims), (Justice, IndicatorCodes.DigitalAuthors) })
                {
                    Cell? Of(string indicator) => Set.Find(new CellKey(indicator, model.Year, Level.Region, r.Code, category, source));
                    if (Of(count) is null)
                    {
                        continue;
                    }

                    var row = table.NewRow()
                        .Text(r.Code).Text(r.Name)
                        .Text(category).Text(source).Text(Vocabulary.SourceInFull(source));
                    Figures(row, figures, Of).End();
                }
            }
        }

        return Sheet(Labels.Sheets.DigitalRegions, Labels.Sheets.DigitalRegionsTable, Labels.Tables.DigitalRegions(model.Year), [notes.Counting, notes.Categories, notes.Secrecy, notes.Digital], table, ["police", "justice"]);
    }

    /// <summary>
    /// The persons seen by each combination of the victim sources, and the estimate: national cells of the <c>toutes</c>
    /// source, one row per year and category that has them. An estimate that does not exist is <c>[x]</c>: this renderer
    /// never estimates.
    /// </summary>
    public SheetTable ComposeOverlap()
    {
        var table = new TableBuilder(notes, notesColumn: true)
            .Column(Labels.Tables.Year, ColumnKind.Year)
            .Column(Labels.Tables.CategoryCode, ColumnKind.Text)
            .Column(Labels.Tables.CategoryLabel, ColumnKind.Text);
        var figures = FiguresOf(WorkbookTable.Overlap);
        WithFigures(table, figures);
        foreach (var year in model.Years)
        {
            foreach (var category in Category.Published)
            {
                Cell? Of(string indicator) => Set.Find(new CellKey(indicator, year, Level.France, "FR", category, SeriesBreaks.AllSources));
                if (Of(IndicatorCodes.SeenByOne) is null)
                {
                    continue;
                }

                var row = table.NewRow()
                    .Number(year)
                    .Text(category).Text(Vocabulary.Category(category));
                Figures(row, figures, Of).End();
            }
        }

        var hasEstimate = Set.Cells.Any(c => c.Key.Indicator == IndicatorCodes.Estimate);
        return Sheet(
            Labels.Sheets.Overlap,
            Labels.Sheets.OverlapTable,
            Labels.Tables.Overlap(model.Years),
            [notes.Counting, notes.Categories, notes.Overlap],
            table,
            Vocabulary.VictimSources,
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
                .Text(e.Category).Text(Vocabulary.Category(e.Category))
                .Text(Vocabulary.MinorRequiredAnswer(e.MinorRequired))
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

    private static readonly string[] VictimsAndPopulation = ["police", "ase", "sante", "population"];

    /// <summary>A table sheet: its title with its notes, the source line of its own sources, the symbols.</summary>
    private SheetTable Sheet(string sheetName, string tableName, string title, int[] titleNotes, TableBuilder table, IReadOnlyList<string> sources, IReadOnlyList<string>? extraLines = null)
    {
        var lines = new List<string> { Labels.Tables.WithNotes(title, titleNotes), Vocabulary.SourceLine(sources, model.Identity.ServiceShort), Labels.SymbolsLine };
        lines.AddRange(extraLines ?? []);
        return new SheetTable(sheetName, tableName, title, lines, table.Columns, table.Rows, [.. titleNotes.Union(table.ReferencedNotes).Order()]);
    }
}
