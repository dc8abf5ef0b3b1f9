using System.Numerics;

namespace Reporting.Disclosure;

/// <summary>
/// The information a suppression pattern takes away, beyond what the primary rule must hide (the measure the
/// secondary suppression minimises, and the one the quality report and the benchmark give).
/// <para>Each hidden cell whose count is not 1..threshold − 1 costs its level's weight times
/// (<see cref="CellCost"/> + ⌊log₂(1 + count)⌋ + 1): a region weighs <see cref="RegionWeight"/>, a département 1,
/// since a region missing from a national table is a larger gap than a département missing from its region; every
/// hidden cell costs at least <see cref="CellCost"/> + 1, so that the measure counts cells first, and a large count
/// costs a little more than a small one (a département of 12 costs 12, one of 1 000 costs 18, a region of 100 costs
/// 60). A zero hidden with its whole table costs 9 times the weight. Primary cells cost nothing: every pattern hides
/// them. Integers throughout: ⌊log₂(1 + count)⌋ + 1 is the bit length of 1 + count.</para>
/// </summary>
public static class InformationLoss
{
    public const long RegionWeight = 4;

    public const long DepartementWeight = 1;

    /// <summary>What any hidden cell costs before its size: 8, so that two small cells cost more than one large one.</summary>
    public const long CellCost = 8;

    /// <summary>The cost of hiding one cell that the primary rule does not hide.</summary>
    public static long CostOf(CellLevel level, long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var weight = level == CellLevel.Region ? RegionWeight : DepartementWeight;
        return weight * (CellCost + 64 - BitOperations.LeadingZeroCount((ulong)value + 1));
    }

    /// <summary>Σ of <see cref="CostOf"/> over the hidden cells whose count is not 1..threshold − 1.</summary>
    public static long Of(CountTable table, SuppressionPattern pattern, DisclosureParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(parameters);
        var h = table.Hierarchy;
        long loss = 0;
        for (var i = 0; i < h.CellCount; i++)
        {
            var value = table.CellValues[i];
            if (pattern.Statuses[i] != SuppressionStatus.Published && !parameters.IsPrimary(value))
            {
                loss += CostOf(h.CellAt(i).Level, value);
            }
        }

        return loss;
    }
}
