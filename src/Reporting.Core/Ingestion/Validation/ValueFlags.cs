namespace Reporting.Ingestion;

[Flags]
internal enum ValueFlags : byte
{
    None = 0,

    /// <summary>The value's bytes are in the workspace's scratch buffer (a quoted field with doubled quotes).</summary>
    InScratch = 1,

    /// <summary>The value is a string in the workspace's <see cref="LineWorkspace.Texts"/> (decoded, or made empty by an error).</summary>
    Decoded = 2,

    HasDate = 4,
}
