namespace Reporting.Ingestion;

/// <summary>The justice columns that only the justice source carries.</summary>
public sealed record JusticeDetail(string Step, string? Sentence, int? QuantumMonths, bool? MinorVictim);
