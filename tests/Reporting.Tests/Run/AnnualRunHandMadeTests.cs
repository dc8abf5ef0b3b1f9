using System.Globalization;
using Reporting.Compute;
using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication.OpenData;
using Reporting.Publication.Quality;
using Reporting.Reference;
using Reporting.Tests.Support;

namespace Reporting.Tests.Run;

/// <summary>
/// Every expected value below was computed by hand from Fixtures/hand-made (see the comments for the persons).
/// Persons: K1 seen by police (75), ASE (93, earliest) and a hospital; K2 police (two lines, one key-less) and a hospital
/// (same date, 84: police wins the tie); V4 key-less police minor of unknown age with a minor-only code; K7 police in 2B
/// then 2A; K3 adult; K5 adult by age against a minor-only code; E2 key-less ASE child; K8 ASE code EXPL used in 2019;
/// K9 ASE RISQ_PROST before it exists (counted nowhere); E5 ASE of unknown age (not a minor); K10 hospital at risk in 971.
/// </summary>
[StartsEarly]
public sealed class AnnualRunHandMadeTests
{
    // Threshold 1: nothing is small enough to hide, so that the counting rules are seen alone (disclosure has its own tests).
    private static readonly Lazy<Edition> Outcome = new(() => Compute(Fixtures.Path("hand-made")));

    /// <summary>The numbers only: nothing is rendered but the open-data file and the quality report, where the tests read them.</summary>
    private static Edition Compute(string data)
    {
        var computed = AnnualComputation.Compute(data, new RunParameters(2019, Threshold: 1));
        Assert.True(computed.Succeeded, string.Join("\n", computed.Failures));
        return computed.Edition!;
    }

    private static readonly Lazy<byte[]> OpenDataFile = new(() => IndicatorCsvWriter.Write(Outcome.Value.Indicators));

