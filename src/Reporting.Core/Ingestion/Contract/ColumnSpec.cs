namespace Reporting.Ingestion;

/// <param name="HeaderRequired">the column must be in the header (a missing one rejects the file)</param>
/// <param name="ValueRequired">an empty value is an error for the line</param>
public sealed record ColumnSpec(string Name, bool HeaderRequired, bool ValueRequired, ColumnKind Kind, IReadOnlyList<string>? Choices = null)
{
    /// <summary>
    /// The bounds of an integer column (<see cref="ColumnKind.Integer"/>, <see cref="ColumnKind.NonNegativeInteger"/>):
    /// a value outside them is a line error (<c>entier_hors_bornes</c>), never an overflow further on. Every integer column
    /// of the schemas sets them.
    /// </summary>
    public IntegerBounds? Bounds { get; init; }
}
