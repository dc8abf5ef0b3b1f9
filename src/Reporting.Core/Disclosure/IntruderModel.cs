namespace Reporting.Disclosure;

/// <summary>
/// What the intruder knows about each cell, as a box [lo, hi] (the additivity constraints come on top).
/// <para>Zero-publishing pattern (the normal case, outputs.md "Secret statistique"):</para>
/// <list type="bullet">
/// <item>a published cell is its value: [v, v];</item>
/// <item>a hidden cell is not zero, since zeros are published: lo = 1;</item>
/// <item>a primary cell is at most threshold − 1: [1, threshold − 1];</item>
/// <item>a secondary cell: [1, France], or [threshold, France] with the stronger intruder
/// (<see cref="DisclosureParameters.IntruderKnowsSecondaryIsLarge"/>).</item>
/// </list>
/// <para>Whole table hidden: zeros are hidden too and no cell is marked primary or secondary, so every
/// region and département is only known to lie in [0, France].</para>
/// The upper bound France on a cell is not extra knowledge: it follows from non-negativity and additivity
/// (a cell never exceeds its region, nor a region France). Stating it keeps every box finite, which the
/// simplex needs, without changing the feasible set or any bound.
/// </summary>
internal static class IntruderModel
{
    /// <summary>The boxes of each table of a group, in the group's order.</summary>
    public static (long[][] Lo, long[][] Hi) Boxes(IReadOnlyList<CountTable> tables, IReadOnlyList<SuppressionPattern> patterns, DisclosureParameters parameters)
    {
        var boxes = tables.Select((t, k) => Boxes(t, patterns[k], parameters)).ToArray();
        return ([.. boxes.Select(b => b.Lo)], [.. boxes.Select(b => b.Hi)]);
    }

    public static (long[] Lo, long[] Hi) Boxes(CountTable table, SuppressionPattern pattern, DisclosureParameters parameters)
    {
        var values = table.CellValues;
        var statuses = pattern.Statuses;
        var lo = new long[values.Length];
        var hi = new long[values.Length];
        var secondaryLo = parameters.IntruderKnowsSecondaryIsLarge ? parameters.Threshold : 1L;
        for (var i = 0; i < values.Length; i++)
        {
            (lo[i], hi[i]) = statuses[i] switch
            {
                SuppressionStatus.Published => (values[i], values[i]),
                SuppressionStatus.Primary => (1L, parameters.Threshold - 1L),
                SuppressionStatus.Secondary => (secondaryLo, table.France),
                _ => (0L, table.France),
            };
        }

        return (lo, hi);
    }
}
