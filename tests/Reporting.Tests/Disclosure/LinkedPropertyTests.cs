using Reporting.Disclosure;

namespace Reporting.Tests.Disclosure;

/// <summary>On random small groups, the joint protection always ends with a joint audit that passes.</summary>
public sealed class LinkedPropertyTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 30)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AWholeAndTwoParts_PassTheJointAuditAfterProtection(int seed)
    {
        // Given two random parts (the regimes of Tables.Random) and their sum
        var h = Hierarchies.Small;
        var first = Tables.Random(h, seed);
        var second = Tables.Random(h, seed + 1000);
        var whole = Tables.Sum(first, second);
        CountTable[] tables = [whole, first, second];
        Partition[] parts = [new(0, [1, 2])];

        // When each is protected on its own, then together
        var members = tables.Select(t => new LinkedMember(t, Suppression.Protect(t, Tables.Defaults).Pattern)).ToArray();
        var (patterns, _) = LinkedProtection.Protect(members, parts, Tables.Defaults);

        // Then the joint attack finds nothing, and every small count stays hidden
        var audit = JointAudit.Attack(tables, patterns, parts, Tables.Defaults);
        Assert.True(audit.Passed, audit.ToString());
        for (var k = 0; k < tables.Length; k++)
        {
            foreach (var cell in h.Cells().Where(c => Tables.Defaults.IsPrimary(tables[k].ValueOf(c))))
            {
                Assert.True(patterns[k].IsHidden(cell), $"table {k} {cell}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AShareOverAPublishedWhole_PassesItsAuditAfterProtection(int seed)
    {
        var h = Hierarchies.Small;
        var part = Tables.Random(h, seed);
        var complement = Tables.Random(h, seed + 2000);
        var whole = Tables.Sum(part, complement);
        var wholePattern = Suppression.Protect(whole, Tables.Defaults).Pattern;
        var forced = h.Cells().Where(wholePattern.IsHidden).ToHashSet();

        var result = ImpliedCounts.Protect(part, complement, forced, Tables.Defaults, (whole, wholePattern));

        Assert.True(result.Audit.Passed, result.Audit.ToString());
        var again = ImpliedCounts.Attack(part, complement, result.Part, result.Complement, Tables.Defaults, (whole, wholePattern));
        Assert.True(again.Passed, again.ToString());
    }
}
