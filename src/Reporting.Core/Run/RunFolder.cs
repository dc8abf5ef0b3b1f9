namespace Reporting.Run;

/// <summary>
/// Publishes a run's files as one folder, all or nothing (outputs.md): everything is written into a temporary sibling
/// folder, which replaces the previous publication only once every file is written. A failure midway removes the
/// temporary folder and leaves the previous publication exactly as it was.
/// </summary>
public static class RunFolder
{
    public static string Publish(string outRoot, string name, IEnumerable<OutputFile> files)
    {
        Directory.CreateDirectory(outRoot);
        var target = Path.Combine(outRoot, name);
        var staging = Path.Combine(outRoot, $".{name}.en-cours");
        var previous = Path.Combine(outRoot, $".{name}.precedente");
        DeleteIfExists(staging);
        DeleteIfExists(previous);
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var file in files)
            {
                var path = Path.Combine(staging, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content);
            }
        }
        catch
        {
            DeleteIfExists(staging);
            throw;
        }

        if (Directory.Exists(target))
        {
            Directory.Move(target, previous);
        }

        Directory.Move(staging, target);
        DeleteIfExists(previous);
        return target;
    }

    private static void DeleteIfExists(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
