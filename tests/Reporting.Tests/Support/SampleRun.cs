using Reporting.Run;

namespace Reporting.Tests.Support;

/// <summary>One annual run on data-samples, shared by the tests that only read it (a run takes seconds).</summary>
public static class SampleRun
{
    public const int Year = 2025;

    public static RunParameters Parameters { get; } = new(Year, new DateOnly(2026, 4, 14));

    private static readonly Lazy<RunOutcome> Lazy = new(() =>
    {
        var outcome = AnnualRun.Execute(RepositoryPaths.DataSamples, Parameters);
        return outcome.Succeeded ? outcome : throw new InvalidOperationException(string.Join("\n", outcome.Failures));
    });

    public static RunOutcome Outcome => Lazy.Value;
}
