namespace Reporting.Tests.Support;

public static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>A private copy of a fixture folder, for tests that change it.</summary>
    public static string CopyTo(string name, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(Path(name)))
        {
            File.Copy(file, System.IO.Path.Combine(destination, System.IO.Path.GetFileName(file)), overwrite: true);
        }

        return destination;
    }
}
