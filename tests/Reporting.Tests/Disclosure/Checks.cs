using Reporting.Disclosure;

namespace Reporting.Tests.Disclosure;

/// <summary>What every protected table must satisfy, checked independently of the suppression code.</summary>
internal static class Checks
{
    /// <summary>
    /// The audit passed, again on a fresh attack (and, optionally, with the simplex too, which must give the same
    /// intervals); no small count is published; every primary interval is at least the range wide; no hidden
    /// cell is pinned down.
    /// </summary>
    public static void FullyProtected(ProtectedTable result, bool crossCheckWithSimplex = true)
    {
        var p = result.Parameters;
        var table = result.Table;
        Assert.True(result.Audit.Passed, result.Audit.ToString());
        var again = Audit.Attack(table, result.Pattern, p);
        Assert.True(again.Passed, again.ToString());

        foreach (var cell in table.Hierarchy.Cells())
        {
            var value = table.ValueOf(cell);
            var status = result.StatusOf(cell);
            if (p.IsPrimary(value))
            {
                Assert.NotEqual(SuppressionStatus.Published, status);
            }

            if (!result.WholeTableHidden)
            {
                Assert.Equal(p.IsPrimary(value), status == SuppressionStatus.Primary);
                Assert.False(status == SuppressionStatus.Secondary && value == 0, $"{cell}: a hidden zero");
            }
        }

        Assert.Equal(result.Pattern.HiddenCells.Count, again.Intervals.Count);
        foreach (var interval in again.Intervals)
        {
            Assert.True(interval.Max > interval.Min, $"{interval.Cell} pinned down");
            Assert.InRange(interval.Value, interval.Min, interval.Max);
            if (p.IsPrimary(interval.Value))
            {
                var range = result.WholeTableHidden ? Math.Min(p.ProtectionRange, table.France) : p.ProtectionRange;
                Assert.True(interval.Width >= range, $"{interval.Cell}: [{interval.Min}, {interval.Max}] narrower than {range}");
            }
        }

        if (crossCheckWithSimplex)
        {
            var exact = Audit.Attack(table, result.Pattern, p, BoundMethod.Simplex);
            Assert.True(exact.Passed, exact.ToString());
            Assert.Equal(again.Intervals.ToArray(), exact.Intervals.ToArray());
        }
    }

    /// <summary>
    /// Weakening is caught: publishing any one secondary cell makes the audit fail (so no secondary is wasted);
    /// for a whole-table result, publishing the zeros (the largest zero-publishing pattern) fails.
    /// </summary>
    public static void WeakeningIsCaught(ProtectedTable result)
    {
        var table = result.Table;
        var p = result.Parameters;
        if (result.WholeTableHidden)
        {
            var weakened = Audit.Attack(table, Suppression.MaximalPattern(table, p), p);
            Assert.False(weakened.Passed);
            Assert.Contains(weakened.Failures, f => f.Kind is AuditFailureKind.Disclosed or AuditFailureKind.RangeTooNarrow);
            return;
        }

        foreach (var cell in result.Pattern.HiddenCells)
        {
            var weakened = Audit.Attack(table, result.Pattern.With(cell, SuppressionStatus.Published), p);
            Assert.False(weakened.Passed, $"publishing {cell} should fail the audit");
            if (result.StatusOf(cell) == SuppressionStatus.Secondary)
            {
                // Not a status error: the attack itself recovers a hidden cell.
                Assert.Contains(weakened.Failures, f => f.Kind is AuditFailureKind.Disclosed or AuditFailureKind.RangeTooNarrow);
            }
        }
    }

    public static void Protects(ProtectedTable result)
    {
        FullyProtected(result);
        WeakeningIsCaught(result);
    }
}
