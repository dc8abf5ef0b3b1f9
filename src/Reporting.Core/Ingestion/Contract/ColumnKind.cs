namespace Reporting.Ingestion;

/// <summary>How a column is checked. Each kind is one rule of extracts.md.</summary>
public enum ColumnKind
{
    Text,
    Date,
    Departement,
    Sex,
    Age,
    Key,
    Integer,
    NonNegativeInteger,
    Natinf,
    Choice,
}
