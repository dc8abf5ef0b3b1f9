using Reporting.Indicators;
using Reporting.Reference;

namespace Reporting.Disclosure;

/// <summary>
/// What protecting one count table did: cells hidden by each rule, the audit's verdict, the non-zero sub-national cells
/// and how many of them are published, and the information loss (<see cref="InformationLoss"/>).
/// </summary>
public sealed record TableProtection(
    string Indicator,
    int Year,
    string Source,
    string Category,
    SuppressionCounts Counts,
    bool WholeTableHidden,
    bool AuditPassed,
    long NarrowestPrimaryWidth,
    int NonZero = 0,
    int PublishedNonZero = 0,
    long Loss = 0);

/// <summary>A table that does not pass the audit: the run stops rather than publish it.</summary>
public sealed class DisclosureAuditException(string message) : Exception(message);

/// <summary>
/// What protecting the implied tables of one share table did (<see cref="ImpliedCounts"/>): the share cells below France
/// that only the implied tables hide, whether the share is hidden below France, whether its whole is a published count
/// protected with them, and the audit's verdict.
/// </summary>
public sealed record ImpliedTableProtection(
    string Indicator,
    int Year,
    string Source,
    string Category,
    int HiddenByImplied,
    bool WholeTableHidden,
    bool LinkedToWhole,
    bool AuditPassed);

public sealed record DisclosureResult(IndicatorSet Indicators, IReadOnlyList<TableProtection> Tables)
{
    public bool AnyWholeTableHidden => Tables.Any(t => t.WholeTableHidden);

    /// <summary>The implied tables of the shares, one entry per share table protected that way.</summary>
    public IReadOnlyList<ImpliedTableProtection> Implied { get; init; } = [];
}

/// <summary>
/// Secret statistique on the cell set (outputs.md): every count table (indicator, year, source, category) over
/// France ⊃ regions ⊃ départements is protected and then attacked by an independent audit; counts that the catalogue
/// declares parts of another (<see cref="IndicatorDefinition.PartOf"/>) are then protected and attacked together with
/// their whole (<see cref="LinkedProtection"/>, <see cref="JointAudit"/>); the counts each share implies are protected
/// like counts (<see cref="ImpliedCounts"/>). Statuses move to <see cref="CellStatus.Confidential"/>, values never
/// change, and every figure derived from a hidden count (rate, share, change, mean sentence) is hidden too. One set of
/// statuses then feeds every publication.
/// </summary>
public static class DisclosureControl
{
    public const string PrimaryRule = "primaire";
    public const string SecondaryRule = "secondaire";
    public const string WholeTableRule = "table_entiere";
    public const string DerivedRule = "derivee";
    public const string SmallPartRule = "part_faible";
    public const string ImpliedRule = "part_implicite";

    public static DisclosureResult Apply(IndicatorSet set, Geography geography, DisclosureParameters parameters, IndicatorCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        catalogue ??= IndicatorCatalogue.Shipped;
        var firstYear = set.Years.Count > 0 ? set.Years[0] : 0;
        var counts = CountTables(set, geography, catalogue).ToArray();
        var tableOf = counts.ToDictionary(c => c.France, c => c.Table);
        var patterns = counts.ToDictionary(c => c.France, c => Suppression.Protect(c.Table, parameters).Pattern);
        var linked = ProtectLinked(counts, tableOf, patterns, parameters, catalogue);

        var hidden = new Dictionary<CellKey, Cell>();
        var tables = new List<TableProtection>();
        foreach (var (france, table) in counts)
        {
            var pattern = patterns[france];

            // The audit that tries: attack the published pattern again with the exact LP bounds, as an intruder would.
            var audit = Audit.Attack(table, pattern, parameters, BoundMethod.Simplex, wholeTableMustBeNecessary: !linked.Contains(france));
            if (!audit.Passed)
            {
                throw new DisclosureAuditException($"{france.Indicator} {france.Year} {france.Source} {france.Category} : {audit}");
            }

            foreach (var cell in pattern.HiddenCells)
            {
                var key = At(france, cell);
                var rule = pattern.StatusOf(cell) switch
                {
                    SuppressionStatus.Primary => PrimaryRule,
                    SuppressionStatus.Secondary => SecondaryRule,
                    _ => WholeTableRule,
                };
                hidden[key] = Hide(set.Find(key)!, rule);
            }

            var narrowest = audit.Intervals.Where(i => i.Status == SuppressionStatus.Primary).Select(i => i.Width).DefaultIfEmpty(0).Min();
            var nonZero = table.Hierarchy.Cells().Where(c => table.ValueOf(c) > 0).ToArray();
            tables.Add(new TableProtection(
                france.Indicator, france.Year, france.Source, france.Category, SuppressionCounts.Of(pattern), pattern.IsWholeTableHidden, audit.Passed, narrowest,
                nonZero.Length, nonZero.Count(c => !pattern.IsHidden(c)), InformationLoss.Of(table, pattern, parameters)));
        }

        // A figure that does not exist stays x or z whatever the secrecy of its inputs (outputs.md): only published figures
        // are hidden with their counts.
        foreach (var cell in set.Cells.Where(c => c.Status == CellStatus.Published && c.Key.Level != Level.France))
        {
            if (catalogue.Find(cell.Key.Indicator) is not { } definition)
            {
                continue;
            }

            if (DerivesFromHidden(cell.Key, definition, hidden, firstYear))
            {
                hidden[cell.Key] = Hide(cell, DerivedRule);
            }
            else if (definition.RevealsItsBasis && RevealsSmallCount(cell, definition, parameters))
            {
                hidden[cell.Key] = Hide(cell, SmallPartRule);
            }
        }

        var implied = ProtectImplied(set, geography, parameters, catalogue, tableOf, patterns, hidden);
        return new DisclosureResult(set.With(hidden.Values), tables) { Implied = implied };
    }

