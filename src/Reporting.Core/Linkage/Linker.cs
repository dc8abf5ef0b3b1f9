using Reporting.Harmonisation;
using Reporting.Ingestion;

namespace Reporting.Linkage;

/// <summary>An in-scope line with its person resolved to an opaque number: no key, no source id goes further.</summary>
/// <param name="Person">the same number for the same <c>cle_chainage</c> in every source; key-less persons get their own</param>
/// <param name="Keyed">the person carries a linkage key (can be recognised in another source)</param>
public sealed record PersonLine(
    Source Source,
    int Year,
    int Person,
    bool Keyed,
    string Departement,
    DateOnly Date,
    string Category,
    bool CountsForMinors,
    bool CountedNowhere,
    Sex Sex,
    int? Age,
    JusticeDetail? Justice);

/// <summary>Two different keys on the same source id in one source-year: reported, never resolved by guessing.</summary>
public sealed record KeyConflict(string File, string Source, int Year, IReadOnlyList<int> Lines);

/// <summary>Per source and year: lines kept, and how many carried a key of their own or took one from their id.</summary>
public sealed record KeyCoverage(Source Source, int Year, int InScopeLines, int WithOwnKey, int WithInheritedKey);

public sealed record LinkedData(IReadOnlyList<PersonLine> Lines, IReadOnlyList<KeyConflict> Conflicts, IReadOnlyList<KeyCoverage> Coverage);

/// <summary>
/// Person identity (outputs.md, counting rules): within a source, a person is its <c>cle_chainage</c> when the line has
/// one, otherwise the source's own id; a key-less line takes the key that another valid line of the same id and
/// source-year carries (in scope or not). Across sources, the same key is the same person. Two keys on one id are
/// reported for the ids that have in-scope lines.
/// </summary>
public sealed class Linker
{
    private readonly Dictionary<(Source, int, string), IdKeys> keysById = [];
    private readonly List<HarmonisedLine> kept = [];

    /// <summary>Every valid line, in scope or not: only its id and key are remembered.</summary>
    public void Observe(ExtractLine line)
    {
        if (line.Key is not null)
        {
            Observe(line.Source, line.Year, line.PersonId, line.Key, line.File, line.LineNumber);
        }
    }

    /// <summary>
    /// The keys of one extract as ingestion kept them: those of its in-scope lines and of its out-of-scope lines whose id
    /// has in-scope lines, taken in file order (the first key met is the one a key-less line takes).
    /// </summary>
    public void Observe(ScopedExtract extract)
    {
        var file = extract.File;
        var lines = extract.Lines;
        var keys = extract.Keys;
        var k = 0;
        foreach (var line in lines)
        {
            for (; k < keys.Count && keys[k].LineNumber < line.LineNumber; k++)
            {
                Observe(file.Source, file.Year, keys[k].PersonId, keys[k].Key, file.Name, keys[k].LineNumber);
            }

            Observe(line);
        }

        for (; k < keys.Count; k++)
        {
            Observe(file.Source, file.Year, keys[k].PersonId, keys[k].Key, file.Name, keys[k].LineNumber);
        }
    }

    private void Observe(Source source, int year, string personId, string key, string file, int lineNumber)
    {
        var id = (source, year, personId);
        if (!keysById.TryGetValue(id, out var known))
        {
            keysById[id] = new IdKeys(key, file, lineNumber);
        }
        else if (!string.Equals(known.First, key, StringComparison.Ordinal))
        {
            known.ConflictingLines.Add(lineNumber);
        }
    }

    public void Keep(HarmonisedLine line) => kept.Add(line);

    public LinkedData Build()
    {
        var persons = new Dictionary<string, int>(StringComparer.Ordinal);
        int Intern(string identity)
        {
            if (!persons.TryGetValue(identity, out var n))
            {
                n = persons.Count;
                persons[identity] = n;
            }

            return n;
        }

        var coverage = new Dictionary<(Source, int), (int Lines, int Own, int Inherited)>();
        var lines = new List<PersonLine>(kept.Count);
        foreach (var h in kept)
        {
            var l = h.Line;
            var key = l.Key;
            var inherited = false;
            if (key is null && keysById.TryGetValue((l.Source, l.Year, l.PersonId), out var known))
            {
                // With two keys on the id, the key-less line takes the first one met in the file (reported as a conflict).
                key = known.First;
                inherited = true;
            }

            var c = coverage.GetValueOrDefault((l.Source, l.Year));
            coverage[(l.Source, l.Year)] = (c.Lines + 1, c.Own + (l.Key is null ? 0 : 1), c.Inherited + (inherited ? 1 : 0));
            var person = Intern(key is null ? $"\u0001{l.Source.Code()}\u0001{l.Year}\u0001{l.PersonId}" : key);
            lines.Add(new PersonLine(l.Source, l.Year, person, key is not null, l.Departement, l.ReferenceDate, h.Category, h.CountsForMinors, h.CountedNowhere, l.Sex, l.Age, l.Justice));
        }

        // Only ids with in-scope lines are reported: a key conflict elsewhere decides no figure, and remembering every id
        // of a whole victim database to find one would make memory grow with the lines the run does not keep.
        var keptIds = kept.Select(h => (h.Line.Source, h.Line.Year, h.Line.PersonId)).ToHashSet();
        var conflicts = keysById
            .Where(kv => kv.Value.ConflictingLines.Count > 0 && keptIds.Contains(kv.Key))
            .GroupBy(kv => (kv.Value.File, Source: kv.Key.Item1, Year: kv.Key.Item2))
            .Select(g => new KeyConflict(g.Key.File, g.Key.Source.Code(), g.Key.Year, g.SelectMany(kv => kv.Value.ConflictingLines.Prepend(kv.Value.FirstLine)).Order().ToArray()))
            .OrderBy(k => k.File, StringComparer.Ordinal)
            .ToArray();
        var cov = coverage
            .Select(kv => new KeyCoverage(kv.Key.Item1, kv.Key.Item2, kv.Value.Lines, kv.Value.Own, kv.Value.Inherited))
            .OrderBy(k => k.Source).ThenBy(k => k.Year)
            .ToArray();
        return new LinkedData(lines, conflicts, cov);
    }

    private sealed class IdKeys(string first, string file, int firstLine)
    {
        public string First { get; } = first;

        public string File { get; } = file;

        public int FirstLine { get; } = firstLine;

        public List<int> ConflictingLines { get; } = [];
    }
}
