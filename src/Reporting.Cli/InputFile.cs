using Reporting.Ingestion;

namespace Reporting.Cli;

/// <summary>Why an input file named on the command line is not read; the command exits 2 with the message.</summary>
public sealed class InputFileException(string message) : Exception(message);

/// <summary>
/// A file the command reads whole (a nomenclature, a table of lists) must be a regular file, links followed: a device such
/// as <c>/dev/zero</c> would be read until memory runs out, a named pipe would block forever. Checked without opening it.
/// </summary>
public static class InputFile
{
    public static string Require(string path, string option)
    {
        var kind = FileKinds.Of(path);
        return kind switch
        {
            FileKind.Regular => path,
            FileKind.Missing => throw new InputFileException($"{option} {DataDirectory.Printable(path)} : fichier introuvable"),
            _ => throw new InputFileException(
                $"{option} {DataDirectory.Printable(path)} : n'est pas un fichier ordinaire ({FileKinds.Describe(kind, new FileInfo(path).LinkTarget is not null)}), il n'est pas lu"),
        };
    }
}
