namespace Reporting.Ingestion;

public sealed record PopulationRow(int Year, string Departement, long Population);
