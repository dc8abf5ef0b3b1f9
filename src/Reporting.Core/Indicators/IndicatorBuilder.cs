using Reporting.Harmonisation;
using Reporting.Ingestion;
using Reporting.Linkage;
using Reporting.Reference;

namespace Reporting.Indicators;

/// <summary>
/// Computes every cell of the open-data file from the linked lines (outputs.md): counts of distinct persons per
/// département, added up to regions and France; rates, changes and shares from those sums. Each person has one
/// département per year and source (its earliest valid in-scope line), so territories add up.
/// </summary>
public sealed class IndicatorBuilder(Geography geography, Availability availability, SeriesBreaks breaks)
{
    public const string AllSources = SeriesBreaks.AllSources;

    private static readonly string[] VictimIndicators = [IndicatorCodes.MinorVictims, IndicatorCodes.Rate, IndicatorCodes.Change, IndicatorCodes.ShareGirls, IndicatorCodes.ShareUnder15];

    private static readonly string[] JusticeIndicators = [IndicatorCodes.Prosecuted, IndicatorCodes.Convicted, IndicatorCodes.FirmPrison, IndicatorCodes.ShareFirmPrison, IndicatorCodes.MeanQuantum];

    public IndicatorSet Build(LinkedData linked, IReadOnlyList<PopulationRow> population, IReadOnlyList<int> years)
    {
        var byYear = linked.Lines.Where(l => !l.CountedNowhere).GroupBy(l => l.Year).ToDictionary(g => g.Key, g => g.ToArray());
        var pop = population.ToDictionary(p => (p.Year, p.Departement), p => p.Population);
        var cells = new List<Cell>();
        var overlaps = new List<OverlapTable>();
        var atoms = new Dictionary<(int Year, string Source, string Category), Atoms>();
        foreach (var year in years)
        {
            var lines = byYear.GetValueOrDefault(year) ?? [];
            foreach (var source in SourceNames.Victim)
            {
                var own = lines.Where(l => l.Source == source).ToArray();
                foreach (var category in Categories(source, years))
                {
                    atoms[(year, source.Code(), category)] = VictimAtoms(own, category, withAdults: source == Source.Police);
                }
            }

            var victimLines = lines.Where(l => l.Source != Source.Justice).ToArray();
            foreach (var category in CategoriesOfAll(years))
            {
                atoms[(year, AllSources, category)] = VictimAtoms(victimLines, category, withAdults: false);
                overlaps.Add(Overlap(year, category, victimLines));
            }

            var justice = lines.Where(l => l.Source == Source.Justice).ToArray();
            foreach (var category in Categories(Source.Justice, years))
            {
                atoms[(year, Source.Justice.Code(), category)] = JusticeAtoms(justice, category);
            }
        }

        foreach (var ((year, source, category), a) in atoms)
        {
            var available = IsAvailable(source, category, year);
            foreach (var (level, territory, deps) in Territories())
            {
                var sum = a.Sum(deps);
                if (source == Source.Justice.Code())
                {
                    cells.AddRange(JusticeCells(year, level, territory, category, sum, available));
                    continue;
                }

                var previous = atoms.TryGetValue((year - 1, source, category), out var p) && years.Contains(year - 1) ? p.Sum(deps) : null;
                var previousAvailable = years.Contains(year - 1) && IsAvailable(source, category, year - 1);
                var territoryPopulation = PopulationOf(pop, year, deps);
                cells.AddRange(VictimCells(year, level, territory, category, source, sum, available, previousAvailable ? previous : null, territoryPopulation));
                cells.Add(SinceStartCell(years, year, level, territory, category, source, sum, atoms, deps));
            }
        }

        cells.AddRange(overlaps.SelectMany(o => OverlapCells(o, IsAvailable(AllSources, o.Category, o.Year))));
        return new IndicatorSet(cells, years, overlaps.OrderBy(o => o.Year).ThenBy(o => o.Category, StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// The change since the first year of the series, for the multi-year sentence of the report: not computed across a
    /// break anywhere in between (<c>z</c>), from a first year not available (<c>x</c>), or from zero (<c>z</c>).
    /// </summary>
    private Cell SinceStartCell(IReadOnlyList<int> years, int year, Level level, string territory, string category, string source, Sums sum, Dictionary<(int, string, string), Atoms> atoms, IReadOnlyList<string> deps)
    {
        var key = new CellKey(IndicatorCodes.ChangeSinceStart, year, level, territory, category, source);
        var first = years[0];
        if (!IsAvailable(source, category, year) || !IsAvailable(source, category, first))
        {
            return new Cell(key, null, CellStatus.NotAvailable, []);
        }

        if (year == first || years.Any(y => y > first && y <= year && breaks.IsBreak(source, category, y)))
        {
            return new Cell(key, null, CellStatus.NotApplicable, []);
        }

        var start = atoms[(first, source, category)].Sum(deps).Count;
        return start == 0
            ? new Cell(key, null, CellStatus.NotApplicable, [])
            : new Cell(key, Rounding.OneDecimal((sum.Count - start) * 100m / start), CellStatus.Published, []);
    }

    /// <summary>National persons seen by one, two or three victim sources, and the share of them carrying a linkage key.</summary>
    private static IEnumerable<Cell> OverlapCells(OverlapTable o, bool available)
    {
        CellKey Key(string indicator) => new(indicator, o.Year, Level.France, "FR", o.Category, AllSources);
        if (!available)
        {
            foreach (var indicator in IndicatorCodes.OverlapCounts.Append(IndicatorCodes.ShareKeyed))
            {
                yield return new Cell(Key(indicator), null, CellStatus.NotAvailable, []);
            }

            yield break;
        }

        yield return new Cell(Key(IndicatorCodes.SeenByOne), o.SeenBy(1), CellStatus.Published, []);
        yield return new Cell(Key(IndicatorCodes.SeenByTwo), o.SeenBy(2), CellStatus.Published, []);
        yield return new Cell(Key(IndicatorCodes.SeenByThree), o.SeenBy(3), CellStatus.Published, []);
        yield return Share(Key(IndicatorCodes.ShareKeyed), o.KeyedPersons, o.Persons);
    }

    /// <summary>A category has lines for a source when it exists for that source in at least one year of the series.</summary>
    private IEnumerable<string> Categories(Source source, IReadOnlyList<int> years) =>
        Category.Published.Where(c => years.Any(y => availability.IsAvailable(source, c, y)));

    private IEnumerable<string> CategoriesOfAll(IReadOnlyList<int> years) =>
        Category.Published.Where(c => years.Any(y => availability.IsAvailable(AllSources, c, y)));

    private bool IsAvailable(string source, string category, int year) => availability.IsAvailable(source, category, year);

    private IEnumerable<(Level Level, string Territory, IReadOnlyList<string> Deps)> Territories()
    {
        yield return (Level.France, "FR", geography.Departements.Select(d => d.Code).ToArray());
        foreach (var region in geography.Regions)
        {
            yield return (Level.Region, region.Code, region.Departements);
        }

        foreach (var d in geography.Departements)
        {
            yield return (Level.Departement, d.Code, [d.Code]);
        }
    }

    /// <summary>A rate needs the population of every département of the territory: one missing row makes it <c>x</c>.</summary>
    private static long? PopulationOf(Dictionary<(int, string), long> pop, int year, IReadOnlyList<string> deps)
    {
        long total = 0;
        foreach (var d in deps)
        {
            if (!pop.TryGetValue((year, d), out var p))
            {
                return null;
            }

            total += p;
        }

        return total;
    }

    private IEnumerable<Cell> VictimCells(int year, Level level, string territory, string category, string source, Sums s, bool available, Sums? previous, long? population)
    {
        CellKey Key(string indicator) => new(indicator, year, level, territory, category, source);
        var notes = breaks.IsBreak(source, category, year) ? new[] { NoteIds.Break(source, category, year) } : [];
        if (!available)
        {
            foreach (var indicator in VictimIndicators)
            {
                yield return new Cell(Key(indicator), null, CellStatus.NotAvailable, []);
            }

            if (source == Source.Police.Code())
            {
                yield return new Cell(Key(IndicatorCodes.ShareMinors), null, CellStatus.NotAvailable, []);
            }

            yield break;
        }

        yield return new Cell(Key(IndicatorCodes.MinorVictims), s.Count, CellStatus.Published, notes);
        yield return population switch
        {
            null => new Cell(Key(IndicatorCodes.Rate), null, CellStatus.NotAvailable, []),
            0 => new Cell(Key(IndicatorCodes.Rate), null, CellStatus.NotApplicable, []),
            { } p => new Cell(Key(IndicatorCodes.Rate), Rounding.Per100k(s.Count, p), CellStatus.Published, []),
        };
        yield return ChangeCell(Key(IndicatorCodes.Change), s.Count, previous?.Count, breaks.IsBreak(source, category, year), notes);
        yield return Share(Key(IndicatorCodes.ShareGirls), s.Girls, s.KnownSex);
        yield return Share(Key(IndicatorCodes.ShareUnder15), s.Under15, s.KnownAge);
        if (source == Source.Police.Code())
        {
            yield return Share(Key(IndicatorCodes.ShareMinors), s.MinorsOfKnownAge, s.VictimsOfKnownAge);
        }
    }

    /// <summary>
    /// No change is computed across a declared break (<c>z</c>), from a previous year missing or not available (<c>x</c>),
    /// or from zero (<c>z</c>) (nomenclature.md, outputs.md).
    /// </summary>
    private static Cell ChangeCell(CellKey key, long count, long? previous, bool isBreak, IReadOnlyList<string> notes) => (isBreak, previous) switch
    {
        (true, _) => new Cell(key, null, CellStatus.NotApplicable, notes),
        (_, null) => new Cell(key, null, CellStatus.NotAvailable, []),
        (_, 0) => new Cell(key, null, CellStatus.NotApplicable, []),
        (_, { } p) => new Cell(key, Rounding.OneDecimal((count - p) * 100m / p), CellStatus.Published, []),
    };

    private static Cell Share(CellKey key, long part, long whole) => whole == 0
        ? new Cell(key, null, CellStatus.NotApplicable, [])
        : new Cell(key, Rounding.Percent(part, whole), CellStatus.Published, []) { Basis = new(part, whole) };

    private static IEnumerable<Cell> JusticeCells(int year, Level level, string territory, string category, Sums s, bool available)
    {
        CellKey Key(string indicator) => new(indicator, year, level, territory, category, Source.Justice.Code());
        if (!available)
        {
            foreach (var indicator in JusticeIndicators)
            {
                yield return new Cell(Key(indicator), null, CellStatus.NotAvailable, []);
            }

            yield break;
        }

        yield return new Cell(Key(IndicatorCodes.Prosecuted), s.Prosecuted, CellStatus.Published, []);
        yield return new Cell(Key(IndicatorCodes.Convicted), s.Convicted, CellStatus.Published, []);
        yield return new Cell(Key(IndicatorCodes.FirmPrison), s.FirmPrison, CellStatus.Published, []);
        yield return Share(Key(IndicatorCodes.ShareFirmPrison), s.FirmPrison, s.Convicted);
        yield return s.QuantumPersons == 0
            ? new Cell(Key(IndicatorCodes.MeanQuantum), null, CellStatus.NotApplicable, [])
            : new Cell(Key(IndicatorCodes.MeanQuantum), Rounding.OneDecimal((decimal)s.QuantumSum / s.QuantumPersons), CellStatus.Published, []) { Basis = new(s.QuantumSum, s.QuantumPersons) };
    }

    private static bool InCategory(PersonLine l, string category) =>
        category == Category.All ? Category.IsForm(l.Category) : l.Category == category;

    /// <summary>
    /// Each person's département: its earliest line by reference date; ties go to the source order (police, ase, sante)
    /// then to the smaller code in ordinal order (outputs.md). Every in-scope line decides, whatever its category or age.
    /// </summary>
    private static Dictionary<int, string> Departements(IEnumerable<PersonLine> lines)
    {
        var best = new Dictionary<int, PersonLine>();
        foreach (var l in lines)
        {
            if (!best.TryGetValue(l.Person, out var b) || Earlier(l, b))
            {
                best[l.Person] = l;
            }
        }

        return best.ToDictionary(kv => kv.Key, kv => kv.Value.Departement);
    }

    private static bool Earlier(PersonLine a, PersonLine b)
    {
        var c = a.Date.CompareTo(b.Date);
        if (c != 0)
        {
            return c < 0;
        }

        c = a.Source.CompareTo(b.Source);
        return c != 0 ? c < 0 : string.CompareOrdinal(a.Departement, b.Departement) < 0;
    }

    /// <summary>
    /// Counts for one source (or all victim sources) and category. A person's sex and age, for the shares, are the first
    /// known values on its lines that count in the cell, in date order (the README states this choice).
    /// </summary>
    private static Atoms VictimAtoms(IReadOnlyList<PersonLine> lines, string category, bool withAdults)
    {
        var deps = Departements(lines);
        var atoms = new Atoms();
        var relevant = lines.Where(l => InCategory(l, category)).OrderBy(l => l.Date).ThenBy(l => l.Source).GroupBy(l => l.Person);
        foreach (var person in relevant)
        {
            var a = atoms.For(deps[person.Key]);
            // Share of minors among victims of known age: a person is of known age when one of its lines gives an age, and
            // a minor of known age when one of them gives an age under 18 (the per-line rule of the count).
            if (withAdults && person.Any(l => l.Age is not null))
            {
                a.VictimsOfKnownAge++;
                a.MinorsOfKnownAge += person.Any(l => l.Age < 18) ? 1 : 0;
            }

            var minorLines = person.Where(l => l.CountsForMinors).ToArray();
            if (minorLines.Length == 0)
            {
                continue;
            }

            a.Count++;
            if (minorLines.FirstOrDefault(l => l.Sex != Sex.Unknown) is { } sexed)
            {
                a.KnownSex++;
                a.Girls += sexed.Sex == Sex.Female ? 1 : 0;
            }

            if (minorLines.FirstOrDefault(l => l.Age is not null) is { } withAge)
            {
                a.KnownAge++;
                a.Under15 += withAge.Age < 15 ? 1 : 0;
            }
        }

        return atoms;
    }

    /// <summary>
    /// Justice persons are authors (outputs.md): prosecuted when they have a POURSUITE line in the year, convicted with a
    /// CONDAMNATION line, whatever else they have; the mean sentence is over persons convicted to firm imprisonment, of
    /// each person's largest quantum (lines without a quantum left out).
    /// </summary>
    private static Atoms JusticeAtoms(IReadOnlyList<PersonLine> lines, string category)
    {
        var deps = Departements(lines);
        var atoms = new Atoms();
        foreach (var person in lines.Where(l => l.CountsForMinors && InCategory(l, category)).GroupBy(l => l.Person))
        {
            var a = atoms.For(deps[person.Key]);
            a.Prosecuted += person.Any(l => l.Justice!.Step == "POURSUITE") ? 1 : 0;
            var convictions = person.Where(l => l.Justice!.Step == "CONDAMNATION").ToArray();
            a.Convicted += convictions.Length > 0 ? 1 : 0;
            var firm = convictions.Where(l => l.Justice!.Sentence == "EMPRISONNEMENT_FERME").ToArray();
            a.FirmPrison += firm.Length > 0 ? 1 : 0;
            var quanta = firm.Where(l => l.Justice!.QuantumMonths is not null).Select(l => l.Justice!.QuantumMonths!.Value).ToArray();
            if (quanta.Length > 0)
            {
                a.QuantumPersons++;
                a.QuantumSum += quanta.Max();
            }
        }

        return atoms;
    }

    private static OverlapTable Overlap(int year, string category, IReadOnlyList<PersonLine> victimLines)
    {
        var patterns = new Dictionary<int, int>();
        var keyed = new HashSet<int>();
        foreach (var l in victimLines)
        {
            if (l.CountsForMinors && InCategory(l, category))
            {
                patterns[l.Person] = patterns.GetValueOrDefault(l.Person) | (1 << (int)l.Source);
                if (l.Keyed)
                {
                    keyed.Add(l.Person);
                }
            }
        }

        var counts = patterns.Values.GroupBy(p => p).ToDictionary(g => g.Key, g => (long)g.Count());
        return new OverlapTable(year, category, counts, keyed.Count, patterns.Count);
    }

    /// <summary>Per-département counts that add up to regions and France.</summary>
    private sealed class Atoms
    {
        private readonly Dictionary<string, Sums> byDep = new(StringComparer.Ordinal);

        public Sums For(string dep)
        {
            if (!byDep.TryGetValue(dep, out var s))
            {
                s = new Sums();
                byDep[dep] = s;
            }

            return s;
        }

        public Sums Sum(IReadOnlyList<string> deps)
        {
            var total = new Sums();
            foreach (var d in deps)
            {
                if (byDep.TryGetValue(d, out var s))
                {
                    total.Add(s);
                }
            }

            return total;
        }
    }
}

/// <summary>Additive counts behind the cells of one territory.</summary>
internal sealed class Sums
{
    public long Count { get; set; }

    public long Girls { get; set; }

    public long KnownSex { get; set; }

    public long Under15 { get; set; }

    public long KnownAge { get; set; }

    public long VictimsOfKnownAge { get; set; }

    public long MinorsOfKnownAge { get; set; }

    public long Prosecuted { get; set; }

    public long Convicted { get; set; }

    public long FirmPrison { get; set; }

    public long QuantumPersons { get; set; }

    public long QuantumSum { get; set; }

    public void Add(Sums o)
    {
        Count += o.Count;
        Girls += o.Girls;
        KnownSex += o.KnownSex;
        Under15 += o.Under15;
        KnownAge += o.KnownAge;
        VictimsOfKnownAge += o.VictimsOfKnownAge;
        MinorsOfKnownAge += o.MinorsOfKnownAge;
        Prosecuted += o.Prosecuted;
        Convicted += o.Convicted;
        FirmPrison += o.FirmPrison;
        QuantumPersons += o.QuantumPersons;
        QuantumSum += o.QuantumSum;
    }
}

public static class NoteIds
{
    public static string Break(string source, string category, int year) => $"rupture:{source}:{category}:{year}";
}
