namespace Reporting.Ingestion;

/// <summary>The columns of one kind of file, exactly as the data contract (docs/contrat/extracts.md) lists them.</summary>
public sealed record ExtractSchema(string FileKind, IReadOnlyList<ColumnSpec> Columns, string? ReferenceDateColumn, string? PersonIdColumn)
{
    /// <summary>30 years: the longest fixed-term sentence of the penal code (réclusion criminelle à temps, art. 131-1).</summary>
    public const int MaxQuantumMonths = 360;

    public static readonly ExtractSchema Police = new(
        "police",
        [
            new("id_procedure", true, true, ColumnKind.Text),
            new("id_victime", true, true, ColumnKind.Text),
            new("service", true, true, ColumnKind.Choice, ["PN", "GN"]),
            new("date_faits", false, false, ColumnKind.Date),
            new("date_enregistrement", true, true, ColumnKind.Date),
            new("natinf", true, true, ColumnKind.Natinf),
            new("departement", true, true, ColumnKind.Departement),
            new("sexe", true, false, ColumnKind.Sex),
            new("age", true, false, ColumnKind.Age),
            new("cle_chainage", true, false, ColumnKind.Key),
        ],
        "date_enregistrement",
        "id_victime");

    public static readonly ExtractSchema Justice = new(
        "justice",
        [
            new("id_affaire", true, true, ColumnKind.Text),
            new("id_personne", true, true, ColumnKind.Text),
            new("date_decision", true, true, ColumnKind.Date),
            new("departement", true, true, ColumnKind.Departement),
            new("natinf", true, true, ColumnKind.Natinf),
            new("etape", true, true, ColumnKind.Choice, ["CLASSEMENT", "ALTERNATIVE", "POURSUITE", "CONDAMNATION", "RELAXE"]),
            // "Only for CONDAMNATION": the column is part of the file, its value is checked against the step.
            new("peine", true, false, ColumnKind.Choice, ["EMPRISONNEMENT_FERME", "EMPRISONNEMENT_SURSIS", "AMENDE", "AUTRE"]),
            // Parsed up to the largest int (ExtractLine holds an int); beyond 360 months the quantum is implausible: the
            // longest fixed-term sentence of the penal code is 30 years of réclusion criminelle (art. 131-1), and a life
            // sentence has no quantum in months. One such value made the national mean 42 899 months: it is dropped with a
            // warning and the line kept, since a conviction without quantum is allowed (the column is optional), so the
            // person still counts among the convicted and only the mean leaves the value out.
            new("quantum_mois", false, false, ColumnKind.NonNegativeInteger) { Bounds = new(0, int.MaxValue, Plausible: MaxQuantumMonths) },
            new("victime_mineure", true, false, ColumnKind.Choice, ["O", "N"]),
            new("sexe", true, false, ColumnKind.Sex),
            new("age", true, false, ColumnKind.Age),
        ],
        "date_decision",
        "id_personne");

    public static readonly ExtractSchema Ase = new(
        "ase",
        [
            new("id_enfant", true, true, ColumnKind.Text),
            new("cle_chainage", true, false, ColumnKind.Key),
            new("departement", true, true, ColumnKind.Departement),
            new("date_information", true, true, ColumnKind.Date),
            new("motif", true, true, ColumnKind.Text),
            new("decision", true, true, ColumnKind.Choice, ["MESURE_ADMINISTRATIVE", "MESURE_JUDICIAIRE", "SANS_SUITE", "EN_COURS"]),
            new("sexe", true, false, ColumnKind.Sex),
            new("age", true, false, ColumnKind.Age),
        ],
        "date_information",
        "id_enfant");

    public static readonly ExtractSchema Sante = new(
        "sante",
        [
            new("id_sejour", true, true, ColumnKind.Text),
            new("cle_chainage", true, false, ColumnKind.Key),
            new("departement", true, true, ColumnKind.Departement),
            new("date_entree", true, true, ColumnKind.Date),
            new("type_prise_en_charge", true, true, ColumnKind.Choice, ["HOSPITALISATION", "URGENCES", "UAPED"]),
            new("motif_reperage", true, true, ColumnKind.Text),
            new("diag_principal", false, false, ColumnKind.Text),
            new("sexe", true, false, ColumnKind.Sex),
            new("age", true, false, ColumnKind.Age),
        ],
        "date_entree",
        "id_sejour");

    public static readonly ExtractSchema Population = new(
        "population",
        [
            // A year of four digits, as in the extracts' file names.
            new("annee", true, true, ColumnKind.Integer) { Bounds = new(1000, 9999) },
            new("departement", true, true, ColumnKind.Departement),
            // More than France's whole population aged 0 to 17 (about 14 million) cannot be one département's. Zero is
            // read here and rejected as a population (population_nulle): a rate over it would be infinite.
            new("population_0_17", true, true, ColumnKind.NonNegativeInteger) { Bounds = new(0, 20_000_000) },
        ],
        null,
        null);

    public static ExtractSchema For(Source source) => source switch
    {
        Source.Police => Police,
        Source.Justice => Justice,
        Source.Ase => Ase,
        Source.Sante => Sante,
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    /// <summary>The column that carries the code mapped by the nomenclature.</summary>
    public static string CodeColumn(Source source) => source switch
    {
        Source.Police or Source.Justice => "natinf",
        Source.Ase => "motif",
        Source.Sante => "motif_reperage",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };
}