    /// <summary>
    /// Each count that has parts (<see cref="IndicatorDefinition.PartOf"/>) protected again with them, from the patterns
    /// each got on its own, until the joint attack passes; the keys of every table of a group.
    /// </summary>
    private static HashSet<CellKey> ProtectLinked(
        (CellKey France, CountTable Table)[] counts,
        Dictionary<CellKey, CountTable> tableOf,
        Dictionary<CellKey, SuppressionPattern> patterns,
        DisclosureParameters parameters,
        IndicatorCatalogue catalogue)
    {
        var linked = new HashSet<CellKey>();
        var groups = new List<(CellKey Whole, CellKey[] Keys)>();
        foreach (var (whole, _) in counts)
        {
            var parts = catalogue.All.Where(d => d.PartOf == whole.Indicator)
                .Select(d => whole with { Indicator = d.Code })
                .Where(tableOf.ContainsKey)
                .ToArray();
            if (parts.Length > 0)
            {
                groups.Add((whole, [whole, .. parts]));
            }
        }

        // The groups are independent (no table in two): protected side by side, their results taken in the tables' order.
        var results = new (SuppressionPattern[] Patterns, string? Error)[groups.Count];
        Parallel.For(0, groups.Count, g => results[g] = ProtectGroup(groups[g].Whole, groups[g].Keys, tableOf, patterns, parameters));
        for (var g = 0; g < groups.Count; g++)
        {
            if (results[g].Error is { } error)
            {
                throw new DisclosureAuditException(error);
            }

            var keys = groups[g].Keys;
            for (var k = 0; k < keys.Length; k++)
            {
                patterns[keys[k]] = results[g].Patterns[k];
                linked.Add(keys[k]);
            }
        }

        return linked;
    }

    /// <summary>One count and its parts protected together from the patterns each got alone; an error message when they cannot be.</summary>
    private static (SuppressionPattern[] Patterns, string? Error) ProtectGroup(
        CellKey whole, CellKey[] keys, Dictionary<CellKey, CountTable> tableOf, Dictionary<CellKey, SuppressionPattern> patterns, DisclosureParameters parameters)
    {
        var members = keys.Select(k => new LinkedMember(tableOf[k], patterns[k])).ToArray();
        Partition[] partition = [new(0, [.. Enumerable.Range(1, keys.Length - 1)])];
        try
        {
            JointAudit.RequireAdditive([.. members.Select(m => m.Table)], partition);
        }
        catch (ArgumentException e)
        {
            return ([], $"{whole.Indicator} {whole.Year} {whole.Source} {whole.Category} : les effectifs déclarés parties de {whole.Indicator} ({string.Join(", ", keys.Skip(1).Select(p => p.Indicator))}) ne s'additionnent pas : {e.Message}");
        }

        var (protectedPatterns, _) = LinkedProtection.Protect(members, partition, parameters);
        var audit = JointAudit.Attack([.. members.Select(m => m.Table)], protectedPatterns, partition, parameters);
        return audit.Passed ? ([.. protectedPatterns], null) : ([], $"{whole.Indicator} et ses parties {whole.Year} {whole.Source} {whole.Category} : {audit}");
    }

