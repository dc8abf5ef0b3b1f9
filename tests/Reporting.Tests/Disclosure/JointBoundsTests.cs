using Reporting.Disclosure;

namespace Reporting.Tests.Disclosure;

/// <summary>
/// The intruder's bounds over linked tables against the engine's exact rational simplex, on random groups and random
/// patterns: one whole and its parts (the network of <see cref="PartitionNetwork"/>: maximum flows), and two nested
/// partitions (linear programmes, GLOP).
/// </summary>
public sealed class JointBoundsTests
{
    public static TheoryData<int, int> Groups()
    {
        var data = new TheoryData<int, int>();
        foreach (var seed in Enumerable.Range(1, 24))
        {
            data.Add(seed, 2 + (seed % 3));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void AWholeAndItsParts_BoundsAreTheExactOnes(int seed, int partCount)
    {
        var h = Hierarchies.Small;
        var parts = Enumerable.Range(0, partCount).Select(j => Tables.Random(h, (seed * 10) + j)).ToArray();
        CountTable[] tables = [Tables.Sum(parts), .. parts];
        Partition[] partitions = [new(0, [.. Enumerable.Range(1, partCount)])];

        CheckAgainstTheSimplex(tables, partitions, seed);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(13)]
    public void TwoNestedPartitions_BoundsAreTheExactOnes(int seed)
    {
        // W = P + Q and Q = Q1 + Q2: no longer one network, the linear programmes answer.
        var h = Hierarchies.Small;
        var (p, q1, q2) = (Tables.Random(h, seed), Tables.Random(h, seed + 100), Tables.Random(h, seed + 200));
        var q = Tables.Sum(q1, q2);
        CountTable[] tables = [Tables.Sum(p, q), p, q, q1, q2];
        Partition[] partitions = [new(0, [1, 2]), new(2, [3, 4])];

        CheckAgainstTheSimplex(tables, partitions, seed);
    }

    private static void CheckAgainstTheSimplex(CountTable[] tables, Partition[] partitions, int seed)
    {
        var h = tables[0].Hierarchy;
        var n = h.CellCount;
        var random = new Random(seed);
        var patterns = tables.Select(t => RandomPattern(t, random)).ToArray();
        var boxes = tables.Select((t, k) => IntruderModel.Boxes(t, patterns[k], Tables.Defaults)).ToArray();
        var (lo, hi) = (boxes.Select(b => b.Lo).ToArray(), boxes.Select(b => b.Hi).ToArray());
        var exact = Exact(tables, lo, hi, partitions);

        // Exact bounds of one cell asked alone.
        for (var k = 0; k < tables.Length; k++)
        {
            for (var i = 0; i < n; i++)
            {
                if (lo[k][i] == hi[k][i])
                {
                    continue;
                }

                var (min, max) = JointBounds.Allocate(tables.Length, n);
                Assert.True(JointBounds.Compute(tables, lo, hi, partitions, JointBounds.Allocate(tables.Length, n).Min, min, max, (k, i)));
                Assert.Equal(exact[(k, i)], (min[k][i], max[k][i]));
            }
        }

        // Every cell at once, with a required width: exact where it falls short, a part of the exact interval holding
        // the true value where it does not.
        var required = tables.Select(_ => Enumerable.Range(0, n).Select(_ => (long)random.Next(0, 5)).ToArray()).ToArray();
        var (allMin, allMax) = JointBounds.Allocate(tables.Length, n);
        Assert.True(JointBounds.Compute(tables, lo, hi, partitions, required, allMin, allMax));
        foreach (var ((k, i), (min, max)) in exact)
        {
            var (got, value) = ((allMin[k][i], allMax[k][i]), tables[k].CellValues[i]);
            if (got.Item2 - got.Item1 < required[k][i])
            {
                Assert.Equal((min, max), got);
            }
            else
            {
                Assert.InRange(got.Item1, min, value);
                Assert.InRange(got.Item2, value, max);
            }
        }
    }


    /// <summary>Small counts hidden, a third of the other non-zero cells hidden, or (one table in seven) the whole table.</summary>
    private static SuppressionPattern RandomPattern(CountTable table, Random random)
    {
        if (random.Next(7) == 0)
        {
            return SuppressionPattern.WholeTable(table.Hierarchy);
        }

        return new(table.Hierarchy, [.. table.CellValues.Select(v =>
            Tables.Defaults.IsPrimary(v) ? SuppressionStatus.Primary
            : v > 0 && random.Next(3) == 0 ? SuppressionStatus.Secondary
            : SuppressionStatus.Published)]);
    }


    /// <summary>The smallest and largest value of every free cell, by the exact rational simplex over every equation written out, rounded inwards.</summary>
    internal static Dictionary<(int Table, int Cell), (long Min, long Max)> Exact(CountTable[] tables, long[][] lo, long[][] hi, Partition[] partitions)
    {
        var h = tables[0].Hierarchy;
        var n = h.CellCount;
        var free = Enumerable.Range(0, tables.Length * n).Where(v => lo[v / n][v % n] < hi[v / n][v % n]).ToArray();
        var column = free.Select((v, c) => (v, c)).ToDictionary(x => x.v, x => x.c);
        var rows = new List<(long[] A, long B)>();
        void Row(IEnumerable<(int Table, int Cell, long Sign)> terms, long b)
        {
            var a = new long[free.Length];
            foreach (var (k, i, sign) in terms)
            {
                if (column.TryGetValue((k * n) + i, out var c))
                {
                    a[c] += sign;
                }
                else
                {
                    b -= sign * lo[k][i];
                }
            }

            rows.Add((a, b));
        }

        for (var k = 0; k < tables.Length; k++)
        {
            var table = k;
            Row(Enumerable.Range(0, h.Regions.Count).Select(r => (table, r, 1L)), tables[k].France);
            for (var r = 0; r < h.Regions.Count; r++)
            {
                Row(h.Regions[r].Departements.Select(d => (table, h.CellIndex(CellRef.Departement(d)), -1L)).Prepend((table, r, 1L)), 0);
            }
        }

        foreach (var partition in partitions)
        {
            for (var i = 0; i < n; i++)
            {
                var cell = i;
                Row(partition.Parts.Select(p => (p, cell, -1L)).Prepend((partition.Whole, cell, 1L)), 0);
            }
        }

        var simplex = new BoundedSimplex([.. rows.Select(r => r.A)], [.. rows.Select(r => r.B)], [.. free.Select(v => lo[v / n][v % n])], [.. free.Select(v => hi[v / n][v % n])]);
        Assert.True(simplex.IsFeasible);
        return free.ToDictionary(
            v => (v / n, v % n),
            v => (Inwards(simplex.Optimize(column[v], maximize: false), up: true), Inwards(simplex.Optimize(column[v], maximize: true), up: false)));
    }

    /// <summary>An LP optimum rounded inwards (a network's are integers; nested partitions may give fractions).</summary>
    private static long Inwards(Rational value, bool up)
    {
        var floor = (long)System.Numerics.BigInteger.Divide(value.Numerator - (value.Numerator.Sign < 0 ? value.Denominator - 1 : 0), value.Denominator);
        return up && floor * value.Denominator != value.Numerator ? floor + 1 : floor;
    }
}
