using System.Collections.Immutable;
using System.Globalization;

namespace Reporting.Estimation;

/// <summary>
/// Text report of <c>reporting estimate</c>: French labels (the users are French statisticians),
/// numbers in the invariant culture (decimal point, no thousands separator) so that outputs compare
/// and parse the same everywhere.
/// </summary>
public static class MseReportFormatter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Lines to print for an estimate or a refusal, without trailing newline.</summary>
    public static ImmutableArray<string> Format(MseOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var lines = ImmutableArray.CreateBuilder<string>();
        lines.Add("Estimation par systèmes multiples (modèle log-linéaire de Poisson)");
        lines.Add($"Listes ({outcome.Table.ListCount.ToString(Invariant)}) : {string.Join(", ", outcome.Table.ListNames)}");
        lines.Add($"Personnes observées (n) : {outcome.Table.ObservedTotal.ToString(Invariant)}");
        lines.Add($"Modèle demandé : {DescribeRequest(outcome)}");
        lines.AddRange(StepLines(outcome));
        switch (outcome)
        {
            case MseEstimate estimate:
                lines.AddRange(EstimateLines(estimate));
                break;
            case MseRefused refused:
                lines.Add($"Estimation impossible : {refused.Refusal.Message}");
                lines.Add($"Code du refus : {refused.Refusal.Code}");
                break;
        }

        return lines.ToImmutable();
    }

    /// <summary>N̂ as printed: rounded to the nearest whole number (half away from zero), e.g. "11313".</summary>
    public static string FormatWhole(double value) => value switch
    {
        double.PositiveInfinity => "+∞",
        _ when double.IsNaN(value) => "indéterminé",
        _ => Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", Invariant),
    };

    private static IEnumerable<string> EstimateLines(MseEstimate e)
    {
        yield return $"Termes d'interaction : {(e.InteractionNames.IsEmpty ? "aucun (effets principaux seulement)" : string.Join(", ", e.InteractionNames))}";
        if (!e.Fit.EmptyOverlapPairs.IsEmpty)
        {
            string names = string.Join(", ", e.Fit.EmptyOverlapPairs.Select(p => p.Name(e.Table.ListNames)));
            yield return $"Interactions fixées à −∞ (listes sans personne en commun, cellules retirées) : {names}";
        }

        yield return $"Non-observés estimés : {e.Unseen.ToString("F2", Invariant)}";
        yield return $"Estimation du total : {FormatWhole(e.Total)}";
        yield return $"Intervalle de confiance à {Percent(e.Interval.Level)} : {Interval(e.Interval)} ({MethodLabel(e.Interval.Method)})";
        if (e.RequestedModel.Selection == ModelSelection.Stepwise)
        {
            yield return "  (cet intervalle ignore l'incertitude de la sélection du modèle ; le bootstrap en tient compte)";
        }

        if (e.Bootstrap is { } b)
        {
            yield return $"Intervalle bootstrap à {Percent(b.Interval.Level)} : {Interval(b.Interval)} ({BootstrapLabel(e, b)})";
        }

        yield return $"Écart-type (méthode delta) : {e.StandardError.ToString("F1", Invariant)}";
        yield return string.Create(
            Invariant,
            $"Déviance : {e.Deviance:F2} ; degrés de liberté : {e.DegreesOfFreedom} ; AIC : {e.Aic:F2} ; BIC : {e.Bic:F2}");
    }

    private static string DescribeRequest(MseOutcome outcome) => outcome.RequestedModel.Selection switch
    {
        ModelSelection.Stepwise => string.Create(
            Invariant, $"stepwise (règle SparseMSE, seuil p = {outcome.Options.StepwiseThreshold})"),
        ModelSelection.Independence => "independence (effets principaux seulement)",
        _ => $"termes imposés {outcome.RequestedModel.Describe(outcome.Table.ListNames)}",
    };

    private static IEnumerable<string> StepLines(MseOutcome outcome) =>
        outcome.StepwiseSteps.Select((s, i) => string.Create(
            Invariant,
            $"  étape {i + 1} : ajout de {s.Pair.Name(outcome.Table.ListNames)} (recouvrement observé {s.ObservedOverlap}, attendu {s.ExpectedOverlap:F2}, p = {s.PValue:G3})"));

    private static string Interval(ConfidenceInterval ci) => $"({FormatWhole(ci.Lower)}, {FormatWhole(ci.Upper)})";

    private static string Percent(double level) => string.Create(Invariant, $"{level * 100:0.##} %");

    private static string MethodLabel(IntervalMethod method) => method switch
    {
        IntervalMethod.MultinomialProfile => "vraisemblance profilée de N, formulation multinomiale de Rcapture",
        IntervalMethod.PoissonProfile => "vraisemblance profilée de l'ordonnée à l'origine du modèle de Poisson",
        IntervalMethod.LogNormal => "loi normale sur le logarithme des non-observés, comme SparseMSE",
        _ => "bootstrap",
    };

    private static string BootstrapLabel(MseEstimate e, BootstrapResult b)
    {
        string kind = b.Options.Interval == BootstrapIntervalKind.Bca ? "BCa" : "percentiles";
        string scheme = b.Options.Scheme == BootstrapScheme.Parametric ? "paramétrique" : "rééchantillonnage des personnes";
        string selection = e.RequestedModel.Selection == ModelSelection.Stepwise ? ", sélection refaite à chaque tirage" : string.Empty;
        string refused = b.Refused > 0 ? string.Create(Invariant, $", {b.Refused} tirages inestimables écartés") : string.Empty;
        return string.Create(
            Invariant,
            $"{kind}, {scheme}, {b.Options.Replicates} tirages, graine {b.Options.Seed}{selection}{refused}");
    }
}
