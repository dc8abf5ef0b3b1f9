using System.Globalization;
using Reporting.Estimation;
using Reporting.Ingestion;

namespace Reporting.Quality;

/// <summary>The quality report's account of the correction of capture-recapture for missing linkage keys (issue 19).</summary>
public static class LinkageCorrectionSection
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static QualitySection Of(IReadOnlyList<YearEstimate> estimates) => new(
        "capture_recapture_cles",
        "Capture-recapture : correction des clés de chaînage manquantes",
        [
            "Une personne repérée par deux sources dont l'une n'a pas transmis de clé compte pour deux personnes repérées chacune par une source : les recoupements sont sous-estimés et l'estimation sans correction est trop forte.",
            "Hypothèse : dans chaque source, chaque repérage porte une clé avec une même probabilité (taux de clé), indépendamment des autres sources. Le modèle log-linéaire des parcours réels est ajusté aux seules personnes chaînées par la clé, par l'algorithme EM ; l'intervalle tient compte de l'incertitude sur les taux de clé.",
            "Taux de clé : personnes de la source portant une clé, propre ou reprise d'une autre ligne du même identifiant, parmi les mineurs de la catégorie qu'elle compte.",
            "L'estimation corrigée est donnée même quand elle n'est pas publiée (la remarque dit pourquoi).",
        ],
        ["annee", "categorie", "personnes", "avec_cle", "taux_cle_pct", "estimation_sans_correction", "estimation_corrigee", "ecart_pct", "bas", "haut", "ecart_type_taux_cle", "remarque"],
        estimates.OrderBy(e => e.Year).ThenBy(e => e.Category, StringComparer.Ordinal).Select(e => (IReadOnlyList<string>)
        [
            e.Year.ToString(Inv),
            e.Category,
            Join(e, r => r.Persons.ToString(Inv)),
            Join(e, r => r.Keyed.ToString(Inv)),
            Join(e, r => (r.Rate * 100).ToString("0.0", Inv)),
            e.Uncorrected is MseEstimate u ? u.Total.ToString("0", Inv) : "—",
            e.Computed is { } a ? a.Total.ToString("0", Inv) : "—",
            e.Computed?.ShiftPercent is { } shift ? shift.ToString("0.0", Inv) : "—",
            e.Computed is { } b ? b.Interval.Lower.ToString("0", Inv) : "—",
            e.Computed is { } c ? c.Interval.Upper.ToString("0", Inv) : "—",
            e.Computed is { } d ? d.KeyRateStandardError.ToString("0", Inv) : "—",
            e.NotEstimatedReason ?? string.Empty,
        ]).ToArray());

    /// <summary>One value per available source, in the order police, ase, sante: « police 481 ; ase 872 ».</summary>
    private static string Join(YearEstimate e, Func<Linkage.SourceKeyRate, string> value) =>
        e.KeyRates.Count == 0 ? "—" : string.Join(" ; ", e.KeyRates.OrderBy(r => r.Source).Select(r => $"{r.Source.Code()} {value(r)}"));
}
