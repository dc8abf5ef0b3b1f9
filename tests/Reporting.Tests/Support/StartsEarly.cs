using Xunit.Abstractions;

[assembly: Xunit.TestCollectionOrderer("Reporting.Tests.Support.StartsEarlyFirst", "Reporting.Tests")]

namespace Reporting.Tests.Support;

/// <summary>
/// A test class whose tests take seconds (an engine in a process of its own, whole runs): its collection starts before
/// the others, so that the many short tests fill the cores around it instead of the suite ending on it alone
/// (longest first is the classic rule for scheduling jobs on a few machines).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StartsEarlyAttribute : Attribute;

/// <summary>Collections of <see cref="StartsEarlyAttribute"/> classes first, then the others in xunit's own order.</summary>
public sealed class StartsEarlyFirst : ITestCollectionOrderer
{
    private const string PerClassPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => StartsEarly(c) ? 0 : 1);

    private static bool StartsEarly(ITestCollection collection) =>
        collection.DisplayName.StartsWith(PerClassPrefix, StringComparison.Ordinal)
        && typeof(StartsEarlyFirst).Assembly.GetType(collection.DisplayName[PerClassPrefix.Length..].Split(' ')[0]) is { } type
        && type.IsDefined(typeof(StartsEarlyAttribute), inherit: false);
}
