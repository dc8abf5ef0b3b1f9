using Reporting.Ingestion;

namespace Reporting.Indicators;

/// <summary>
/// For one year and category, the national number of minors seen by each combination of the linked victim sources
/// (bit 0 police, bit 1 ase, bit 2 sante). Persons without a key can only be seen in their own source.
/// </summary>
public sealed record OverlapTable(int Year, string Category, IReadOnlyDictionary<int, long> CountByPattern, long KeyedPersons, long Persons)
{
    public static readonly IReadOnlyList<Source> Lists = SourceNames.Victim;

    public long Total => CountByPattern.Values.Sum();

    public long SeenBy(int sourceCount) => CountByPattern.Where(kv => System.Numerics.BitOperations.PopCount((uint)kv.Key) == sourceCount).Sum(kv => kv.Value);
}
