using Reporting.Run;
using Reporting.Tests.Support;

namespace Reporting.Tests.Run;

public sealed class RunFolderTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void A_publication_replaces_the_previous_one_only_when_complete()
    {
        RunFolder.Publish(dir.Path, "2025", [new OutputFile("a.csv", [1]), new OutputFile("fiches/01.pdf", [2])]);

        RunFolder.Publish(dir.Path, "2025", [new OutputFile("a.csv", [3])]);

        Assert.Equal([3], File.ReadAllBytes(Path.Combine(dir.Path, "2025", "a.csv")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "2025", "fiches")));
        Assert.Equal(["2025"], Directory.GetDirectories(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_previous_publication_untouched()
    {
        RunFolder.Publish(dir.Path, "2025", [new OutputFile("a.csv", [1])]);

        static IEnumerable<OutputFile> FailingMidway()
        {
            yield return new OutputFile("a.csv", [9]);
            throw new IOException("disque plein");
        }

        Assert.Throws<IOException>(() => RunFolder.Publish(dir.Path, "2025", FailingMidway()));

        Assert.Equal([1], File.ReadAllBytes(Path.Combine(dir.Path, "2025", "a.csv")));
        Assert.Equal(["2025"], Directory.GetDirectories(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_run_on_a_broken_extract_publishes_nothing_and_leaves_the_previous_folder()
    {
        var data = Fixtures.CopyTo("hand-made", Path.Combine(dir.Path, "data"));
        var outRoot = Path.Combine(dir.Path, "out");
        Assert.Equal(0, CliRunner.Run("run", "--data", data, "--year", "2019", "--out", outRoot).ExitCode);
        var before = Directory.GetFiles(Path.Combine(outRoot, "2019")).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        // The police extract loses a required column: a file-level failure.
        var police = Path.Combine(data, "police_2019.csv");
        File.WriteAllLines(police, File.ReadAllLines(police).Select(l => string.Join(';', l.Split(';').Where((_, i) => i != 5))));
        var result = CliRunner.Run("run", "--data", data, "--year", "2019", "--out", outRoot);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("police_2019.csv", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("natinf", result.Stderr, StringComparison.Ordinal);
        var after = Directory.GetFiles(Path.Combine(outRoot, "2019")).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, bytes) in before)
        {
            Assert.Equal(bytes, after[name]);
        }
    }
}
