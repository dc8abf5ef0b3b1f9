using Reporting.Compute;
using Reporting.Run;

namespace Reporting.Tests.Support;

/// <summary>
/// One annual run on the repository's samples (data-samples/), shared by the tests: the computed edition for the tests
/// of numbers, and its rendering, made once from that edition, for the tests that read the files.
/// </summary>
public static class SampleRun
{
    public const int Year = 2025;

    public static readonly DateOnly PublicationDate = new(2026, 4, 14);

    private static readonly RunParameters SampleParameters = new(Year, PublicationDate);

    private static readonly Lazy<Edition> Edition2025 = new(Compute);

    private static readonly Lazy<RunOutcome> Outcome2025 = new(() => Succeeded(AnnualRun.Render(Edition2025.Value, SampleParameters)));

    public static RunParameters Parameters => SampleParameters;

    /// <summary>The computed edition, nothing rendered.</summary>
    public static Edition Edition => Edition2025.Value;

    /// <summary>The edition and every file rendered from it.</summary>
    public static RunOutcome Outcome => Outcome2025.Value;

    /// <summary>A whole new run, computed and rendered (tests of determinism).</summary>
    public static RunOutcome Execute() => Succeeded(AnnualRun.Execute(RepositoryPaths.DataSamples, Parameters));

    public static byte[] File(RunOutcome outcome, string relativePath) => outcome.Files.Single(f => f.RelativePath == relativePath).Content;

    private static Edition Compute()
    {
        var computed = AnnualComputation.Compute(RepositoryPaths.DataSamples, Parameters);
        return computed.Edition ?? throw new InvalidOperationException(string.Join("\n", computed.Failures));
    }

    private static RunOutcome Succeeded(RunOutcome outcome) =>
        outcome.Succeeded ? outcome : throw new InvalidOperationException(string.Join("\n", outcome.Failures));
}
