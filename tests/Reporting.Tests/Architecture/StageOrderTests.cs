namespace Reporting.Tests.Architecture;

/// <summary>
/// The engine's stages, in the order data flows through them (README, "How the engine is built"): a stage may use the
/// stages before it and the kernel, never a later one — so no cycle can come back unnoticed.
/// </summary>
public sealed class StageOrderTests
{
    public static readonly string[] Order =
        ["Ingestion", "Harmonisation", "Linkage", "Indicators", "Disclosure", "Estimation", "Quality", "Compute", "Publication", "Review", "Run"];

    /// <summary>What every stage may use: reference data and the masking of key-shaped values.</summary>
    public static readonly IReadOnlySet<string> Kernel = new HashSet<string>(StringComparer.Ordinal) { "Reference", "Privacy" };

    [Fact]
    public void No_stage_of_the_engine_uses_a_later_stage()
    {
        var dependencies = StageDependencies.Between(typeof(Reporting.Compute.Edition).Assembly, "Reporting");

        Assert.Empty(StageDependencies.Violations(dependencies, Order, Kernel));
        Assert.Contains(("Publication", "Compute"), dependencies.Keys);
        Assert.Contains(("Ingestion", "Privacy"), dependencies.Keys);
        Assert.Equal(
            dependencies.Keys.SelectMany(k => new[] { k.From, k.To }).Distinct().Order(StringComparer.Ordinal),
            Order.Concat(Kernel).Order(StringComparer.Ordinal));
    }

    /// <summary>The rule itself, on a deliberate violation: an early stage that uses a later one is caught and named.</summary>
    [Fact]
    public void A_stage_that_uses_a_later_one_is_caught()
    {
        var dependencies = StageDependencies.Between(typeof(StageOrderTests).Assembly, "Reporting.Tests.Architecture.Fixture");

        var violations = StageDependencies.Violations(dependencies, Order, Kernel).ToArray();

        var violation = Assert.Single(violations);
        Assert.StartsWith("Ingestion uses Publication (Reporting.Tests.Architecture.Fixture.Ingestion.EarlyStage", violation, StringComparison.Ordinal);
        Assert.Contains(("Publication", "Ingestion"), dependencies.Keys);
    }
}