    /// <summary>
    /// The two implied tables of every share table published for France (<see cref="ImpliedCounts"/>); share cells they
    /// hide and no other rule did get <see cref="ImpliedRule"/>. A share whose part and whole are both published counts
    /// (the share of firm prison among the convicted) implies nothing more than they do: it is hidden with them
    /// (<see cref="DerivedRule"/>), and what they imply together, the other parts, is protected with them when the
    /// catalogue declares the part (<see cref="ProtectLinked"/>).
    /// </summary>
    private static List<ImpliedTableProtection> ProtectImplied(
        IndicatorSet set,
        Geography geography,
        DisclosureParameters parameters,
        IndicatorCatalogue catalogue,
        Dictionary<CellKey, CountTable> tableOf,
        Dictionary<CellKey, SuppressionPattern> patterns,
        Dictionary<CellKey, Cell> hidden)
    {
        var result = new List<ImpliedTableProtection>();
        var hierarchy = new Hierarchy(geography.Regions.Select(r => new Region(r.Code, r.Departements)));
        var shares = set.Cells.Where(c => c.Key.Level == Level.France && c.Status == CellStatus.Published && c.Basis is not null
            && catalogue.Find(c.Key.Indicator)?.Kind == IndicatorKind.Share && catalogue[c.Key.Indicator].NationalOnly == false);
        // Each share table's implied tables read and hide only that table's cells: protected side by side, applied in order.
        var frances = shares.Select(c => c.Key).ToArray();
        var protections = new (ImpliedProtection Protection, bool WithWhole)?[frances.Length];
        Parallel.For(0, frances.Length, f => protections[f] = ProtectImpliedTable(frances[f], set, hierarchy, parameters, catalogue, tableOf, patterns, hidden));
        for (var f = 0; f < frances.Length; f++)
        {
            if (protections[f] is not var (protection, withWhole))
            {
                continue;
            }

            var france = frances[f];
            if (!protection.Audit.Passed)
            {
                throw new DisclosureAuditException($"{france.Indicator} {france.Year} {france.Source} {france.Category} (effectifs impliqués par la part) : {protection.Audit}");
            }

            var byImplied = 0;
            foreach (var cell in hierarchy.Cells().Where(c => !protection.IsPublished(c)))
            {
                if (set.Find(At(france, cell)) is { Status: CellStatus.Published } shareCell && !hidden.ContainsKey(shareCell.Key))
                {
                    hidden[shareCell.Key] = Hide(shareCell, ImpliedRule);
                    byImplied++;
                }
            }

            result.Add(new ImpliedTableProtection(
                france.Indicator, france.Year, france.Source, france.Category, byImplied, protection.WholeTableHidden, withWhole, protection.Audit.Passed));
        }

        return result;
    }

    private static CellKey At(CellKey france, CellRef cell) =>
        france with { Level = cell.Level == CellLevel.Region ? Level.Region : Level.Departement, Territory = cell.Code };

