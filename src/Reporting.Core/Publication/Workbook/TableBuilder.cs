using Reporting.Indicators;

namespace Reporting.Publication.Workbook;

/// <summary>
/// Builds a table's columns and rows together, so that a figure is always a pair of columns: the value, numeric and empty
/// unless published, and its status holding the shorthand. The guidance ("Shorthand and symbols") puts <c>[c]</c> in the
/// value's own cell, which turns the column into text for every reader (the complaint of aftables and gptables users);
/// a separate status column keeps values numeric and still says, beside each missing value, why it is missing.
/// </summary>
internal sealed class TableBuilder
{
    private readonly NoteCatalogue notes;
    private readonly bool notesColumn;
    private readonly List<SheetColumn> columns = [];
    private readonly List<IReadOnlyList<Entry>> rows = [];
    private readonly SortedSet<int> referenced = [];

    /// <param name="notesColumn">whether rows end with a "Notes" column listing the notes of their cells</param>
    public TableBuilder(NoteCatalogue notes, bool notesColumn)
    {
        this.notes = notes;
        this.notesColumn = notesColumn;
    }

    public IReadOnlyList<SheetColumn> Columns => notesColumn ? [.. columns, new SheetColumn(Labels.Tables.Notes, ColumnKind.Text)] : columns;

    public IReadOnlyList<IReadOnlyList<Entry>> Rows => rows;

    /// <summary>Every note a row refers to, for the Notes sheet's list of the sheets concerned.</summary>
    public IReadOnlySet<int> ReferencedNotes => referenced;

    public TableBuilder Column(string header, ColumnKind kind)
    {
        columns.Add(new SheetColumn(header, kind));
        return this;
    }

    public TableBuilder Figure(string header, ColumnKind kind) =>
        Column(header, kind).Column(Labels.StatusHeader(header), ColumnKind.Status);

    public Row NewRow() => new(this);

    /// <summary>One data row, filled left to right in the order of the columns.</summary>
    internal sealed class Row(TableBuilder table)
    {
        private readonly List<Entry> entries = [];
        private readonly SortedSet<int> rowNotes = [];

        public Row Text(string text) => Add(Entry.Of(text));

        public Row Number(decimal? number) => Add(Entry.Of(number));

        public Row Date(DateOnly? date) => Add(Entry.Of(date));

        public Row Link(string sheet) => Add(Entry.Link(sheet));

        /// <summary>
        /// A cell of the indicator set: its <see cref="Cell.Shown"/> value (never <see cref="Cell.Value"/>: a hidden value
        /// must not reach the file) and its status, with <c>[b]</c> when it carries a break note (nomenclature.md).
        /// </summary>
        /// <param name="missing">what a cell that does not exist for this row means: an indicator that exists for no
        /// such row (a police-only share) is <c>[z]</c>; a figure not produced in this edition is <c>[x]</c></param>
        public Row Figure(Cell? cell, CellStatus missing = CellStatus.NotApplicable)
        {
            if (cell is null)
            {
                return Add(Entry.Empty).Add(Entry.Of(Labels.StatusOf(missing)));
            }

            var status = Labels.StatusOf(cell.Status);
            var isBreak = false;
            foreach (var note in cell.Notes)
            {
                rowNotes.Add(table.notes.NumberOf(note));
                isBreak |= table.notes.IsBreak(note);
            }

            if (isBreak)
            {
                status = status.Length == 0 ? Labels.Break : $"{status} {Labels.Break}";
            }

            return Add(Entry.Of(cell.Shown)).Add(Entry.Of(status));
        }

        /// <summary>A value that is not a cell (a count of the overlap table) with the status it takes from the cells it depends on.</summary>
        public Row Figure(decimal? value, CellStatus status) =>
            Add(Entry.Of(status == CellStatus.Published ? value : null)).Add(Entry.Of(Labels.StatusOf(status)));

        public void End()
        {
            if (table.notesColumn)
            {
                entries.Add(Entry.Of(string.Join(" ", rowNotes.Select(Labels.NoteReference))));
                table.referenced.UnionWith(rowNotes);
            }

            var expected = table.columns.Count + (table.notesColumn ? 1 : 0);
            if (entries.Count != expected)
            {
                throw new InvalidOperationException($"Ligne de {entries.Count} cellules pour {expected} colonnes.");
            }

            table.rows.Add(entries);
        }

        private Row Add(Entry entry)
        {
            entries.Add(entry);
            return this;
        }
    }
}
