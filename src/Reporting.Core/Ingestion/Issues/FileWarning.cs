namespace Reporting.Ingestion;

public sealed record FileWarning(Rule Rule, string Detail);
