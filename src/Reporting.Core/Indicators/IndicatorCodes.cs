namespace Reporting.Indicators;

/// <summary>The indicator codes of the open-data file (outputs.md); what each one is lives in <see cref="IndicatorCatalogue"/>.</summary>
public static class IndicatorCodes
{
    public const string MinorVictims = "victimes_mineurs";
    public const string Rate = "taux_100k";
    public const string Change = "evolution_1an_pct";
    public const string ShareGirls = "part_filles_pct";
    public const string ShareUnder15 = "part_moins_15_pct";
    public const string ShareMinors = "part_mineurs_pct";
    public const string Authors = "auteurs_decision";
    public const string Oriented = "auteurs_orientes";
    public const string Dismissed = "auteurs_classes";
    public const string Alternative = "auteurs_alternative";
    public const string Prosecuted = "auteurs_poursuivis";
    public const string ResponseRate = "taux_reponse_penale_pct";
    public const string Convicted = "auteurs_condamnes";
    public const string Acquitted = "auteurs_relaxes";
    public const string FirmPrison = "condamnes_prison_ferme";
    public const string SuspendedPrison = "condamnes_sursis";
    public const string Fine = "condamnes_amende";
    public const string OtherSentence = "condamnes_autre_peine";
    public const string ShareSuspended = "part_sursis_pct";
    public const string ShareFine = "part_amende_pct";
    public const string ShareOtherSentence = "part_autre_peine_pct";
    public const string MeanQuantum = "quantum_moyen_mois";
    public const string MedianQuantum = "quantum_median_mois";
    public const string DigitalVictims = "victimes_numerique";
    public const string DigitalAuthors = "auteurs_numerique";
    public const string ShareDigital = "part_numerique_pct";
    public const string ChangeSinceStart = "evolution_debut_serie_pct";
    public const string ShareFirmPrison = "part_prison_ferme_pct";
    public const string SeenByOne = "vus_1_source";
    public const string SeenByTwo = "vus_2_sources";
    public const string SeenByThree = "vus_3_sources";
    public const string ShareKeyed = "part_avec_cle_pct";
    public const string SeenByPoliceOnly = "vus_police_seule";
    public const string SeenByAseOnly = "vus_ase_seule";
    public const string SeenBySanteOnly = "vus_sante_seule";
    public const string SeenByPoliceAse = "vus_police_ase";
    public const string SeenByPoliceSante = "vus_police_sante";
    public const string SeenByAseSante = "vus_ase_sante";
    public const string SeenWithKey = "vus_avec_cle";
    public const string Estimate = "estimation_mse";
    public const string EstimateLow = "estimation_mse_bas";
    public const string EstimateHigh = "estimation_mse_haut";
    public const string ShareSeen = "part_reperes_pct";

    /// <summary>The estimate as if every person seen by two sources had been linked (no correction for missing keys).</summary>
    public const string EstimateUncorrected = "estimation_mse_sans_correction";

    /// <summary>
    /// The sentences of the convicted, each person classed by the most severe sentence of the year, most severe first:
    /// the counts partition <see cref="Convicted"/>, and each has its share among them.
    /// </summary>
    public static readonly IReadOnlyList<(string Sentence, string Count, string Share)> Sentences =
    [
        ("EMPRISONNEMENT_FERME", FirmPrison, ShareFirmPrison),
        ("EMPRISONNEMENT_SURSIS", SuspendedPrison, ShareSuspended),
        ("AMENDE", Fine, ShareFine),
        ("AUTRE", OtherSentence, ShareOtherSentence),
    ];

    /// <summary>National counts of persons by number of sources that saw them (published at France level only).</summary>
    public static readonly IReadOnlyList<string> OverlapCounts = [SeenByOne, SeenByTwo, SeenByThree];

    /// <summary>
    /// The persons seen by exactly each combination of the victim sources (bits of <see cref="OverlapTable"/>: 1 police,
    /// 2 ase, 4 sante), ones before pairs; all three is <see cref="SeenByThree"/>.
    /// </summary>
    public static readonly IReadOnlyList<(int Pattern, string Indicator)> SeenByPattern =
    [
        (1, SeenByPoliceOnly),
        (2, SeenByAseOnly),
        (4, SeenBySanteOnly),
        (3, SeenByPoliceAse),
        (5, SeenByPoliceSante),
        (6, SeenByAseSante),
        (7, SeenByThree),
    ];

    public static bool IsCount(string indicator) => IndicatorCatalogue.Shipped.IsCount(indicator);

    /// <summary>Counts below the national level, protected by disclosure control.</summary>
    public static bool IsProtectedCount(string indicator) => IndicatorCatalogue.Shipped.IsProtectedCount(indicator);
}
