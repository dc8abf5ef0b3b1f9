using Reporting.Harmonisation;
using Reporting.Ingestion;

namespace Reporting.Linkage;

/// <summary>
/// For one victim source, year and category: the minors it counts (its persons after linkage, one per key or per key-less
/// id) and how many of them carry a linkage key, their own or one taken from another line of their id (propagation).
/// Only numbers leave the stage, never a key or an id.
/// </summary>
/// <param name="Persons">the minors of the category the source counts that year: keyed persons plus key-less ids</param>
/// <param name="Keyed">those with a key, who can be recognised in another source</param>
public sealed record SourceKeyRate(Source Source, int Year, string Category, long Persons, long Keyed)
{
    /// <summary>The share of the source's detections that carry a usable key; 1 when it counts nobody (nothing to link).</summary>
    public double Rate => Persons == 0 ? 1.0 : Keyed / (double)Persons;
}

/// <summary>
/// The linkage-error facts the capture-recapture correction needs (issue 19): per victim source, year and category, the
/// share of the persons counted that carry a key. They are counted exactly as the overlap table counts persons (victim
/// sources, lines that count for minors, the category or, for <see cref="Category.All"/>, any form), so that a source's
/// persons here are its margin in that table.
/// </summary>
public static class KeyRates
{
    public static IReadOnlyList<SourceKeyRate> Of(IReadOnlyList<PersonLine> lines, IReadOnlyList<string> categories)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(categories);
        var persons = new Dictionary<(Source Source, int Year, string Category), (HashSet<int> All, HashSet<int> Keyed)>();
        foreach (var l in lines)
        {
            if (l.CountedNowhere || !l.CountsForMinors || !SourceNames.Victim.Contains(l.Source))
            {
                continue;
            }

            foreach (var category in categories)
            {
                if (category == Category.All ? !Category.IsForm(l.Category) : l.Category != category)
                {
                    continue;
                }

                if (!persons.TryGetValue((l.Source, l.Year, category), out var sets))
                {
                    persons[(l.Source, l.Year, category)] = sets = ([], []);
                }

                sets.All.Add(l.Person);
                if (l.Keyed)
                {
                    sets.Keyed.Add(l.Person);
                }
            }
        }

        return persons
            .Select(kv => new SourceKeyRate(kv.Key.Source, kv.Key.Year, kv.Key.Category, kv.Value.All.Count, kv.Value.Keyed.Count))
            .OrderBy(r => r.Year).ThenBy(r => r.Category, StringComparer.Ordinal).ThenBy(r => r.Source)
            .ToArray();
    }
}
