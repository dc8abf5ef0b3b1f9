using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Reporting.Harmonisation;
using Reporting.Ingestion;

namespace Reporting.Linkage;

/// <summary>An in-scope line with its person resolved to an opaque number: no key, no source id goes further.</summary>
/// <param name="Person">the same number for the same <c>cle_chainage</c> in every source; key-less persons get their own</param>
/// <param name="Keyed">the person carries a linkage key (can be recognised in another source)</param>
/// <param name="Digital">the line's code is flagged <c>numerique</c> in the nomenclature</param>
public readonly record struct PersonLine(
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
    JusticeDetail? Justice,
    bool Digital = false);

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
/// <para>
/// Ids are unique within a source-year, that is within one extract: <see cref="Link"/> resolves an extract's lines as soon
/// as it is read, and keeps of them only the <see cref="PersonLine"/>s; keys are held as 32 bytes, not as strings.
/// </para>
/// </summary>
public sealed class Linker
{
    private readonly Dictionary<(Source, int, string), IdKeys> keysById = [];
    private readonly PersonLineStore linked = new();
    private readonly List<KeyConflict> conflicts = [];
    private readonly Dictionary<(Source Source, int Year), (int Lines, int Own, int Inherited)> coverage = [];
    private readonly Dictionary<LinkageKey, int> personsByKey = [];
    private readonly Dictionary<(Source, int, string), int> personsById = [];
    private int persons;

    /// <summary>Every valid line, in scope or not: only its id and key are remembered (resolved by <see cref="Build"/>).</summary>
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

    /// <summary>
    /// One whole extract, resolved now: its keys observed, each in-scope line mapped by <paramref name="map"/> (in file
    /// order) and given its person. Nothing of the extract is kept afterwards but its <see cref="PersonLine"/>s.
    /// </summary>
    public void Link(ScopedExtract extract, Func<ExtractLine, LineMapping?> map)
    {
        Observe(extract);
        var file = extract.File;
        var keyless = new Dictionary<string, int>(StringComparer.Ordinal);

        // The ids of the in-scope lines matter only to report a conflict, which is rare: gathered only then.
        var anyConflict = keysById.Values.Any(k => k.ConflictingLines is not null);
        var inScopeIds = anyConflict ? new HashSet<string>(StringComparer.Ordinal) : null;
        Func<string, int> keylessPerson = id =>
        {
            ref var n = ref CollectionsMarshal.GetValueRefOrAddDefault(keyless, id, out var exists);
            if (!exists)
            {
                n = persons++;
            }

            return n;
        };
        var counts = new Coverage();
        foreach (var line in extract.Lines)
        {
            if (map(line) is not { } m)
            {
                continue;
            }

            inScopeIds?.Add(line.PersonId);
            linked.Add(Resolve(line, m, keylessPerson, ref counts));
        }

        AddCoverage(file.Source, file.Year, counts);

        // The file's conflicts, for the ids with in-scope lines; then its ids are forgotten (they are unique to the file).
        if (inScopeIds is not null)
        {
            var lines = keysById
                .Where(kv => kv.Key.Item1 == file.Source && kv.Key.Item2 == file.Year && kv.Value.ConflictingLines is { Count: > 0 } && inScopeIds.Contains(kv.Key.Item3))
                .SelectMany(kv => kv.Value.ConflictingLines!.Prepend(kv.Value.FirstLine))
                .Order()
                .ToArray();
            if (lines.Length > 0)
            {
                conflicts.Add(new KeyConflict(file.Name, file.Source.Code(), file.Year, lines));
            }
        }

        keysById.Clear();
    }

    public LinkedData Build()
    {
        var lines = linked;
        var allConflicts = conflicts.OrderBy(k => k.File, StringComparer.Ordinal).ToArray();
        var cov = coverage
            .Select(kv => new KeyCoverage(kv.Key.Source, kv.Key.Year, kv.Value.Lines, kv.Value.Own, kv.Value.Inherited))
            .OrderBy(k => k.Source).ThenBy(k => k.Year)
            .ToArray();
        return new LinkedData(lines, allConflicts, cov);
    }

    private void Observe(Source source, int year, string personId, string key, string file, int lineNumber)
    {
        ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(keysById, (source, year, personId), out var exists);
        if (!exists)
        {
            known = new IdKeys(key, file, lineNumber, null);
        }
        else if (!string.Equals(known.First, key, StringComparison.Ordinal))
        {
            (known.ConflictingLines ??= []).Add(lineNumber);
        }
    }

