using Reporting.Run;

namespace Reporting.Tests.Support;

/// <summary>One annual run on the repository's samples (data-samples/), shared by the tests that read its outputs.</summary>
public static class SampleRun
{
    public const int Year = 2025;

    public static readonly DateOnly PublicationDate = new(2026, 4, 14);

    private static readonly Lazy<RunOutcome> Outcome2025 = new(Execute);

    public static RunParameters Parameters { get; } = new(Year, PublicationDate);

    public static RunOutcome Outcome => Outcome2025.Value;

    public static RunOutcome Execute()
    {
        var outcome = AnnualRun.Execute(RepositoryPaths.DataSamples, Parameters);
        return outcome.Succeeded ? outcome : throw new InvalidOperationException(string.Join("\n", outcome.Failures));
    }

    public static byte[] File(RunOutcome outcome, string relativePath) => outcome.Files.Single(f => f.RelativePath == relativePath).Content;
}
