using System.Globalization;
using Reporting.Ingestion;
using Reporting.Reference;

namespace Reporting.Harmonisation;

/// <param name="Source">a source code, or <c>toutes</c></param>
/// <param name="Derived">true for a break of <c>toutes</c> deduced from a source starting to contribute</param>
public sealed record SeriesBreak(string Source, string Category, int Year, string Note, bool Derived);

/// <summary>
/// Series breaks are declared, not guessed (nomenclature.md): <c>ruptures.csv</c> lists them. <c>toutes</c> inherits the
/// breaks of its sources, and a year in which a source starts contributing to a category is a break for <c>toutes</c>.
/// </summary>
public sealed class SeriesBreaks
{
    public const string AllSources = Availability.AllSources;

    private readonly HashSet<(string Source, string Category, int Year)> index;

    private SeriesBreaks(IReadOnlyList<SeriesBreak> breaks)
    {
        All = breaks;
        index = breaks.Select(b => (b.Source, b.Category, b.Year)).ToHashSet();
    }

    public IReadOnlyList<SeriesBreak> All { get; }

    public bool IsBreak(string source, string category, int year) => index.Contains((source, category, year));

    public SeriesBreak? Find(string source, string category, int year) =>
        All.FirstOrDefault(b => b.Source == source && b.Category == category && b.Year == year);

    public static IReadOnlyList<SeriesBreak> ReadDeclared()
    {
        var lines = ReferenceData.ReadText("ruptures.csv").Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(';', 4))
            .Select(f => new SeriesBreak(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), f[3], Derived: false))
            .ToArray();
    }

    private static string Names(IEnumerable<Source> sources) => "la source « " + string.Join(" », « ", sources.Select(s => s.FrenchName())) + " »";

    public static SeriesBreaks Build(IReadOnlyList<SeriesBreak> declared, Availability availability, IReadOnlyList<int> years)
    {
        var breaks = new List<SeriesBreak>(declared);
        foreach (var d in declared.Where(d => d.Source != AllSources))
        {
            breaks.Add(d with { Source = AllSources, Derived = true });
        }

        foreach (var category in Category.Published)
        {
            foreach (var year in years)
            {
                if (breaks.Any(b => b.Source == AllSources && b.Category == category && b.Year == year))
                {
                    continue;
                }

                // A source that starts, or stops, contributing changes what "all sources" covers: no change is
                // computed across it (a missing extract would otherwise read as a fall).
                var before = years.Contains(year - 1);
                var starting = SourceNames.Victim
                    .Where(s => before && availability.IsAvailable(s, category, year) && !availability.IsAvailable(s, category, year - 1))
                    .ToArray();
                var stopping = SourceNames.Victim
                    .Where(s => before && !availability.IsAvailable(s, category, year) && availability.IsAvailable(s, category, year - 1))
                    .ToArray();
                var anyBefore = before && SourceNames.Victim.Any(s => availability.IsAvailable(s, category, year - 1));
                var anyNow = SourceNames.Victim.Any(s => availability.IsAvailable(s, category, year));
                var notes = new List<string>();
                if (starting.Length > 0 && anyBefore)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"À partir de {year}, {Names(starting)} contribue à cette catégorie"));
                }

                if (stopping.Length > 0 && anyNow)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"en {year}, {Names(stopping)} n'y contribue pas"));
                }

                if (notes.Count > 0)
                {
                    var text = string.Join(" ; ", notes);
                    breaks.Add(new SeriesBreak(
                        AllSources,
                        category,
                        year,
                        char.ToUpperInvariant(text[0]) + text[1..] + " : l'ensemble des sources n'est pas comparable à l'année précédente.",
                        Derived: true));
                }
            }
        }

        return new SeriesBreaks(breaks
            .OrderBy(b => b.Source, StringComparer.Ordinal)
            .ThenBy(b => b.Category, StringComparer.Ordinal)
            .ThenBy(b => b.Year)
            .ToArray());
    }
}
