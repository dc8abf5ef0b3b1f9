using Reporting.Compute;
using Reporting.Publication;
using Reporting.Run;

namespace Reporting.Tests.Support;

/// <summary>
/// Publication folders for the tests of the commands that read them (diff, figures): computed and rendered in process,
/// without the PDFs those commands never read, and published as a run publishes.
/// </summary>
public static class TestPublications
{
    /// <summary>A publication of <paramref name="data"/> for <paramref name="year"/> in <c>outRoot/year</c>; its path.</summary>
    public static string Write(string data, int year, string outRoot, int threshold = 1)
    {
        var outcome = AnnualRun.Execute(data, new RunParameters(year, Threshold: threshold), renderings: Renderings.Text);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Failures));
        return Publish(outRoot, year, outcome.Files);
    }

    /// <summary>The hand-made fixture's files for 2019 (threshold 1, no PDF), computed once for every test that only reads them.</summary>
    private static readonly Lazy<IReadOnlyList<OutputFile>> HandMadeFiles = new(() =>
    {
        var outcome = AnnualRun.Execute(Fixtures.Path("hand-made"), new RunParameters(HandMadeYear, Threshold: 1), renderings: Renderings.Text);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Failures));
        return outcome.Files;
    });

    public const int HandMadeYear = 2019;

    /// <summary>The publication of the hand-made fixture (<see cref="Write"/> of it, shared), in <c>outRoot/2019</c>; its path.</summary>
    public static string WriteHandMade(string outRoot) => Publish(outRoot, HandMadeYear, HandMadeFiles.Value);

    /// <summary>The shared samples run (<see cref="SampleRun"/>), every file, in <c>outRoot/2025</c>; its path.</summary>
    public static string WriteSamples(string outRoot) => Publish(outRoot, SampleRun.Year, SampleRun.Outcome.Files);

    private static string Publish(string outRoot, int year, IEnumerable<OutputFile> files)
    {
        using var folder = RunFolder.Open(outRoot, AnnualRun.FolderName(year), []);
        return folder.Publish(files);
    }
}
