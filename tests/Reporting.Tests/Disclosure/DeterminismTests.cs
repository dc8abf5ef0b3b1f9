using Reporting.Disclosure;

namespace Reporting.Tests.Disclosure;

public sealed class DeterminismTests
{
    /// <summary>Shuffled dictionaries and a shuffled hierarchy give the very same pattern.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(9)]
    public void ShuffledInput_SamePattern(int seed)
    {
        var reference = Tables.Random(Hierarchies.France, seed);
        var expected = Suppression.Protect(reference, DisclosureParameters.Default);
        var random = new Random(1000 + seed);

        for (var round = 0; round < 5; round++)
        {
            var hierarchy = new Hierarchy(Hierarchies.France.Regions
                .Select(r => new Region(r.Code, [.. Shuffle(r.Departements, random)]))
                .OrderBy(_ => random.Next()));
            var table = new CountTable(
                hierarchy,
                reference.France,
                Shuffle(reference.Regions, random).ToDictionary(kv => kv.Key, kv => kv.Value),
                Shuffle(reference.Departements, random).ToDictionary(kv => kv.Key, kv => kv.Value));

            var actual = Suppression.Protect(table, DisclosureParameters.Default);

            Assert.True(expected.Pattern.SameAs(actual.Pattern));
            Assert.Equal(expected.RegionStatuses, actual.RegionStatuses);
            Assert.Equal(expected.DepartementStatuses, actual.DepartementStatuses);
            Assert.Equal(expected.Audit.Intervals.ToArray(), actual.Audit.Intervals.ToArray());
        }
    }

    [Fact]
    public void StatusDictionaries_AreInOrdinalOrder()
    {
        var result = Suppression.Protect(Tables.Random(Hierarchies.France, 5), DisclosureParameters.Default);

        Assert.Equal(result.DepartementStatuses.Keys.Order(StringComparer.Ordinal), result.DepartementStatuses.Keys);
        Assert.Equal(["2A", "2B", "30"], result.DepartementStatuses.Keys.Where(k => k is "2A" or "2B" or "30"));
    }

    private static List<T> Shuffle<T>(IEnumerable<T> items, Random random)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
