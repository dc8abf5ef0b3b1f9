namespace Reporting.Ingestion;

/// <summary>
/// Every rule the engine applies to an extract, with the French wording published in the quality report
/// (the statistics service and the administrations read it). Codes are stable: they are machine-readable in qualite.json.
/// </summary>
public sealed record Rule(string Code, Severity Severity, string Label)
{
    // Line-level errors (extracts.md, "What a bad line gets").
    public static readonly Rule FieldCount = new("nombre_champs", Severity.Error, "nombre de champs différent de l'en-tête");
    public static readonly Rule BadQuotes = new("guillemets", Severity.Error, "guillemets mal formés (RFC 4180)");
    public static readonly Rule MissingValue = new("valeur_manquante", Severity.Error, "valeur obligatoire absente");
    public static readonly Rule InvalidDate = new("date_invalide", Severity.Error, "date invalide (AAAA-MM-JJ ou JJ/MM/AAAA attendu)");
    public static readonly Rule WrongYear = new("annee_hors_fichier", Severity.Error, "date de référence hors de l'année du fichier");
    public static readonly Rule InvalidDepartement = new("departement_invalide", Severity.Error, "code département inconnu");
    public static readonly Rule InvalidSex = new("sexe_invalide", Severity.Error, "sexe hors liste (F, M, I ou vide)");
    public static readonly Rule InvalidAge = new("age_invalide", Severity.Error, "âge invalide (entier de 0 à 120 ou vide)");
    public static readonly Rule InvalidKey = new("cle_invalide", Severity.Error, "clé de chaînage mal formée (64 caractères hexadécimaux minuscules attendus)");
    public static readonly Rule InvalidNatinf = new("natinf_invalide", Severity.Error, "code NATINF non entier");
    public static readonly Rule InvalidInteger = new("entier_invalide", Severity.Error, "entier invalide");
    public static readonly Rule NotInList = new("valeur_hors_liste", Severity.Error, "valeur hors de la liste du contrat");
    public static readonly Rule SentenceWithoutConviction = new("peine_hors_condamnation", Severity.Error, "peine renseignée sur une ligne qui n'est pas une condamnation");
    public static readonly Rule ConvictionWithoutSentence = new("peine_manquante", Severity.Error, "condamnation sans peine");
    public static readonly Rule IntegerOutOfBounds = new("entier_hors_bornes", Severity.Error, "entier hors des bornes de sa colonne (quantum_mois : 0 à 2147483647 ; annee : 1000 à 9999 ; population_0_17 : 0 à 20000000)");
    public static readonly Rule ZeroPopulation = new("population_nulle", Severity.Error, "population des 0-17 ans nulle : aucun taux ne peut être calculé sur elle");
    public static readonly Rule UnclosedQuote = new("guillemet_non_ferme", Severity.Error, "guillemet non fermé : l'enregistrement couvre plusieurs lignes physiques, toutes rejetées");
    public static readonly Rule DuplicatePopulation = new("population_doublon", Severity.Error, "ligne de population en double (année, département)");

    // Line-level warnings: the line is kept.
    public static readonly Rule LeadingZero = new("departement_sans_zero", Severity.Warning, "code département sans zéro initial, normalisé");
    public static readonly Rule ImplausibleQuantum = new("quantum_invraisemblable", Severity.Warning, "quantum supérieur à 360 mois (30 ans, la plus longue peine à temps du code pénal) : quantum ignoré, ligne gardée");

    // File-level warnings.
    public static readonly Rule UnknownColumn = new("colonne_inconnue", Severity.Warning, "colonne inconnue, ignorée");
    public static readonly Rule Windows1252 = new("encodage_windows_1252", Severity.Warning, "fichier non UTF-8, lu en Windows-1252");
    public static readonly Rule IgnoredFile = new("fichier_ignore", Severity.Warning, "fichier dont le nom ne suit pas <source>_<année>.csv, ignoré");

    // File-level failures: the run stops and publishes nothing.
    public static readonly Rule MissingColumn = new("colonne_manquante", Severity.Error, "colonne obligatoire absente");
    public static readonly Rule DuplicateColumn = new("colonne_en_double", Severity.Error, "colonne présente deux fois");
    public static readonly Rule Unreadable = new("fichier_illisible", Severity.Error, "fichier illisible");
    public static readonly Rule TooManyErrors = new("seuil_erreurs", Severity.Error, "trop de lignes en erreur");
    public static readonly Rule EmptyExtract = new("extrait_vide", Severity.Error, "extrait sans aucune ligne de données");
    public static readonly Rule NotRegularFile = new("fichier_non_ordinaire", Severity.Error, "n'est pas un fichier ordinaire");
    public static readonly Rule NoExtract = new("aucun_extrait", Severity.Error, "aucun extrait dans le dossier");
}
