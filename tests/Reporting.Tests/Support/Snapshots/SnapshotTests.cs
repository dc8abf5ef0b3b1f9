using System.Text;

namespace Reporting.Tests.Support.Snapshots;

/// <summary>The helper on a throw-away project folder: a fake .csproj, a fake test source, never the real expectations.</summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly TempDirectory project = new();

    private readonly SnapshotSettings settings = new("Expectations", Accept: false);

    public SnapshotTests()
    {
        project.Write("Fake.Tests.csproj", "<Project />");
        Directory.CreateDirectory(Path.Combine(project.Path, "Publication"));
    }

    private string Source => Path.Combine(project.Path, "Publication", "FakeTests.cs");

    private string Verified => Path.Combine(project.Path, "Expectations", "Publication", "FakeTests.Renders.verified.txt");

    private string Received => Path.Combine(project.Path, "Expectations", "Publication", "FakeTests.Renders.received.txt");

    public void Dispose() => project.Dispose();

    [Fact]
    public void Files_sit_in_the_expectations_tree_mirroring_the_test_folder()
    {
        var files = SnapshotFiles.For(Source, "Renders", "sheet1", "csv", settings);

        Assert.Equal(Path.Combine(project.Path, "Expectations", "Publication", "FakeTests.Renders.sheet1.verified.csv"), files.Verified);
        Assert.Equal(Path.Combine(project.Path, "Expectations", "Publication", "FakeTests.Renders.sheet1.received.csv"), files.Received);
    }

    [Fact]
    public void A_matching_snapshot_passes_whatever_its_line_endings_and_removes_a_stale_received_file()
    {
        // Given
        WriteVerified("a\nb\n");
        File.WriteAllText(Received, "old");

        // When
        Snapshot.Verify("a\r\nb\r\n", settings, "txt", null, Source, "Renders");

        // Then
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void A_changed_line_fails_with_a_diff_showing_the_old_and_the_new_line()
    {
        var lines = Enumerable.Range(1, 20).Select(i => $"line {i}").ToArray();
        WriteVerified(string.Join('\n', lines) + "\n");
        lines[9] = "line ten";

        var e = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Verify(string.Join('\n', lines) + "\n", settings, "txt", null, Source, "Renders"));

        Assert.Contains("\n-line 10\n+line ten\n", e.Message, StringComparison.Ordinal);
        Assert.Contains("@@ -7,7 +7,7 @@", e.Message, StringComparison.Ordinal);
        Assert.Contains("\n line 7\n", e.Message, StringComparison.Ordinal);
        Assert.Contains("\n line 13\n", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line 6\n", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line 14", e.Message, StringComparison.Ordinal);
        Assert.Contains(Received, e.Message, StringComparison.Ordinal);
        Assert.Equal(string.Join('\n', lines) + "\n", File.ReadAllText(Received));
    }

    [Fact]
    public void One_figure_of_the_samples_changed_fails_with_a_diff_naming_that_line()
    {
        // Given: the committed open-data snapshot of data-samples, copied to the throw-away project.
        var real = Path.Combine(RepositoryPaths.Root, "tests", "Reporting.Tests", "Expectations", "Publication", "PublicationSnapshotTests.Open_data_csv.verified.csv");
        var verified = File.ReadAllText(real, Encoding.UTF8);
        WriteVerified(verified);
        const string line = "victimes_mineurs;2025;FR;FR;ESM;toutes;";
        var at = verified.IndexOf("\n" + line, StringComparison.Ordinal) + 1;
        var end = verified.IndexOf('\n', at);
        var original = verified[at..end];

        // When: one figure changes.
        var changed = verified[..at] + line + "9999;" + verified[end..];
        var e = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Verify(changed, settings, "txt", null, Source, "Renders"));

        // Then: the diff shows that line, old and new, and nothing else changed.
        Assert.Contains("\n-" + original + "\n+" + line + "9999;\n", e.Message, StringComparison.Ordinal);
        var number = verified.AsSpan(0, at).Count('\n') + 1;
        Assert.Contains($"@@ -{number - 3},7 +{number - 3},7 @@", e.Message, StringComparison.Ordinal);
        Assert.Single(e.Message.Split('\n'), l => l.StartsWith("-victimes", StringComparison.Ordinal) || l.StartsWith("-", StringComparison.Ordinal) && !l.StartsWith("---", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_verified_file_fails_writes_received_and_says_how_to_accept()
    {
        var e = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Verify("first\r\nrun\n", settings, "txt", null, Source, "Renders"));

        Assert.Contains("No verified snapshot yet", e.Message, StringComparison.Ordinal);
        Assert.Contains("rename FakeTests.Renders.received.txt to FakeTests.Renders.verified.txt", e.Message, StringComparison.Ordinal);
        Assert.Contains(SnapshotSettings.AcceptVariable, e.Message, StringComparison.Ordinal);
        Assert.Equal("first\nrun\n", File.ReadAllText(Received));
        Assert.False(File.Exists(Verified));
    }

    [Fact]
    public void Accepting_writes_the_verified_file_and_passes()
    {
        Snapshot.Verify("accepted\n", settings with { Accept = true }, "txt", null, Source, "Renders");

        Assert.Equal("accepted\n", File.ReadAllText(Verified));
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void A_huge_difference_is_cut_with_a_count_of_what_was_left_out()
    {
        WriteVerified(string.Concat(Enumerable.Range(0, 1000).Select(i => $"a{i}\n")));

        var e = Assert.Throws<SnapshotMismatchException>(() =>
            Snapshot.Verify(string.Concat(Enumerable.Range(0, 1000).Select(i => $"b{i}\n")), settings, "txt", null, Source, "Renders"));

        Assert.Contains("diff cut after 80 lines (2000 changed lines in all)", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Split('\n').Length < 100);
    }

    [Theory]
    [InlineData("x\ny\n", "x\nz\n", "@@ -1,2 +1,2 @@\n x\n-y\n+z\n")]
    [InlineData("x\n", "x\nadded\n", "@@ -1,1 +1,2 @@\n x\n+added\n")]
    [InlineData("gone\nx\n", "x\n", "@@ -1,2 +1,1 @@\n-gone\n x\n")]
    [InlineData("x\n", "x", "(only the final line break differs)\n")]
    [InlineData("l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\nl11\nl12\nl13\nl14\nl15\nl16\nl17\nl18\nl19\nl20\n", "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nX\nl11\nl12\nl13\nl14\nl15\nl16\nl17\nl18\nl19\nl20\n", "@@ -7,7 +7,7 @@\n l7\n l8\n l9\n-l10\n+X\n l11\n l12\n l13\n")]
    [InlineData("l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\nl11\nl12\nl13\nl14\nl15\nl16\nl17\nl18\nl19\nl20\n", "l1\nl2\nA\nl4\nl5\nl6\nl7\nl8\nl9\nl10\nl11\nl12\nl13\nl14\nl15\nl16\nl17\nB\nl19\nl20\n", "@@ -1,6 +1,6 @@\n l1\n l2\n-l3\n+A\n l4\n l5\n l6\n@@ -15,6 +15,6 @@\n l15\n l16\n l17\n-l18\n+B\n l19\n l20\n")]
    [InlineData("l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\nl11\nl12\nl13\nl14\nl15\nl16\nl17\nl18\nl19\nl20\n", "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\nl11\nl12\nl13\nl14\nl15\nl16\nl17\nl18\nl19\n", "@@ -17,4 +17,3 @@\n l17\n l18\n l19\n-l20\n")]
    public void The_diff_is_unified_like(string verified, string received, string expected)
    {
        var diff = SnapshotDiff.Render(verified, received, settings);

        Assert.Equal("--- verified\n+++ received\n" + expected, diff);
    }

    private void WriteVerified(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Verified)!);
        File.WriteAllText(Verified, text, new UTF8Encoding(false));
    }
}
