using Reporting.Harmonisation;
using Reporting.Indicators;

namespace Reporting.Publication.Workbook;

/// <param name="Series">for a break, the series it applies to; null for a note on the method</param>
internal sealed record WorkbookNote(int Number, string Subject, string Text, string? Series);

/// <summary>
/// The numbered notes of the Notes sheet (guidance, "Notes": one notes table, referenced as <c>[note n]</c> from titles or
/// a notes column, rather than footnotes under tables). Method notes come first, then one note per series break text:
/// a break of <c>toutes</c> inherited from a source (nomenclature.md) shares its source's note, as its published text does.
/// </summary>
internal sealed class NoteCatalogue
{
    private readonly Dictionary<string, int> breakNotes = new(StringComparer.Ordinal);

    public NoteCatalogue(SeriesBreaks breaks, IReadOnlyList<int> years, int threshold)
    {
        var notes = new List<WorkbookNote>();
        int Add(string subject, string text, string? series = null)
        {
            notes.Add(new WorkbookNote(notes.Count + 1, subject, text, series));
            return notes.Count;
        }

        Counting = Add(Labels.Notes.CountingSubject, Labels.Notes.Counting);
        Categories = Add(Labels.Notes.CategoriesSubject, Labels.Notes.Categories);
        Rates = Add(Labels.Notes.RatesSubject, Labels.Notes.Rates);
        Secrecy = Add(Labels.Notes.SecrecySubject, Labels.Notes.Secrecy(threshold));
        Justice = Add(Labels.Notes.JusticeSubject, Labels.Notes.Justice);
        Overlap = Add(Labels.Notes.OverlapSubject, Labels.Notes.Overlap);
        Digital = Add(Labels.Notes.DigitalSubject, Labels.Notes.Digital);

        // Only breaks inside the series can be referenced by a cell; their order is that of SeriesBreaks (ordinal).
        var inSeries = breaks.All.Where(b => years.Contains(b.Year)).ToArray();
        foreach (var group in inSeries.GroupBy(b => b.Note, StringComparer.Ordinal))
        {
            var series = string.Join(" ; ", group.Select(b => Labels.Notes.BreakScope(b.Source, b.Category, b.Year)));
            var number = Add(Labels.Notes.BreakSubject, group.Key, series);
            foreach (var b in group)
            {
                breakNotes[NoteIds.Break(b.Source, b.Category, b.Year)] = number;
            }
        }

        All = notes;
    }

    public IReadOnlyList<WorkbookNote> All { get; }

    public int Counting { get; }

    public int Categories { get; }

    public int Rates { get; }

    public int Secrecy { get; }

    public int Justice { get; }

    public int Overlap { get; }

    public int Digital { get; }

    /// <summary>
    /// The number of a cell's note. Every note a cell carries today is a declared break; a note the workbook does not know
    /// is a broken configuration (a stage added notes without their text), not something to drop silently.
    /// </summary>
    public int NumberOf(string noteId) => breakNotes.TryGetValue(noteId, out var n)
        ? n
        : throw new InvalidOperationException($"La cellule renvoie à la note « {noteId} », que le classeur ne connaît pas (aucune rupture déclarée ne lui correspond).");

    public bool IsBreak(string noteId) => breakNotes.ContainsKey(noteId);
}
