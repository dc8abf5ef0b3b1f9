using System.Runtime.InteropServices;
using System.Text;

namespace Reporting.Ingestion;

/// <summary>
/// What a directory entry is, following links, found without opening it: opening a named pipe blocks until a writer
/// comes, and .NET's attributes call a pipe or a device "Normal". On Linux the answer is the file type of
/// <c>statx</c> (its structure is the same on every architecture); elsewhere, or with a C library without it, only
/// directories and missing targets can be told apart from regular files.
/// </summary>
public static class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;

    private static bool statxMissing;

    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux() && !statxMissing)
        {
            try
            {
                return OfStatx(path);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                statxMissing = true;
            }
        }

        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>The French words for a kind, as the failure gives them.</summary>
    public static string Describe(FileKind kind, bool throughLink)
    {
        var what = kind switch
        {
            FileKind.Directory => "un répertoire",
            FileKind.NamedPipe => "un tube nommé (FIFO)",
            FileKind.Device => "un périphérique",
            FileKind.Socket => "une socket",
            FileKind.Missing => "un fichier absent",
            _ => "un fichier ordinaire",
        };
        return throughLink ? "lien symbolique vers " + what : what[(what.IndexOf(' ', StringComparison.Ordinal) + 1)..];
    }

    private static FileKind OfStatx(string path)
    {
        var buffer = new byte[256];
        var name = Encoding.UTF8.GetBytes(path + "\0");
        if (Statx(AtFdCwd, name, 0, StatxType, buffer) != 0)
        {
            return FileKind.Missing;
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.NamedPipe,
            0x2000 or 0x6000 => FileKind.Device,
            0xC000 => FileKind.Socket,
            _ => FileKind.Missing,
        };
    }

    // Arrays of bytes only: nothing to marshal, so no unsafe code is needed. glibc has had statx since 2.28.
    [DllImport("libc.so.6", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);
}
