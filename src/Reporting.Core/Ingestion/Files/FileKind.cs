namespace Reporting.Ingestion;

public enum FileKind
{
    Regular,
    Directory,
    NamedPipe,
    Device,
    Socket,

    /// <summary>A link to nothing, or an entry gone since it was listed.</summary>
    Missing,
}
