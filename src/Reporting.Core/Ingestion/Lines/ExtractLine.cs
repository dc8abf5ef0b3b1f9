namespace Reporting.Ingestion;

/// <summary>
/// One line of an extract that passed every rule of the data contract. Values are normalised
/// (département with its leading zero, NATINF without leading zeros, key null when empty).
/// <see cref="PersonId"/> is the source's own identifier of the person (id_victime, id_enfant, id_sejour, id_personne).
/// </summary>
public sealed record ExtractLine(
    Source Source,
    int Year,
    string File,
    int LineNumber,
    string PersonId,
    string? Key,
    string Departement,
    DateOnly ReferenceDate,
    string Code,
    Sex Sex,
    int? Age,
    JusticeDetail? Justice);