    /// <summary>
    /// The implied tables of one share table protected (with its whole when that is a published count everywhere); null
    /// when the share's part and whole are both published counts, which imply nothing more. Reads <paramref name="hidden"/>.
    /// </summary>
    private static (ImpliedProtection Protection, bool WithWhole)? ProtectImpliedTable(
        CellKey france,
        IndicatorSet set,
        Hierarchy hierarchy,
        DisclosureParameters parameters,
        IndicatorCatalogue catalogue,
        Dictionary<CellKey, CountTable> tableOf,
        Dictionary<CellKey, SuppressionPattern> patterns,
        Dictionary<CellKey, Cell> hidden)
    {
        var bases = hierarchy.Cells().ToDictionary(c => c, c => set.Find(At(france, c))?.Basis ?? default);
        var part = CountTable.FromDepartements(hierarchy, hierarchy.DepartementCodes.ToDictionary(d => d, d => bases[CellRef.Departement(d)].Part, StringComparer.Ordinal));
        var complement = CountTable.FromDepartements(hierarchy, hierarchy.DepartementCodes.ToDictionary(
            d => d, d => bases[CellRef.Departement(d)].Whole - bases[CellRef.Departement(d)].Part, StringComparer.Ordinal));
        var frenchBasis = set.Find(france)!.Basis!.Value;
        if (part.France != frenchBasis.Part || complement.France != frenchBasis.Whole - frenchBasis.Part
            || hierarchy.Regions.Any(r => bases[CellRef.Region(r.Code)] is var b && (b.Part != part.Regions[r.Code] || b.Whole - b.Part != complement.Regions[r.Code])))
        {
            throw new InvalidOperationException($"Internal error: the persons behind {france.Indicator} {france.Year} {france.Source} {france.Category} do not add up over the territories.");
        }

        // A count the share is computed from that is the share's part, or its whole, at every territory (France included).
        var counted = catalogue[france.Indicator].DerivedFrom
            .Where(d => d.Year == DerivedYear.Same)
            .Select(d => france with { Indicator = d.From })
            .Where(tableOf.ContainsKey)
            .ToArray();
        var partCount = counted.FirstOrDefault(k => SameCounts(tableOf[k], part, null));
        var wholeCount = counted.FirstOrDefault(k => SameCounts(tableOf[k], part, complement));
        if (partCount != default && wholeCount != default)
        {
            return null;
        }

        var forced = hierarchy.Cells().Where(c => hidden.ContainsKey(At(france, c))).ToHashSet();
        (CountTable, SuppressionPattern)? whole = wholeCount == default ? null : (tableOf[wholeCount], patterns[wholeCount]);
        return (ImpliedCounts.Protect(part, complement, forced, parameters, whole), whole is not null);
    }

    /// <summary>True when the count table equals <paramref name="part"/> (+ <paramref name="complement"/>) everywhere.</summary>
    private static bool SameCounts(CountTable count, CountTable part, CountTable? complement)
    {
        long Expected(int i) => part.CellValues[i] + (complement?.CellValues[i] ?? 0);
        return count.France == part.France + (complement?.France ?? 0)
            && Enumerable.Range(0, count.CellValues.Length).All(i => count.CellValues[i] == Expected(i));
    }

    /// <summary>
    /// Every count table the secret statistique protects, keyed by its national cell (indicator, year, source,
    /// category), in the cell set's order. Values are read whatever the cells' statuses (hiding never changes a value),
    /// so a protected set gives back the tables it was protected from.
    /// </summary>
    public static IEnumerable<(CellKey France, CountTable Table)> CountTables(IndicatorSet set, Geography geography, IndicatorCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(geography);
        catalogue ??= IndicatorCatalogue.Shipped;
        var hierarchy = new Hierarchy(geography.Regions.Select(r => new Region(r.Code, r.Departements)));
        var countTables = set.Cells
            .Where(c => catalogue.IsProtectedCount(c.Key.Indicator) && c.Key.Level == Level.France && c.Status == CellStatus.Published)
            .Select(c => c.Key);
        foreach (var france in countTables)
        {
            var deps = geography.Departements.ToDictionary(
                d => d.Code,
                d => (long)set.Get(france.Indicator, france.Year, Level.Departement, d.Code, france.Category, france.Source).Value!.Value,
                StringComparer.Ordinal);
            yield return (france, CountTable.FromDepartements(hierarchy, deps));
        }
    }

    /// <summary>A figure is hidden with any count it is computed from: a change with this year's or the previous (or first) year's.</summary>
    private static bool DerivesFromHidden(CellKey key, IndicatorDefinition definition, Dictionary<CellKey, Cell> hidden, int firstYear) =>
        definition.DerivedFrom.Any(d => hidden.ContainsKey(key with
        {
            Indicator = d.From,
            Year = d.Year switch { DerivedYear.Previous => key.Year - 1, DerivedYear.First => firstYear, _ => key.Year },
        }));

    /// <summary>
    /// A share published beside its count gives away the persons it counts and those it leaves out (95,5 % of 22 is one
    /// boy); a mean sentence, the persons it is computed over. Either number from 1 to threshold − 1 hides the figure.
    /// </summary>
    private static bool RevealsSmallCount(Cell cell, IndicatorDefinition definition, DisclosureParameters parameters) => cell.Basis is { } b
        && (definition.Kind == IndicatorKind.Share
            ? parameters.IsPrimary(b.Part) || parameters.IsPrimary(b.Whole - b.Part)
            : parameters.IsPrimary(b.Whole));

    private static Cell Hide(Cell cell, string rule) => cell with { Status = CellStatus.Confidential, SuppressionRule = rule };
}
