namespace Reporting.Ingestion;

/// <summary>
/// The four administrations. The numeric order is the tie-break order of outputs.md for the département
/// of a person over the victim sources (police, ase, sante), justice last.
/// </summary>
public enum Source
{
    Police = 0,
    Ase = 1,
    Sante = 2,
    Justice = 3,
}
