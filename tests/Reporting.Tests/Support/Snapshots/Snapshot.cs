using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace Reporting.Tests.Support.Snapshots;

/// <summary>A failed snapshot: the message names both files, says how to accept, and shows the diff.</summary>
public sealed class SnapshotMismatchException(string message) : XunitException(message);

/// <summary>
/// Snapshot testing in Verify's convention, small enough to read: the received text is compared with
/// <c>&lt;TestClass&gt;.&lt;TestMethod&gt;[.name].verified.&lt;ext&gt;</c>; on a difference <c>*.received.*</c> is written beside it
/// (git ignores it) and the test fails with a line diff; on a first run there is nothing to compare, so the received
/// file is written and the test fails until someone accepts it.
/// </summary>
public static class Snapshot
{
    public static void Verify(
        string received,
        string extension = "txt",
        string? name = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string testMethod = "") =>
        Verify(received, SnapshotSettings.Default, extension, name, sourceFile, testMethod);

    public static void Verify(string received, SnapshotSettings settings, string extension, string? name, string sourceFile, string testMethod)
    {
        var files = SnapshotFiles.For(sourceFile, testMethod, name, extension, settings);
        var text = Normalise(received);
        var verified = File.Exists(files.Verified) ? Normalise(File.ReadAllText(files.Verified, Encoding.UTF8)) : null;
        if (verified == text)
        {
            DeleteIfExists(files.Received);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(files.Received)!);
        if (settings.Accept)
        {
            File.WriteAllText(files.Verified, text, new UTF8Encoding(false));
            DeleteIfExists(files.Received);
            return;
        }

        File.WriteAllText(files.Received, text, new UTF8Encoding(false));
        var accept = $"To accept it, rename {Path.GetFileName(files.Received)} to {Path.GetFileName(files.Verified)} "
            + $"(or rerun with {SnapshotSettings.AcceptVariable}=1 outside CI) and commit the verified file.";
        if (verified is null)
        {
            throw new SnapshotMismatchException(
                $"No verified snapshot yet: {files.Verified}\nReceived written to: {files.Received}\n{accept}");
        }

        throw new SnapshotMismatchException(
            $"Snapshot differs from {files.Verified}\nReceived written to: {files.Received}\n{accept}\n\n{SnapshotDiff.Render(verified, text, settings)}");
    }

    /// <summary>Line endings are a checkout detail (git may convert them), not part of what is verified.</summary>
    public static string Normalise(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
