namespace Reporting.Ingestion;

/// <param name="Minimum">the smallest value accepted</param>
/// <param name="Maximum">the largest value accepted</param>
/// <param name="Plausible">when set, a larger value is kept out with a warning (<see cref="Reporting.Ingestion.Rule.ImplausibleQuantum"/>):
/// the line stays, the value reads as absent</param>
public sealed record IntegerBounds(long Minimum, long Maximum, long? Plausible = null);
