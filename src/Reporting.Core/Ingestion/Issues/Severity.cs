namespace Reporting.Ingestion;

public enum Severity
{
    Warning,
    Error,
}
