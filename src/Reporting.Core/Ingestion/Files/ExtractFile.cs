namespace Reporting.Ingestion;

/// <param name="Name">the file's name made printable (<see cref="DataDirectory.Printable"/>): the name every issue, message
/// and report gives</param>
public sealed record ExtractFile(string Path, string Name, Source Source, int Year);
