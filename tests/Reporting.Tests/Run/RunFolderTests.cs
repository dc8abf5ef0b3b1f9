using System.Text;
using Reporting.Publication;
using Reporting.Run;
using Reporting.Tests.Support;

namespace Reporting.Tests.Run;

public sealed class RunFolderTests : IDisposable
{
    private static readonly (string, string)[] NoInputs = [];

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    /// <summary>A publication as the engine writes it: its manifest names the engine, so a later run may replace it.</summary>
    private static OutputFile[] Edition(byte mark, params string[] extra) =>
    [
        new("manifest.json", Encoding.UTF8.GetBytes($$"""{ "moteur": { "nom": "Reporting" }, "edition": {{mark}} }""")),
        new("a.csv", [mark]),
        .. extra.Select(e => new OutputFile(e, [mark])),
    ];

    private string Publish(params OutputFile[] files)
    {
        using var folder = RunFolder.Open(dir.Path, "2025", NoInputs);
        return folder.Publish(files);
    }

    private Dictionary<string, byte[]> Contents(string folder) => Directory
        .GetFiles(folder, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    private static void AssertEdition(OutputFile[] expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Select(f => f.RelativePath).Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var f in expected)
        {
            Assert.Equal(f.Content, actual[f.RelativePath]);
        }
    }

    /// <summary>Only the publication and the lock file stay in the root: no staging folder, no copy set aside.</summary>
    private void AssertClean() =>
        Assert.Equal([RunFolder.LockFileName, "2025"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));

    [Fact]
    public void A_publication_replaces_the_previous_one_only_when_complete()
    {
        Publish(Edition(1, "fiches/01.pdf"));

        var second = Edition(3);
        Publish(second);

        AssertEdition(second, Contents(Path.Combine(dir.Path, "2025")));
        AssertClean();
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_previous_publication_untouched()
    {
        var first = Edition(1);
        Publish(first);

        static IEnumerable<OutputFile> FailingMidway()
        {
            yield return new OutputFile("a.csv", [9]);
            throw new IOException("disque plein");
        }

        using (var folder = RunFolder.Open(dir.Path, "2025", NoInputs))
        {
            Assert.Throws<IOException>(() => folder.Publish(FailingMidway()));
        }

        AssertEdition(first, Contents(Path.Combine(dir.Path, "2025")));
        AssertClean();
    }

    private sealed class SimulatedCrash : Exception;

    /// <summary>
    /// A process killed at each step of the swap (the exception stops the run where it is, and the lock is released
    /// without any cleanup, as the system does for a killed process): what lies on disk still holds one complete
    /// edition, and the next opening puts the folder right — the previous edition before the new one is in place, the
    /// new one after.
    /// </summary>
    [Theory]
    [InlineData(SwapStep.StagingWritten, false)]
    [InlineData(SwapStep.PreviousSetAside, false)]
    [InlineData(SwapStep.NewInPlace, true)]
    [InlineData(SwapStep.PreviousDeleted, true)]
    public void A_run_killed_at_any_step_of_the_swap_leaves_one_complete_edition_and_the_next_run_recovers(SwapStep step, bool newOneKept)
    {
        var previous = Edition(1, "fiches/01.pdf", "fiches/02.pdf");
        var next = Edition(2, "fiches/01.pdf");
        Publish(previous);

        // When: the process dies right after the step.
        var crashed = RunFolder.Open(dir.Path, "2025", NoInputs, s => { if (s == step) { throw new SimulatedCrash(); } });
        Assert.Throws<SimulatedCrash>(() => crashed.Publish(next));
        crashed.Abandon();

        // Then: one complete edition is on disk, in place or set aside.
        var target = Path.Combine(dir.Path, "2025");
        var aside = Path.Combine(dir.Path, ".2025.precedente");
        var onDisk = Directory.Exists(target) ? Contents(target) : Contents(aside);
        AssertEdition(step == SwapStep.PreviousSetAside ? previous : newOneKept ? next : previous, onDisk);

        // And the next opening recovers it, in place, and a new run publishes over it.
        using (var reopened = RunFolder.Open(dir.Path, "2025", NoInputs))
        {
            AssertEdition(newOneKept ? next : previous, Contents(target));
            Assert.Equal(step != SwapStep.PreviousDeleted, reopened.Recovered.Count > 0);
            reopened.Publish(Edition(3));
        }

        AssertEdition(Edition(3), Contents(target));
        AssertClean();
    }

    [Fact]
    public void A_second_run_into_the_same_folder_is_refused_while_the_first_holds_it()
    {
        using var first = RunFolder.Open(dir.Path, "2025", NoInputs);

        var refused = Assert.Throws<PublicationFolderException>(() => RunFolder.Open(dir.Path, "2025", NoInputs));

        Assert.True(refused.Held);
        Assert.Contains("une autre exécution publie déjà", refused.Message, StringComparison.Ordinal);
        first.Publish(Edition(1));
        AssertEdition(Edition(1), Contents(Path.Combine(dir.Path, "2025")));
    }

    [Fact]
    public void A_folder_that_is_not_a_publication_is_never_replaced()
    {
        var mine = dir.Write("2025/notes-personnelles.txt", "à garder");

        var refused = Assert.Throws<PublicationFolderException>(() => RunFolder.Open(dir.Path, "2025", NoInputs));

        Assert.Contains("n'est pas une publication de Reporting", refused.Message, StringComparison.Ordinal);
        Assert.Equal("à garder", File.ReadAllText(mine));
    }

    [Fact]
    public void An_output_root_that_cannot_be_created_fails_at_opening()
    {
        var file = dir.Write("un-fichier", "x");

        var refused = Assert.Throws<PublicationFolderException>(() => RunFolder.Open(Path.Combine(file, "out"), "2025", NoInputs));

        Assert.Contains("impossible de créer le dossier de sortie", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data", "data", "est")]
    [InlineData("data/2025", "data", "contient")]
    [InlineData("data", "data/out", "est dans")]
    [InlineData("data", "", "contient")]
    public void An_output_that_is_contains_or_lies_in_an_input_folder_is_refused(string data, string outRoot, string relation)
    {
        var input = Directory.CreateDirectory(Path.Combine(dir.Path, data)).FullName;
        var extract = dir.Write(Path.Combine(data, "police_2025.csv"), "x");
        var root = Path.Combine(dir.Path, outRoot);

        var refused = Assert.Throws<PublicationFolderException>(() => RunFolder.Open(root, "2025", [(input, "des données")]));

        Assert.Contains($" {relation} le dossier des données", refused.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(extract));
    }

    [Fact]
    public void An_output_reached_through_a_symbolic_link_to_the_data_is_refused()
    {
        var data = Directory.CreateDirectory(Path.Combine(dir.Path, "data")).FullName;
        var link = Path.Combine(dir.Path, "lien");
        Directory.CreateSymbolicLink(link, data);

        Assert.Throws<PublicationFolderException>(() => RunFolder.Open(Path.Combine(link, "out"), "2025", [(data, "des données")]));
        Assert.Throws<PublicationFolderException>(() => RunFolder.Open(dir.Path, "2025", [(Path.Combine(link, "."), "des données")]));
    }
}
