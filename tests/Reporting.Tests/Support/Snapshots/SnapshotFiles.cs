namespace Reporting.Tests.Support.Snapshots;

public sealed record SnapshotFiles(string Verified, string Received)
{
    /// <summary>
    /// The files of one snapshot, in the expectations tree mirroring the test's folder within its project (the folder
    /// holding the nearest <c>.csproj</c> above the test source). The class name is the source file's name, one class
    /// per file as everywhere in this repository.
    /// </summary>
    public static SnapshotFiles For(string sourceFile, string testMethod, string? name, string extension, SnapshotSettings settings)
    {
        var sourceFolder = Path.GetDirectoryName(sourceFile);
        if (string.IsNullOrEmpty(sourceFolder) || !Directory.Exists(sourceFolder))
        {
            throw new InvalidOperationException($"The test source folder of {sourceFile} does not exist: snapshots need the sources beside the build.");
        }

        var project = new DirectoryInfo(sourceFolder);
        while (project is not null && project.GetFiles("*.csproj").Length == 0)
        {
            project = project.Parent;
        }

        if (project is null)
        {
            throw new InvalidOperationException($"No .csproj above {sourceFile}: cannot place its snapshots.");
        }

        var mirrored = Path.GetRelativePath(project.FullName, sourceFolder);
        var folder = Path.GetFullPath(Path.Combine(project.FullName, settings.ExpectationsFolder, mirrored));
        var stem = $"{Path.GetFileNameWithoutExtension(sourceFile)}.{testMethod}{(name is null ? string.Empty : "." + name)}";
        return new SnapshotFiles(Path.Combine(folder, $"{stem}.verified.{extension}"), Path.Combine(folder, $"{stem}.received.{extension}"));
    }
}