    private void AddCoverage(Source source, int year, Coverage counts)
    {
        ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(coverage, (source, year), out _);
        c = (c.Lines + counts.Lines, c.Own + counts.Own, c.Inherited + counts.Inherited);
    }

    /// <param name="keyless">the person of a key-less id</param>
    private PersonLine Resolve(ExtractLine l, LineMapping m, Func<string, int> keyless, ref Coverage counts)
    {
        var key = l.Key;
        var inherited = false;
        if (key is null && keysById.TryGetValue((l.Source, l.Year, l.PersonId), out var known))
        {
            // With two keys on the id, the key-less line takes the first one met in the file (reported as a conflict).
            key = known.First;
            inherited = true;
        }

        counts.Lines++;
        counts.Own += l.Key is null ? 0 : 1;
        counts.Inherited += inherited ? 1 : 0;
        var person = key is null ? keyless(l.PersonId) : PersonOf(key);
        return new PersonLine(l.Source, l.Year, person, key is not null, l.Departement, l.ReferenceDate, m.Category, m.CountsForMinors, m.CountedNowhere, l.Sex, l.Age, l.Justice, m.Digital);
    }

    private int PersonOf(string key)
    {
        var k = LinkageKey.Parse(key);
        if (!personsByKey.TryGetValue(k, out var n))
        {
            personsByKey[k] = n = persons++;
        }

        return n;
    }

    private int PersonOf(Source source, int year, string id)
    {
        if (!personsById.TryGetValue((source, year, id), out var n))
        {
            personsById[(source, year, id)] = n = persons++;
        }

        return n;
    }

    /// <summary>Lines of one source-year, with a key of their own, with a key taken from their id.</summary>
    private struct Coverage
    {
        public int Lines;
        public int Own;
        public int Inherited;
    }

    /// <summary>The first key met on an id, where, and the lines of the id with another key (null while there are none).</summary>
    private struct IdKeys(string first, string file, int firstLine, List<int>? conflictingLines)
    {
        public readonly string First => first;

        public readonly string File => file;

        public readonly int FirstLine => firstLine;

        public List<int>? ConflictingLines { readonly get => conflictingLines; set => conflictingLines = value; }
    }
}

/// <summary>
/// A linkage key as its 32 bytes: half the memory of its 64 hexadecimal characters, and no string per person. Keys are
/// checked at ingestion (64 lowercase hexadecimal characters), so every key parses.
/// </summary>
internal readonly record struct LinkageKey(ulong A, ulong B, ulong C, ulong D)
{
    public static LinkageKey Parse(string key)
    {
        Span<byte> bytes = stackalloc byte[32];
        Convert.FromHexString(key, bytes, out _, out var written);
        if (written != 32 || key.Length != 64)
        {
            throw new ArgumentException("A linkage key is 64 hexadecimal characters (checked at ingestion).", nameof(key));
        }

        return new LinkageKey(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
    }
}

/// <summary>
/// Person lines in chunks of 65,536: millions of them without one large array, and no copy of them all each time the
/// collection grows (a list would double, holding both copies at that moment).
/// </summary>
internal sealed class PersonLineStore : IReadOnlyList<PersonLine>
{
    private const int Shift = 16;
    private const int ChunkSize = 1 << Shift;

    private readonly List<PersonLine[]> chunks = [];

    public int Count { get; private set; }

    public PersonLine this[int index] => At(index);

    public static PersonLineStore Of(IReadOnlyList<PersonLine> lines)
    {
        if (lines is PersonLineStore store)
        {
            return store;
        }

        var copy = new PersonLineStore();
        foreach (var line in lines)
        {
            copy.Add(line);
        }

        return copy;
    }

    public void Add(in PersonLine line)
    {
        if (Count >> Shift == chunks.Count)
        {
            chunks.Add(new PersonLine[ChunkSize]);
        }

        chunks[Count >> Shift][Count & (ChunkSize - 1)] = line;
        Count++;
    }

    /// <summary>The line itself, not a copy (a person line is some sixty bytes).</summary>
    public ref readonly PersonLine At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        return ref chunks[index >> Shift][index & (ChunkSize - 1)];
    }

    public IEnumerator<PersonLine> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return At(i);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
