namespace Reporting.Ingestion;

public enum Sex : byte
{
    Unknown = 0,
    Female = 1,
    Male = 2,
}
