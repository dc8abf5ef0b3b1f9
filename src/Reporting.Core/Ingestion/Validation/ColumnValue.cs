namespace Reporting.Ingestion;

/// <summary>
/// One column's value on the line being validated: where its trimmed bytes are, and what was parsed from them
/// (<see cref="Number"/>: the integer, or the index of the département or list value). No reference: a line's
/// values are written without a GC write barrier.
/// </summary>
internal struct ColumnValue
{
    public int Start;
    public int Length;
    public long Number;
    public DateOnly Date;
    public ValueFlags Flags;

    public readonly bool HasDate => (Flags & ValueFlags.HasDate) != 0;
}
