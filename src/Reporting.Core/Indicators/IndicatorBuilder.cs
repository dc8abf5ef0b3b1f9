using System.Runtime.InteropServices;
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

    private static readonly string[] JusticeIndicators =
    [
        IndicatorCodes.Authors, IndicatorCodes.Oriented, IndicatorCodes.Dismissed, IndicatorCodes.Alternative, IndicatorCodes.Prosecuted,
        IndicatorCodes.ResponseRate, IndicatorCodes.Convicted, IndicatorCodes.Acquitted,
        .. IndicatorCodes.Sentences.Select(s => s.Count), .. IndicatorCodes.Sentences.Select(s => s.Share),
        IndicatorCodes.MeanQuantum, IndicatorCodes.MedianQuantum,
    ];

    public IndicatorSet Build(LinkedData linked, IReadOnlyList<PopulationRow> population, IReadOnlyList<int> years)
    {
        // The lines are not copied: each year is a list of their positions.
        var store = PersonLineStore.Of(linked.Lines);
        var departementIndex = geography.Departements.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var departements = new int[store.Count];
        var byYear = new Dictionary<int, List<int>>();
        for (var i = 0; i < store.Count; i++)
        {
            ref readonly var l = ref store.At(i);
            if (!l.CountedNowhere)
            {
                (CollectionsMarshal.GetValueRefOrAddDefault(byYear, l.Year, out _) ??= []).Add(i);
                departements[i] = departementIndex[l.Departement];
            }
        }

        var pop = population.ToDictionary(p => (p.Year, p.Departement), p => p.Population);
        var cells = new List<Cell>();
        var overlaps = new List<OverlapTable>();
        var atoms = new Dictionary<(int Year, string Source, string Category), Atoms>();
        foreach (var year in years)
        {
            var lines = byYear.GetValueOrDefault(year) ?? [];
            var victims = PersonRuns.Of(store, lines, justice: false, departements);
            foreach (var source in SourceNames.Victim)
            {
                var categories = Categories(source, years).ToArray();
                var computed = VictimAtoms(victims, source, categories, withAdults: source == Source.Police);
                for (var k = 0; k < categories.Length; k++)
                {
                    atoms[(year, source.Code(), categories[k])] = computed[k];
                }
            }

            var all = CategoriesOfAll(years).ToArray();
            var computedAll = VictimAtoms(victims, null, all, withAdults: false);
            for (var k = 0; k < all.Length; k++)
            {
                atoms[(year, AllSources, all[k])] = computedAll[k];
                overlaps.Add(Overlap(year, all[k], victims));
            }

            var justice = PersonRuns.Of(store, lines, justice: true, departements);
            foreach (var category in Categories(Source.Justice, years))
            {
                atoms[(year, Source.Justice.Code(), category)] = JusticeAtoms(justice, category);
            }
        }

        var territories = TerritoryIndexes();
        var digitalCategories = DigitalSources.ToDictionary(s => s.Code(), s => DigitalCategories(s, years).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var ((year, source, category), a) in atoms)
        {
            var available = IsAvailable(source, category, year);
            var digital = digitalCategories.TryGetValue(source, out var withDigital) && withDigital.Contains(category)
                ? SourceNames.TryParse(source, out var digitalSource) && availability.IsDigitalAvailable(digitalSource, category, year)
                : (bool?)null;
            foreach (var (level, territory, deps, indexes) in territories)
            {
                var sum = a.Sum(indexes);
                if (digital is { } digitalAvailable)
                {
                    cells.AddRange(DigitalCells(year, level, territory, category, source, sum, digitalAvailable));
                }

                if (source == Source.Justice.Code())
                {
                    cells.AddRange(JusticeCells(year, level, territory, category, sum, available));
                    continue;
                }

                var previous = atoms.TryGetValue((year - 1, source, category), out var p) && years.Contains(year - 1) ? p.Sum(indexes) : null;
                var previousAvailable = years.Contains(year - 1) && IsAvailable(source, category, year - 1);
                var territoryPopulation = PopulationOf(pop, year, deps);
                cells.AddRange(VictimCells(year, level, territory, category, source, sum, available, previousAvailable ? previous : null, territoryPopulation));
                cells.Add(SinceStartCell(years, year, level, territory, category, source, sum, atoms, indexes));
            }
        }

        cells.AddRange(overlaps.SelectMany(OverlapCells));
        return new IndicatorSet(cells, years, overlaps.OrderBy(o => o.Year).ThenBy(o => o.Category, StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// The change since the first year of the series, for the multi-year sentence of the report: not computed across a
    /// break anywhere in between (<c>z</c>), from a first year not available (<c>x</c>), or from zero (<c>z</c>).
    /// </summary>
    private Cell SinceStartCell(IReadOnlyList<int> years, int year, Level level, string territory, string category, string source, Sums sum, Dictionary<(int, string, string), Atoms> atoms, int[] deps)
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

    /// <summary>
    /// National persons seen by one, two or three victim sources, by each combination of them, and with a linkage key.
    /// A combination that involves a source which does not give the category that year is <c>x</c>, as that source's own
    /// count is: nobody can be seen by it.
    /// </summary>
    private IEnumerable<Cell> OverlapCells(OverlapTable o)
    {
        CellKey Key(string indicator) => new(indicator, o.Year, Level.France, "FR", o.Category, AllSources);
        var available = IsAvailable(AllSources, o.Category, o.Year);
        bool Observed(int pattern) => available && OverlapTable.Lists.Select((s, bit) => (s, bit))
            .All(x => (pattern & (1 << x.bit)) == 0 || IsAvailable(x.s.Code(), o.Category, o.Year));
        Cell Count(string indicator, long value, bool observed) => observed
            ? new Cell(Key(indicator), value, CellStatus.Published, [])
            : new Cell(Key(indicator), null, CellStatus.NotAvailable, []);

        yield return Count(IndicatorCodes.SeenByOne, o.SeenBy(1), available);
        yield return Count(IndicatorCodes.SeenByTwo, o.SeenBy(2), available);
        foreach (var (pattern, indicator) in IndicatorCodes.SeenByPattern)
        {
            yield return Count(indicator, o.CountByPattern.GetValueOrDefault(pattern), Observed(pattern));
        }

        yield return Count(IndicatorCodes.SeenWithKey, o.KeyedPersons, available);
        yield return available ? Share(Key(IndicatorCodes.ShareKeyed), o.KeyedPersons, o.Persons) : new Cell(Key(IndicatorCodes.ShareKeyed), null, CellStatus.NotAvailable, []);
    }

    /// <summary>The sources whose codes can be flagged digital: NATINF offences, recorded by police and judged by courts.</summary>
    private static readonly Source[] DigitalSources = [Source.Police, Source.Justice];

    /// <summary>
    /// The categories with digital figures for a source: those with a flagged code in at least one year of the series
    /// (a combination that never exists has no line: <c>ESM-PROX</c> has no flagged code). A nomenclature that flags no
    /// code at all (2026-1) cannot tell which categories would have one: every category of the source gets its lines,
    /// <c>x</c> every year, rather than none, so that the open data says the figure is missing, not that it never exists.
    /// </summary>
    private IEnumerable<string> DigitalCategories(Source source, IReadOnlyList<int> years) => availability.FlagsDigital
        ? Categories(source, years).Where(c => years.Any(y => availability.HasDigitalCode(source, c, y)))
        : Categories(source, years);

    /// <summary>
    /// Police: minor victims of whom a line of the category, counting for minors, has a digital code, and their share
    /// among the minor victims; justice: authors with such a line, whatever its step, among the category's authors.
    /// </summary>
    private static IEnumerable<Cell> DigitalCells(int year, Level level, string territory, string category, string source, Sums s, bool available)
    {
        var police = source == Source.Police.Code();
        CellKey Key(string indicator) => new(indicator, year, level, territory, category, source);
        var count = police ? IndicatorCodes.DigitalVictims : IndicatorCodes.DigitalAuthors;
        if (!available)
        {
            yield return new Cell(Key(count), null, CellStatus.NotAvailable, []);
            yield return new Cell(Key(IndicatorCodes.ShareDigital), null, CellStatus.NotAvailable, []);
            yield break;
        }

        yield return new Cell(Key(count), s.Digital, CellStatus.Published, []);
        yield return Share(Key(IndicatorCodes.ShareDigital), s.Digital, police ? s.Count : s.Authors);
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

    /// <summary>The territories with their départements as indexes into <see cref="Geography.Departements"/>, once.</summary>
    private (Level Level, string Territory, IReadOnlyList<string> Deps, int[] Indexes)[] TerritoryIndexes()
    {
        var index = geography.Departements.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        return Territories().Select(t => (t.Level, t.Territory, t.Deps, t.Deps.Select(d => index[d]).ToArray())).ToArray();
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

        Cell Count(string indicator, long value) => new(Key(indicator), value, CellStatus.Published, []);
        yield return Count(IndicatorCodes.Authors, s.Authors);
        yield return Count(IndicatorCodes.Oriented, s.Oriented);
        yield return Count(IndicatorCodes.Dismissed, s.Dismissed);
        yield return Count(IndicatorCodes.Alternative, s.Alternative);
        yield return Count(IndicatorCodes.Prosecuted, s.Prosecuted);
        yield return Share(Key(IndicatorCodes.ResponseRate), s.Responded, s.Oriented);
        yield return Count(IndicatorCodes.Convicted, s.Convicted);
        yield return Count(IndicatorCodes.Acquitted, s.Acquitted);
        for (var k = 0; k < IndicatorCodes.Sentences.Count; k++)
        {
            yield return Count(IndicatorCodes.Sentences[k].Count, s.BySentence[k]);
        }

        for (var k = 0; k < IndicatorCodes.Sentences.Count; k++)
        {
            yield return Share(Key(IndicatorCodes.Sentences[k].Share), s.BySentence[k], s.Convicted);
        }

        yield return s.QuantumPersons == 0
            ? new Cell(Key(IndicatorCodes.MeanQuantum), null, CellStatus.NotApplicable, [])
            : new Cell(Key(IndicatorCodes.MeanQuantum), Rounding.OneDecimal((decimal)s.QuantumSum / s.QuantumPersons), CellStatus.Published, []) { Basis = new(s.QuantumSum, s.QuantumPersons) };

        // A median reveals its persons as a mean does: its basis is their number (part and whole alike).
        yield return s.QuantumPersons == 0
            ? new Cell(Key(IndicatorCodes.MedianQuantum), null, CellStatus.NotApplicable, [])
            : new Cell(Key(IndicatorCodes.MedianQuantum), Rounding.OneDecimal(s.MedianQuantum()), CellStatus.Published, []) { Basis = new(s.QuantumPersons, s.QuantumPersons) };
    }

    private static bool InCategory(in PersonLine l, string category) =>
        category == Category.All ? Category.IsForm(l.Category) : l.Category == category;

    /// <summary>
    /// Counts for one source (or all victim sources, <paramref name="only"/> null) and each category, over each person's lines
    /// in (date, source, file order): a person's sex and age, for the shares, are the first known values on its lines
    /// that count in the cell (the README states this choice); its département is that of its earliest line of the
    /// scope, whatever the category.
    /// </summary>
    private static Atoms[] VictimAtoms(PersonRuns runs, Source? only, string[] categories, bool withAdults)
    {
        var atoms = categories.Select(_ => new Atoms()).ToArray();
        var scoped = new List<int>();
        for (var r = 0; r < runs.Count; r++)
        {
            scoped.Clear();
            foreach (var i in runs.Run(r))
            {
                if (only is null || runs[i].Source == only)
                {
                    scoped.Add(i);
                }
            }

            if (scoped.Count == 0)
            {
                continue;
            }

            var lines = CollectionsMarshal.AsSpan(scoped);
            var dep = runs.Departement(lines);
            for (var k = 0; k < categories.Length; k++)
            {
                var touched = false;
                var knownAge = false;
                var minorOfKnownAge = false;
                var minor = false;
                var digital = false;
                var sex = Sex.Unknown;
                int? minorAge = null;
                foreach (var i in lines)
                {
                    ref readonly var l = ref runs[i];
                    if (!InCategory(l, categories[k]))
                    {
                        continue;
                    }

                    touched = true;
                    knownAge |= l.Age is not null;
                    minorOfKnownAge |= l.Age < 18;
                    if (l.CountsForMinors)
                    {
                        minor = true;
                        digital |= l.Digital;
                        sex = sex == Sex.Unknown ? l.Sex : sex;
                        minorAge ??= l.Age;
                    }
                }

                if (!touched)
                {
                    continue;
                }

                var a = atoms[k].For(dep);
                // Share of minors among victims of known age: a person is of known age when one of its lines gives an age,
                // and a minor of known age when one of them gives an age under 18 (the per-line rule of the count).
                if (withAdults && knownAge)
                {
                    a.VictimsOfKnownAge++;
                    a.MinorsOfKnownAge += minorOfKnownAge ? 1 : 0;
                }

                if (!minor)
                {
                    continue;
                }

                a.Count++;
                a.Digital += digital ? 1 : 0;
                if (sex != Sex.Unknown)
                {
                    a.KnownSex++;
                    a.Girls += sex == Sex.Female ? 1 : 0;
                }

                if (minorAge is { } m)
                {
                    a.KnownAge++;
                    a.Under15 += m < 15 ? 1 : 0;
                }
            }
        }

        return atoms;
    }

    /// <summary>
    /// Justice persons are authors (outputs.md): the category's authors are the persons with a line of the year counting
    /// for minors in it, whatever its step; each step counts a person once, when it has a line of that step, whatever else
    /// it has (a person dismissed in one case and prosecuted in another is in both). Orientation is the prosecutor's
    /// decision (dismissal, alternative or prosecution), and the penal response rate counts among the oriented persons
    /// those with an alternative or a prosecution: their most advanced orientation. Each convicted person is classed by
    /// the most severe sentence of the year (<see cref="IndicatorCodes.Sentences"/>, firm prison first); the mean and
    /// median sentences are over persons convicted to firm imprisonment, of each person's largest quantum (lines without
    /// a quantum left out). A person's département is that of its earliest line of the year, whatever the category.
    /// </summary>
    private static Atoms JusticeAtoms(PersonRuns runs, string category)
    {
        var atoms = new Atoms();
        for (var r = 0; r < runs.Count; r++)
        {
            var lines = runs.Run(r);
            bool any = false, dismissed = false, alternative = false, prosecuted = false, convicted = false, acquitted = false, digital = false;
            var severest = int.MaxValue;
            int? quantum = null;
            foreach (var i in lines)
            {
                ref readonly var l = ref runs[i];
                if (!l.CountsForMinors || !InCategory(l, category))
                {
                    continue;
                }

                any = true;
                digital |= l.Digital;
                var j = l.Justice!;
                switch (j.Step)
                {
                    case "CLASSEMENT":
                        dismissed = true;
                        break;
                    case "ALTERNATIVE":
                        alternative = true;
                        break;
                    case "POURSUITE":
                        prosecuted = true;
                        break;
                    case "RELAXE":
                        acquitted = true;
                        break;
                    case "CONDAMNATION":
                        convicted = true;
                        severest = Math.Min(severest, Severity(j.Sentence));
                        if (j.Sentence == "EMPRISONNEMENT_FERME" && j.QuantumMonths is { } q)
                        {
                            quantum = Math.Max(quantum ?? q, q);
                        }

                        break;
                }
            }

            if (!any)
            {
                continue;
            }

            var a = atoms.For(runs.Departement(lines));
            a.Authors++;
            a.Oriented += dismissed || alternative || prosecuted ? 1 : 0;
            a.Dismissed += dismissed ? 1 : 0;
            a.Alternative += alternative ? 1 : 0;
            a.Prosecuted += prosecuted ? 1 : 0;
            a.Responded += alternative || prosecuted ? 1 : 0;
            a.Convicted += convicted ? 1 : 0;
            a.Acquitted += acquitted ? 1 : 0;
            a.Digital += digital ? 1 : 0;
            if (convicted)
            {
                a.BySentence[severest]++;
            }

            if (quantum is { } max)
            {
                a.AddQuantum(max);
            }
        }

        return atoms;
    }

    /// <summary>
    /// A sentence's rank in <see cref="IndicatorCodes.Sentences"/>, most severe first. A conviction always has a sentence
    /// (the contract rejects one without: <c>condamnation_sans_peine</c>); anything else would be "other".
    /// </summary>
    private static int Severity(string? sentence)
    {
        for (var k = 0; k < IndicatorCodes.Sentences.Count; k++)
        {
            if (IndicatorCodes.Sentences[k].Sentence == sentence)
            {
                return k;
            }
        }

        return IndicatorCodes.Sentences.Count - 1;
    }

    private static OverlapTable Overlap(int year, string category, PersonRuns victims)
    {
        var counts = new long[8];
        long keyed = 0;
        long persons = 0;
        for (var r = 0; r < victims.Count; r++)
        {
            var pattern = 0;
            var isKeyed = false;
            foreach (var i in victims.Run(r))
            {
                ref readonly var l = ref victims[i];
                if (l.CountsForMinors && InCategory(l, category))
                {
                    pattern |= 1 << (int)l.Source;
                    isKeyed |= l.Keyed;
                }
            }

            if (pattern != 0)
            {
                counts[pattern]++;
                persons++;
                keyed += isKeyed ? 1 : 0;
            }
        }

        var byPattern = new Dictionary<int, long>();
        for (var pattern = 1; pattern < counts.Length; pattern++)
        {
            if (counts[pattern] > 0)
            {
                byPattern[pattern] = counts[pattern];
            }
        }

        return new OverlapTable(year, category, byPattern, keyed, persons);
    }

    /// <summary>
    /// A year's lines of some sources grouped by person, each person's lines in the order that decides "first": reference
    /// date, then source (police, ase, sante), then the order of the files (the order in which the lines were linked).
    /// One sort per year replaces a grouping and a sort per source and category.
    /// </summary>
    private sealed class PersonRuns
    {
        private readonly PersonLineStore lines;
        private readonly int[] order;
        private readonly int[] runStarts;
        private readonly int[] departement;

        private PersonRuns(PersonLineStore lines, int[] order, int[] runStarts, int[] departement)
        {
            (this.lines, this.order, this.runStarts, this.departement) = (lines, order, runStarts, departement);
        }

        /// <summary>Persons.</summary>
        public int Count => runStarts.Length - 1;

        public ref readonly PersonLine this[int line] => ref lines.At(line);

        /// <param name="year">positions of the year's lines in <paramref name="lines"/>, in linked order</param>
        /// <param name="justice">the justice lines (authors), or the victim sources' lines</param>
        /// <param name="departement">each line's département, as an index into the geography's</param>
        public static PersonRuns Of(PersonLineStore lines, List<int> year, bool justice, int[] departement)
        {
            var keys = new List<RunKey>();
            foreach (var i in year)
            {
                ref readonly var l = ref lines.At(i);
                if ((l.Source == Source.Justice) == justice)
                {
                    // The day fits 22 bits and the source 2: person, day and source sort as one number. Positions in
                    // the store follow the linked order, so they break the remaining ties as the file order does.
                    keys.Add(new RunKey(((long)l.Person << 32) | ((long)l.Date.DayNumber << 2) | (long)l.Source, i));
                }
            }

            var sorted = keys.ToArray();
            Array.Sort(sorted);
            var order = new int[sorted.Length];
            var starts = new List<int>();
            for (var i = 0; i < sorted.Length; i++)
            {
                order[i] = sorted[i].Index;
                if (i == 0 || lines.At(order[i]).Person != lines.At(order[i - 1]).Person)
                {
                    starts.Add(i);
                }
            }

            starts.Add(order.Length);
            return new PersonRuns(lines, order, starts.ToArray(), departement);
        }

        /// <summary>A person's lines (positions in the store), in the deciding order.</summary>
        public ReadOnlySpan<int> Run(int run) => order.AsSpan(runStarts[run], runStarts[run + 1] - runStarts[run]);

        /// <summary>
        /// The département of the first of a person's lines in the deciding order: its earliest line by date; ties go to
        /// the source order (police, ase, sante), then to the smaller code in ordinal order (outputs.md), which is the
        /// order of <see cref="Geography.Departements"/>.
        /// </summary>
        public int Departement(ReadOnlySpan<int> personLines)
        {
            ref readonly var first = ref lines.At(personLines[0]);
            var best = int.MaxValue;
            foreach (var i in personLines)
            {
                ref readonly var l = ref lines.At(i);
                if (l.Date != first.Date || l.Source != first.Source)
                {
                    break;
                }

                best = Math.Min(best, departement[i]);
            }

            return best;
        }
    }

    /// <summary>Person, day and source in one number, then the line's position: the deciding order.</summary>
    private readonly record struct RunKey(long Key, int Index) : IComparable<RunKey>
    {
        public int CompareTo(RunKey other)
        {
            var c = Key.CompareTo(other.Key);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }

    /// <summary>Per-département counts that add up to regions and France, by index into the geography's départements.</summary>
    private sealed class Atoms
    {
        private readonly Dictionary<int, Sums> byDep = [];

        public Sums For(int dep)
        {
            if (!byDep.TryGetValue(dep, out var s))
            {
                s = new Sums();
                byDep[dep] = s;
            }

            return s;
        }

        public Sums Sum(int[] deps)
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
    /// <summary>Persons convicted to firm prison by their largest quantum: a median does not add up, its distribution does.</summary>
    private SortedDictionary<int, long>? quantumCounts;

    public long Count { get; set; }

    public long Girls { get; set; }

    public long KnownSex { get; set; }

    public long Under15 { get; set; }

    public long KnownAge { get; set; }

    public long VictimsOfKnownAge { get; set; }

    public long MinorsOfKnownAge { get; set; }

    /// <summary>Police: minor victims with a digital code; justice: authors with one.</summary>
    public long Digital { get; set; }

    public long Authors { get; set; }

    public long Oriented { get; set; }

    public long Dismissed { get; set; }

    public long Alternative { get; set; }

    public long Prosecuted { get; set; }

    /// <summary>Oriented persons with an alternative or a prosecution: the penal response.</summary>
    public long Responded { get; set; }

    public long Convicted { get; set; }

    public long Acquitted { get; set; }

    /// <summary>Convicted persons by their most severe sentence, in the order of <see cref="IndicatorCodes.Sentences"/>.</summary>
    public long[] BySentence { get; } = new long[IndicatorCodes.Sentences.Count];

    public long QuantumPersons { get; private set; }

    public long QuantumSum { get; private set; }

    public void AddQuantum(int months, long persons = 1)
    {
        QuantumPersons += persons;
        QuantumSum += months * persons;
        quantumCounts ??= [];
        quantumCounts[months] = quantumCounts.GetValueOrDefault(months) + persons;
    }

    /// <summary>The middle quantum; for an even number of persons, the mean of the two middle ones.</summary>
    public decimal MedianQuantum()
    {
        if (quantumCounts is null || QuantumPersons == 0)
        {
            throw new InvalidOperationException("No quantum to take the median of.");
        }

        // 0-based ranks of the two middle persons (the same one for an odd number).
        var (low, high) = ((QuantumPersons - 1) / 2, QuantumPersons / 2);
        int? lowValue = null;
        long seen = 0;
        foreach (var (months, persons) in quantumCounts)
        {
            seen += persons;
            if (lowValue is null && seen > low)
            {
                lowValue = months;
            }

            if (seen > high)
            {
                return (lowValue!.Value + months) / 2m;
            }
        }

        throw new InvalidOperationException("The quantum distribution does not hold its persons.");
    }

    public void Add(Sums o)
    {
        Count += o.Count;
        Girls += o.Girls;
        KnownSex += o.KnownSex;
        Under15 += o.Under15;
        KnownAge += o.KnownAge;
        VictimsOfKnownAge += o.VictimsOfKnownAge;
        MinorsOfKnownAge += o.MinorsOfKnownAge;
        Digital += o.Digital;
        Authors += o.Authors;
        Oriented += o.Oriented;
        Dismissed += o.Dismissed;
        Alternative += o.Alternative;
        Prosecuted += o.Prosecuted;
        Responded += o.Responded;
        Convicted += o.Convicted;
        Acquitted += o.Acquitted;
        for (var k = 0; k < BySentence.Length; k++)
        {
            BySentence[k] += o.BySentence[k];
        }

        foreach (var (months, persons) in o.quantumCounts ?? [])
        {
            AddQuantum(months, persons);
        }
    }
}

public static class NoteIds
{
    public const string BreakPrefix = "rupture:";

    public static string Break(string source, string category, int year) => $"{BreakPrefix}{source}:{category}:{year}";
}