    private static readonly Lazy<string[]> OpenDataLines = new(() =>
        System.Text.Encoding.UTF8.GetString(OpenData).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The lines by their first six fields (the cell's key).</summary>
    private static readonly Lazy<ILookup<string, string>> LinesByKey = new(() =>
        OpenDataLines.Value.Skip(1).ToLookup(l => string.Join(';', l.Split(';').Take(6)), StringComparer.Ordinal));

    /// <summary>The open-data file of the hand-made edition, written once for the class.</summary>
    private static byte[] OpenData => OpenDataFile.Value;

    [Theory]
    // Police 2019: K1, K2, V4, K7 are minors; K3 and K5 are adults.
    [InlineData("victimes_mineurs", 2019, "FR", "FR", "ESM", "police", "4", "")]
    [InlineData("victimes_mineurs", 2019, "FR", "FR", "ESM-PROST", "police", "2", "")]
    [InlineData("victimes_mineurs", 2019, "FR", "FR", "ESM-PROX", "police", "1", "")]
    [InlineData("victimes_mineurs", 2019, "FR", "FR", "ESM-TEH", "police", "1", "")]
    [InlineData("victimes_mineurs", 2019, "DEP", "2B", "ESM-TEH", "police", "1", "")]
    [InlineData("victimes_mineurs", 2019, "DEP", "2A", "ESM-TEH", "police", "0", "")]
    [InlineData("victimes_mineurs", 2019, "DEP", "69", "ESM", "police", "1", "")]
    [InlineData("victimes_mineurs", 2019, "DEP", "33", "ESM", "police", "0", "")]
    [InlineData("part_filles_pct", 2019, "FR", "FR", "ESM", "police", "75.0", "")]
    [InlineData("part_moins_15_pct", 2019, "FR", "FR", "ESM", "police", "33.3", "")]
    [InlineData("part_mineurs_pct", 2019, "FR", "FR", "ESM", "police", "60.0", "")]
    [InlineData("part_mineurs_pct", 2019, "FR", "FR", "ESM-PROST", "police", "100.0", "")]
    [InlineData("part_mineurs_pct", 2019, "FR", "FR", "ESM-PROX", "police", "33.3", "")]
    [InlineData("evolution_1an_pct", 2019, "FR", "FR", "ESM", "police", "300.0", "")]
    [InlineData("evolution_1an_pct", 2019, "FR", "FR", "ESM-PROST", "police", "100.0", "")]
    [InlineData("evolution_1an_pct", 2019, "FR", "FR", "ESM-PROX", "police", "", "z")]
    [InlineData("evolution_1an_pct", 2018, "FR", "FR", "ESM", "police", "", "x")]
    // ASE 2019: K1, E2, K8 (EXPL out of its validity, still mapped to ESM-AUTRE); K9 counted nowhere; E5 not a minor.
    [InlineData("victimes_mineurs", 2019, "FR", "FR", "ESM", "ase", "3", "")]
    [InlineData("victimes_mineurs", 2019, "FR", "FR", "ESM-PROST", "ase", "1", "")]
    [InlineData("victimes_mineurs", 2019, "FR", "FR", "ESM-AUTRE", "ase", "1", "")]
    [InlineData("victimes_mineurs", 2019, "DEP", "93", "ESM", "ase", "1", "")]
    [InlineData("victimes_mineurs", 2018, "FR", "FR", "ESM-PROST", "ase", "", "x")]
    [InlineData("victimes_mineurs", 2018, "FR", "FR", "ESM-AUTRE", "ase", "1", "")]
    [InlineData("victimes_mineurs", 2018, "FR", "FR", "ESM", "ase", "1", "")]
    [InlineData("evolution_1an_pct", 2019, "FR", "FR", "ESM", "ase", "200.0", "")]
    [InlineData("evolution_1an_pct", 2019, "FR", "FR", "ESM-PROST", "ase", "", "x")]
    [InlineData("evolution_1an_pct", 2019, "FR", "FR", "ESM-AUTRE", "ase", "", "z")]
    [InlineData("taux_100k", 2018, "FR", "FR", "ESM-PROST", "ase", "", "x")]
    // Hospitals: K1 and K2 in 2019, K11 in 2018; K10 at risk in 971, which has no population row in 2019.
    [InlineData("victimes_mineurs", 2019, "FR", "FR", "ESM", "sante", "2", "")]
    [InlineData("victimes_mineurs", 2019, "DEP", "84", "ESM", "sante", "1", "")]
    [InlineData("evolution_1an_pct", 2019, "FR", "FR", "ESM", "sante", "100.0", "")]
    [InlineData("victimes_mineurs", 2019, "DEP", "971", "ESM-RISQUE", "sante", "1", "")]
    [InlineData("taux_100k", 2019, "DEP", "971", "ESM-RISQUE", "sante", "", "x")]
    [InlineData("taux_100k", 2019, "REG", "01", "ESM-RISQUE", "sante", "", "x")]
    [InlineData("taux_100k", 2019, "FR", "FR", "ESM", "toutes", "", "x")]
    [InlineData("taux_100k", 2019, "DEP", "972", "ESM-RISQUE", "sante", "0.0", "")]
    // All sources 2019: K1 once (police, ASE, hospital), K2, V4, K7, E2, K8 = 6, each in the département of its earliest line.
    [InlineData("victimes_mineurs", 2019, "FR", "FR", "ESM", "toutes", "6", "")]
    [InlineData("victimes_mineurs", 2019, "DEP", "93", "ESM", "toutes", "1", "")]
    [InlineData("victimes_mineurs", 2019, "DEP", "75", "ESM", "toutes", "1", "")]
    [InlineData("victimes_mineurs", 2019, "DEP", "13", "ESM", "toutes", "2", "")]
    [InlineData("victimes_mineurs", 2019, "DEP", "84", "ESM", "toutes", "0", "")]
    [InlineData("victimes_mineurs", 2019, "REG", "11", "ESM", "toutes", "2", "")]
    [InlineData("victimes_mineurs", 2019, "REG", "93", "ESM", "toutes", "2", "")]
    [InlineData("victimes_mineurs", 2019, "REG", "84", "ESM", "toutes", "1", "")]
    [InlineData("victimes_mineurs", 2019, "REG", "94", "ESM", "toutes", "1", "")]
    [InlineData("victimes_mineurs", 2019, "FR", "FR", "ESM-PROST", "toutes", "2", "")]
    [InlineData("victimes_mineurs", 2019, "FR", "FR", "ESM-PROX", "toutes", "2", "")]
    [InlineData("victimes_mineurs", 2019, "FR", "FR", "ESM-RISQUE", "toutes", "1", "")]
    [InlineData("taux_100k", 2019, "REG", "11", "ESM", "toutes", "2.5", "")]
    [InlineData("taux_100k", 2019, "DEP", "13", "ESM", "toutes", "20.0", "")]
    [InlineData("taux_100k", 2018, "FR", "FR", "ESM", "toutes", "0.2", "")]
    [InlineData("part_filles_pct", 2019, "FR", "FR", "ESM", "toutes", "83.3", "")]
    [InlineData("part_moins_15_pct", 2019, "FR", "FR", "ESM", "toutes", "20.0", "")]
    [InlineData("evolution_1an_pct", 2019, "FR", "FR", "ESM", "toutes", "200.0", "")]
    [InlineData("evolution_1an_pct", 2019, "FR", "FR", "ESM-PROST", "toutes", "", "z")]
    [InlineData("evolution_1an_pct", 2019, "FR", "FR", "ESM-PROX", "toutes", "", "z")]
    [InlineData("evolution_1an_pct", 2019, "FR", "FR", "ESM-AUTRE", "toutes", "", "z")]
    [InlineData("evolution_1an_pct", 2019, "FR", "FR", "ESM-TEH", "toutes", "", "z")]
    // Justice 2019, persons counting for minors (a code requiring a minor, or victime_mineure O), by category:
    //   ESM-PROST: J1 (75) prosecuted, convicted twice to firm prison (12 and 18 months: 18 kept); J4 (69) convicted to
    //     firm prison without quantum, prosecuted in an earlier year (no orientation this year); J5 (75) dismissed in
    //     one case (23367, digital) and prosecuted in another, convicted to a fine and a suspended sentence the same
    //     day (suspended, the more severe, classes them); J6 (93) alternative, 23820 with victime_mineure O (digital);
    //     J10 (33) prosecuted, firm prison 36 months; J11 (33) alternative in one case, convicted in another to firm
    //     prison 8 months and another sentence (firm prison classes them); J14 (59) prosecuted, fined; J15 (75)
    //     dismissed. J7 (23820 with victime_mineure N) counts for nothing.
    //     Authors 8; oriented 7 (all but J4); dismissed 2 (J5, J15); alternative 2 (J6, J11); prosecuted 4 (J1, J5,
    //     J10, J14); response 6 of 7 (J15 has only a dismissal; J5's prosecution outranks its dismissal) = 85.7 %;
    //     convicted 6: firm prison 4 (J1, J4, J10, J11), suspended 1 (J5), fine 1 (J14), other 0: 66.7, 16.7, 16.7,
    //     0.0 %; quanta 8, 18, 36 (J4 has none): mean 62 / 3 = 20.7, median 18.0; digital 2 (J5, J6) of 8 = 25.0 %.
    //   ESM-PROX: J2 (13, 7261 with O) prosecuted, suspended; J9 (13) dismissed; J12 (13) prosecuted, firm prison 24;
    //     J13 (59) convicted to another sentence, prosecuted earlier; J3 (7261 with N) not counted. Authors 4; oriented
    //     3; response 2 of 3 = 66.7 %; convicted 3: firm prison, suspended, other one each (33.3 % each), fine 0.0 %;
    //     quantum 24: mean and median 24.0. No digital code: no digital line at all.
    //   ESM-TEH: J8 (13, 23776 with O, digital) prosecuted and acquitted. Authors 1, response 100.0 %, convicted 0
    //     (shares, mean and median z), acquitted 1, digital 1 of 1 = 100.0 %.
    //   ESM, each person once: authors 13; oriented 11 (not J4, J13); dismissed 3; alternative 2; prosecuted 7;
    //     response 9 of 11 (J9 and J15 only dismissed) = 81.8 %; convicted 9: firm prison 5, suspended 2 (J2, J5),
    //     fine 1, other 1 (J13): 55.6, 22.2, 11.1, 11.1 %; acquitted 1; quanta 8, 18, 24, 36: mean 86 / 4 = 21.5,
    //     median of an even count (18 + 24) / 2 = 21.0; digital 3 (J5, J6, J8) of 13 = 23.1 %.
    //   Regions: Île-de-France (75, 93) J1, J5, J15, J6; Provence-Alpes-Côte d'Azur (13) J2, J8, J9, J12.
    [InlineData("auteurs_decision", 2019, "FR", "FR", "ESM", "justice", "13", "")]
    [InlineData("auteurs_orientes", 2019, "FR", "FR", "ESM", "justice", "11", "")]
    [InlineData("auteurs_classes", 2019, "FR", "FR", "ESM", "justice", "3", "")]
    [InlineData("auteurs_alternative", 2019, "FR", "FR", "ESM", "justice", "2", "")]
    [InlineData("auteurs_poursuivis", 2019, "FR", "FR", "ESM", "justice", "7", "")]
    [InlineData("taux_reponse_penale_pct", 2019, "FR", "FR", "ESM", "justice", "81.8", "")]
    [InlineData("auteurs_condamnes", 2019, "FR", "FR", "ESM", "justice", "9", "")]
    [InlineData("auteurs_relaxes", 2019, "FR", "FR", "ESM", "justice", "1", "")]
    [InlineData("condamnes_prison_ferme", 2019, "FR", "FR", "ESM", "justice", "5", "")]
    [InlineData("condamnes_sursis", 2019, "FR", "FR", "ESM", "justice", "2", "")]
    [InlineData("condamnes_amende", 2019, "FR", "FR", "ESM", "justice", "1", "")]
    [InlineData("condamnes_autre_peine", 2019, "FR", "FR", "ESM", "justice", "1", "")]
    [InlineData("part_prison_ferme_pct", 2019, "FR", "FR", "ESM", "justice", "55.6", "")]
    [InlineData("part_sursis_pct", 2019, "FR", "FR", "ESM", "justice", "22.2", "")]
    [InlineData("part_amende_pct", 2019, "FR", "FR", "ESM", "justice", "11.1", "")]
    [InlineData("part_autre_peine_pct", 2019, "FR", "FR", "ESM", "justice", "11.1", "")]
    [InlineData("quantum_moyen_mois", 2019, "FR", "FR", "ESM", "justice", "21.5", "")]
    [InlineData("quantum_median_mois", 2019, "FR", "FR", "ESM", "justice", "21.0", "")]
    [InlineData("auteurs_numerique", 2019, "FR", "FR", "ESM", "justice", "3", "")]
    [InlineData("part_numerique_pct", 2019, "FR", "FR", "ESM", "justice", "23.1", "")]
    [InlineData("auteurs_decision", 2019, "FR", "FR", "ESM-PROST", "justice", "8", "")]
    [InlineData("auteurs_orientes", 2019, "FR", "FR", "ESM-PROST", "justice", "7", "")]
    [InlineData("auteurs_classes", 2019, "FR", "FR", "ESM-PROST", "justice", "2", "")]
    [InlineData("auteurs_alternative", 2019, "FR", "FR", "ESM-PROST", "justice", "2", "")]
    [InlineData("auteurs_poursuivis", 2019, "FR", "FR", "ESM-PROST", "justice", "4", "")]
    [InlineData("taux_reponse_penale_pct", 2019, "FR", "FR", "ESM-PROST", "justice", "85.7", "")]
    [InlineData("auteurs_condamnes", 2019, "FR", "FR", "ESM-PROST", "justice", "6", "")]
    [InlineData("auteurs_relaxes", 2019, "FR", "FR", "ESM-PROST", "justice", "0", "")]
    [InlineData("condamnes_prison_ferme", 2019, "FR", "FR", "ESM-PROST", "justice", "4", "")]
    [InlineData("condamnes_sursis", 2019, "FR", "FR", "ESM-PROST", "justice", "1", "")]
    [InlineData("condamnes_amende", 2019, "FR", "FR", "ESM-PROST", "justice", "1", "")]
    [InlineData("condamnes_autre_peine", 2019, "FR", "FR", "ESM-PROST", "justice", "0", "")]
    [InlineData("part_prison_ferme_pct", 2019, "FR", "FR", "ESM-PROST", "justice", "66.7", "")]
    [InlineData("part_sursis_pct", 2019, "FR", "FR", "ESM-PROST", "justice", "16.7", "")]
    [InlineData("part_amende_pct", 2019, "FR", "FR", "ESM-PROST", "justice", "16.7", "")]
    [InlineData("part_autre_peine_pct", 2019, "FR", "FR", "ESM-PROST", "justice", "0.0", "")]
    [InlineData("quantum_moyen_mois", 2019, "FR", "FR", "ESM-PROST", "justice", "20.7", "")]
    [InlineData("quantum_median_mois", 2019, "FR", "FR", "ESM-PROST", "justice", "18.0", "")]
    [InlineData("auteurs_numerique", 2019, "FR", "FR", "ESM-PROST", "justice", "2", "")]
    [InlineData("part_numerique_pct", 2019, "FR", "FR", "ESM-PROST", "justice", "25.0", "")]
    [InlineData("auteurs_decision", 2019, "FR", "FR", "ESM-PROX", "justice", "4", "")]
    [InlineData("auteurs_orientes", 2019, "FR", "FR", "ESM-PROX", "justice", "3", "")]
    [InlineData("auteurs_poursuivis", 2019, "FR", "FR", "ESM-PROX", "justice", "2", "")]
    [InlineData("taux_reponse_penale_pct", 2019, "FR", "FR", "ESM-PROX", "justice", "66.7", "")]
    [InlineData("condamnes_prison_ferme", 2019, "FR", "FR", "ESM-PROX", "justice", "1", "")]
    [InlineData("condamnes_autre_peine", 2019, "FR", "FR", "ESM-PROX", "justice", "1", "")]
    [InlineData("part_sursis_pct", 2019, "FR", "FR", "ESM-PROX", "justice", "33.3", "")]
    [InlineData("part_amende_pct", 2019, "FR", "FR", "ESM-PROX", "justice", "0.0", "")]
    [InlineData("quantum_moyen_mois", 2019, "FR", "FR", "ESM-PROX", "justice", "24.0", "")]
    [InlineData("quantum_median_mois", 2019, "FR", "FR", "ESM-PROX", "justice", "24.0", "")]
    [InlineData("auteurs_decision", 2019, "FR", "FR", "ESM-TEH", "justice", "1", "")]
    [InlineData("taux_reponse_penale_pct", 2019, "FR", "FR", "ESM-TEH", "justice", "100.0", "")]
    [InlineData("auteurs_relaxes", 2019, "FR", "FR", "ESM-TEH", "justice", "1", "")]
    [InlineData("part_prison_ferme_pct", 2019, "FR", "FR", "ESM-TEH", "justice", "", "z")]
    [InlineData("part_sursis_pct", 2019, "FR", "FR", "ESM-TEH", "justice", "", "z")]
    [InlineData("quantum_moyen_mois", 2019, "FR", "FR", "ESM-TEH", "justice", "", "z")]
    [InlineData("quantum_median_mois", 2019, "FR", "FR", "ESM-TEH", "justice", "", "z")]
    [InlineData("auteurs_numerique", 2019, "FR", "FR", "ESM-TEH", "justice", "1", "")]
    [InlineData("part_numerique_pct", 2019, "FR", "FR", "ESM-TEH", "justice", "100.0", "")]
    [InlineData("auteurs_decision", 2019, "REG", "11", "ESM", "justice", "4", "")]
    [InlineData("auteurs_decision", 2019, "REG", "93", "ESM", "justice", "4", "")]
    [InlineData("auteurs_numerique", 2019, "REG", "11", "ESM", "justice", "2", "")]
    [InlineData("auteurs_numerique", 2019, "DEP", "13", "ESM-TEH", "justice", "1", "")]
    [InlineData("condamnes_sursis", 2019, "DEP", "75", "ESM", "justice", "1", "")]
    [InlineData("quantum_median_mois", 2019, "DEP", "33", "ESM", "justice", "22.0", "")]
    [InlineData("auteurs_condamnes", 2019, "DEP", "69", "ESM", "justice", "1", "")]
    [InlineData("auteurs_poursuivis", 2018, "FR", "FR", "ESM", "justice", "1", "")]
    [InlineData("auteurs_numerique", 2018, "FR", "FR", "ESM", "justice", "0", "")]
    // Digital, police 2019: K1 has a 23367 line beside its 23364 one, K7 a 23776 line (in 2A, after its 2B line: still
    // counted in 2B). ESM 2 of 4 = 50.0 %, ESM-PROST 1 of 2 = 50.0 %, ESM-TEH 1 of 1 = 100.0 %.
    [InlineData("victimes_numerique", 2019, "FR", "FR", "ESM", "police", "2", "")]
    [InlineData("part_numerique_pct", 2019, "FR", "FR", "ESM", "police", "50.0", "")]
    [InlineData("victimes_numerique", 2019, "FR", "FR", "ESM-PROST", "police", "1", "")]
    [InlineData("part_numerique_pct", 2019, "FR", "FR", "ESM-PROST", "police", "50.0", "")]
    [InlineData("victimes_numerique", 2019, "FR", "FR", "ESM-TEH", "police", "1", "")]
    [InlineData("part_numerique_pct", 2019, "FR", "FR", "ESM-TEH", "police", "100.0", "")]
    [InlineData("victimes_numerique", 2019, "DEP", "2B", "ESM-TEH", "police", "1", "")]
    [InlineData("victimes_numerique", 2019, "DEP", "2A", "ESM-TEH", "police", "0", "")]
    [InlineData("victimes_numerique", 2018, "FR", "FR", "ESM", "police", "0", "")]
    // Since the first year of the series (2018): no break for ESM; breaks in 2019 for the split ASE categories.
    [InlineData("evolution_debut_serie_pct", 2019, "FR", "FR", "ESM", "police", "300.0", "")]
    [InlineData("evolution_debut_serie_pct", 2019, "FR", "FR", "ESM", "toutes", "200.0", "")]
    [InlineData("evolution_debut_serie_pct", 2019, "FR", "FR", "ESM-AUTRE", "toutes", "", "z")]
    [InlineData("evolution_debut_serie_pct", 2019, "FR", "FR", "ESM-PROST", "ase", "", "x")]
    [InlineData("evolution_debut_serie_pct", 2018, "FR", "FR", "ESM", "police", "", "z")]
    // Overlap 2019: K1 seen by three sources, K2 by two, V4, K7, E2, K8 by one; V4 and E2 have no key (4 of 6 keyed).
    [InlineData("vus_3_sources", 2019, "FR", "FR", "ESM", "toutes", "1", "")]
    [InlineData("vus_2_sources", 2019, "FR", "FR", "ESM", "toutes", "1", "")]
    [InlineData("vus_1_source", 2019, "FR", "FR", "ESM", "toutes", "4", "")]
    [InlineData("part_avec_cle_pct", 2019, "FR", "FR", "ESM", "toutes", "66.7", "")]
    public void Every_figure_matches_the_hand_computation(string indicator, int year, string level, string territory, string category, string source, string value, string status)
    {
        var key = string.Join(';', indicator, year.ToString(CultureInfo.InvariantCulture), level, territory, category, source);
        var line = Assert.Single(LinesByKey.Value[key]);
        Assert.Equal(key + ";" + value + ";" + status, line);
    }

    [Theory]
    [InlineData("victimes_mineurs;2019;FR;FR;ESM-AUTRE;police;")]
    [InlineData("auteurs_poursuivis;2019;FR;FR;ESM-RISQUE;justice;")]
    [InlineData("victimes_mineurs;2019;FR;FR;ESM-RISQUE;ase;")]
    [InlineData("part_mineurs_pct;2019;FR;FR;ESM;ase;")]
    [InlineData("quantum_moyen_mois;2019;FR;FR;ESM-AUTRE;justice;")]
    [InlineData("victimes_numerique;2019;FR;FR;ESM-PROX;police;")]
    [InlineData("auteurs_numerique;2019;FR;FR;ESM-PROX;justice;")]
    [InlineData("part_numerique_pct;2019;FR;FR;ESM-PROX;")]
    [InlineData("part_numerique_pct;2019;FR;FR;ESM;ase;")]
    [InlineData("victimes_numerique;2019;FR;FR;ESM;toutes;")]
    public void A_combination_that_never_exists_has_no_line(string prefix) =>
        Assert.DoesNotContain(Lines(), l => l.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void With_nomenclature_2026_1_the_digital_figures_are_not_available_and_nothing_else_moves()
    {
        // Given: the hand-made data, run with the previous nomenclature, which has no column numerique.
        using var dir = new TempDirectory();
        var file = dir.Write(Nomenclature.PreviousFile, ReferenceData.ReadText(Nomenclature.PreviousFile));

        var computed = AnnualComputation.Compute(Fixtures.Path("hand-made"), new RunParameters(2019, NomenclatureFile: file, Threshold: 1));

        // Then: it reads; every digital figure is x (nothing says which codes are digital), never 0, and has its line for
        // every category of police and justice (ESM-PROX included: nothing says it has no digital code); every other
        // cell is the one the shipped nomenclature gives.
        Assert.True(computed.Succeeded, string.Join("\n", computed.Failures));
        var old = computed.Edition!;
        Assert.Equal("2026-1", old.Nomenclature.Version);
        Assert.False(old.Nomenclature.FlagsDigital);
        string[] digital = [IndicatorCodes.DigitalVictims, IndicatorCodes.DigitalAuthors, IndicatorCodes.ShareDigital];
        var digitalCells = old.Indicators.Cells.Where(c => digital.Contains(c.Key.Indicator)).ToArray();
        Assert.NotEmpty(digitalCells);
        Assert.All(digitalCells, c => Assert.Equal(CellStatus.NotAvailable, c.Status));
        Assert.Equal(
            ["ESM-PROST|justice", "ESM-PROST|police", "ESM-PROX|justice", "ESM-PROX|police", "ESM-TEH|justice", "ESM-TEH|police", "ESM|justice", "ESM|police"],
            digitalCells.Select(c => $"{c.Key.Category}|{c.Key.Source}").Distinct().Order(StringComparer.Ordinal));
        var shipped = Outcome.Value.Indicators.Cells.Where(c => !digital.Contains(c.Key.Indicator)).ToArray();
        Assert.Equal(shipped.Length, old.Indicators.Cells.Count - digitalCells.Length);
        Assert.All(shipped, c =>
        {
            var same = old.Indicators.Find(c.Key);
            Assert.Equal((c.Value, c.Status), (same?.Value, same?.Status));
        });
    }

    [Fact]
    public void The_file_follows_the_open_data_format()
    {
        var bytes = OpenData;
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var lines = Lines();
        Assert.Equal("indicateur;annee;niveau;territoire;categorie;source;valeur;statut", lines[0]);
        var keys = lines.Skip(1).Select(l => string.Join(';', l.Split(';').Take(6))).ToArray();
        // Sorted column by column (ordinal), the year as a number: "ESM" comes before "ESM-PROST".
        var sorted = keys.Select(k => k.Split(';'))
            .OrderBy(f => f[0], StringComparer.Ordinal).ThenBy(f => int.Parse(f[1], CultureInfo.InvariantCulture))
            .ThenBy(f => f[2], StringComparer.Ordinal).ThenBy(f => f[3], StringComparer.Ordinal)
            .ThenBy(f => f[4], StringComparer.Ordinal).ThenBy(f => f[5], StringComparer.Ordinal)
            .Select(f => string.Join(';', f));
        Assert.Equal(sorted, keys);
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void The_quality_report_lists_the_conflict_the_line_counted_nowhere_and_the_code_out_of_validity()
    {
        var md = QualityReportWriter.ToMarkdown(Outcome.Value.Quality);
        Assert.Contains("| âge incompatible avec le code (l'âge décide) | police_2019.csv | 1 | 7 |", md, StringComparison.Ordinal);
        Assert.Contains("| catégorie non disponible pour la source cette année : ligne comptée nulle part | ase_2019.csv | 1 | 5 |", md, StringComparison.Ordinal);
        Assert.Contains("| catégorie non disponible pour la source cette année : ligne comptée nulle part | ase_2018.csv | 1 | 3 |", md, StringComparison.Ordinal);
        Assert.Contains("| code utilisé hors de sa période de validité (ligne gardée) | ase_2019.csv | 2 | 4, 5 |", md, StringComparison.Ordinal);
        Assert.Contains("| police | 7875 | 1 |", md, StringComparison.Ordinal);
    }

    private static string[] Lines() => OpenDataLines.Value;

    [Fact]
    public void A_source_that_sends_no_extract_is_not_available_and_breaks_the_all_sources_series()
    {
        // Given: the hand-made data without the hospitals' 2019 extract.
        using var dir = new TempDirectory();
        var data = Fixtures.CopyTo("hand-made", Path.Combine(dir.Path, "data"));
        File.Delete(Path.Combine(data, "sante_2019.csv"));

        var outcome = Compute(data);

        // Then: santé 2019 is x (never zero), and the 2019 change of all sources is z, not a fall.
        var set = outcome.Indicators;
        Assert.Equal(Reporting.Indicators.CellStatus.NotAvailable, set.Get("victimes_mineurs", 2019, Reporting.Indicators.Level.France, "FR", "ESM", "sante").Status);
        Assert.Equal(Reporting.Indicators.CellStatus.NotApplicable, set.Get("evolution_1an_pct", 2019, Reporting.Indicators.Level.France, "FR", "ESM", "toutes").Status);
        Assert.Equal(300.0m, set.Get("evolution_1an_pct", 2019, Reporting.Indicators.Level.France, "FR", "ESM", "police").Shown);
    }

    [Fact]
    public void Duplicated_population_rows_are_both_rejected_and_the_rate_is_not_available()
    {
        using var dir = new TempDirectory();
        var data = Fixtures.CopyTo("hand-made", Path.Combine(dir.Path, "data"));
        File.AppendAllText(Path.Combine(data, "population.csv"), "2019;75;20000\n");

        var outcome = Compute(data);

        var set = outcome.Indicators;
        Assert.Equal(Reporting.Indicators.CellStatus.NotAvailable, set.Get("taux_100k", 2019, Reporting.Indicators.Level.Departement, "75", "ESM", "police").Status);
        Assert.Equal(Reporting.Indicators.CellStatus.NotAvailable, set.Get("taux_100k", 2019, Reporting.Indicators.Level.Region, "11", "ESM", "police").Status);
        Assert.Equal(10.0m, set.Get("taux_100k", 2019, Reporting.Indicators.Level.Departement, "13", "ESM", "police").Shown);
        var population = outcome.Ingestion.Files.Single(f => f.File == "population.csv");
        Assert.Equal(2, population.LinesRejected);
    }
}
