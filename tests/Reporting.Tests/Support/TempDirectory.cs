using System.Text;

namespace Reporting.Tests.Support;

/// <summary>A folder of hand-written fixture files, deleted after the test.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        // A GUID's 32 hexadecimal digits would read as half a linkage key, which every message masks: a shorter name.
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reporting-tests", "t" + Guid.NewGuid().ToString("N")[..16]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string content, Encoding? encoding = null)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, (encoding ?? new UTF8Encoding(false)).GetBytes(content));
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test on cleanup.
        }
    }
}
