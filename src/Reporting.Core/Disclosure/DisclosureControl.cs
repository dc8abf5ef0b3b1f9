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

public sealed record DisclosureResult(IndicatorSet Indicators, IReadOnlyList<TableProtection> Tables)
{
    public bool AnyWholeTableHidden => Tables.Any(t => t.WholeTableHidden);
}

/// <summary>
/// Secret statistique on the cell set (outputs.md): every count table (indicator, year, source, category) over
/// France ⊃ regions ⊃ départements is protected and then attacked by an independent audit; statuses move to
/// <see cref="CellStatus.Confidential"/>, values never change, and every figure derived from a hidden count (rate, share,
/// change, mean sentence) is hidden too. One set of statuses then feeds every publication.
/// </summary>
public static class DisclosureControl
{
    public const string PrimaryRule = "primaire";
    public const string SecondaryRule = "secondaire";
    public const string WholeTableRule = "table_entiere";
    public const string DerivedRule = "derivee";
    public const string SmallPartRule = "part_faible";

    public static DisclosureResult Apply(IndicatorSet set, Geography geography, DisclosureParameters parameters, IndicatorCatalogue? catalogue = null)
    {
        catalogue ??= IndicatorCatalogue.Shipped;
        var firstYear = set.Years.Count > 0 ? set.Years[0] : 0;
        var hidden = new Dictionary<CellKey, Cell>();
        var tables = new List<TableProtection>();
        foreach (var (france, table) in CountTables(set, geography, catalogue))
        {
            var result = Suppression.Protect(table, parameters);

            // The audit that tries: attack the published pattern again with the exact LP bounds, as an intruder would.
            var audit = Audit.Attack(table, result.Pattern, parameters, BoundMethod.Simplex);
            if (!audit.Passed)
            {
                throw new DisclosureAuditException($"{france.Indicator} {france.Year} {france.Source} {france.Category} : {audit}");
            }

            foreach (var (cell, status) in result.Pattern.HiddenCells.Select(c => (c, result.StatusOf(c))))
            {
                var level = cell.Level == CellLevel.Region ? Level.Region : Level.Departement;
                var key = france with { Level = level, Territory = cell.Code };
                var rule = status switch
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
                france.Indicator, france.Year, france.Source, france.Category, result.Counts, result.WholeTableHidden, audit.Passed, narrowest,
                nonZero.Length, nonZero.Count(result.IsPublished), InformationLoss.Of(table, result.Pattern, parameters)));
        }

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

        return new DisclosureResult(set.With(hidden.Values), tables);
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
