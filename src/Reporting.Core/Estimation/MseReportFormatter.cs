using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Reporting.Estimation;

/// <summary>
/// Text report of <c>reporting estimate</c>, in French like the rest of the interface: decimal comma, no thousands separator
/// (so that the columns of the table align), a negative zero never printed (a deviance of −0.000001 is a rounding of 0).
/// The layout follows Rcapture's <c>closedp</c>: the table of candidate models first, then the model retained and why,
/// the stepwise trace, the warnings. <see cref="MseReportJson"/> gives the same for machines, in invariant numbers.
/// </summary>
public static class MseReportFormatter
{
    /// <summary>Lines to print, without trailing newline.</summary>
    public static ImmutableArray<string> Format(MseReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = report.Table;
        var names = table.ListNames;
        var lines = ImmutableArray.CreateBuilder<string>();
        lines.Add("Estimation par systèmes multiples (modèles log-linéaires de Poisson)");
        lines.Add($"Listes ({table.ListCount}) : {string.Join(", ", names)}");
        lines.Add($"Personnes observées (n) : {table.ObservedTotal.ToString(CultureInfo.InvariantCulture)}");
        foreach (var w in report.Warnings)
        {
            lines.Add($"Avertissement : {w}");
        }

        lines.Add(string.Empty);
        lines.Add($"Modèles candidats (intervalle à {Percent(report.Retained.Options.ConfidenceLevel)} par vraisemblance profilée) :");
        lines.AddRange(CandidateTable(report));
        lines.Add(string.Empty);
        lines.AddRange(Retained(report));
        if (report.Correction is { } correction)
        {
            lines.Add(string.Empty);
            lines.AddRange(Correction(report, correction));
        }

        if (!report.Trace.IsEmpty)
        {
            lines.Add(string.Empty);
            lines.AddRange(Trace(report));
        }

        return lines.ToImmutable();
    }

    /// <summary>N̂ as printed: rounded to the nearest whole number (half away from zero), e.g. "11313".</summary>
    public static string FormatWhole(double value) => value switch
    {
        double.PositiveInfinity => "+∞",
        _ when double.IsNaN(value) => "indéterminé",
        _ => Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture),
    };

    /// <summary>A number with a decimal comma; what would print as a negative zero is zero.</summary>
    public static string Decimal(double value, int decimals)
    {
        if (double.IsNaN(value))
        {
            return "indéterminé";
        }

        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace('.', ',');
    }

    /// <summary>A p-value with its sign: « = 0,0012 » (four decimals), or « &lt; 0,0001 ».</summary>
    public static string PValue(double p) => p < 0.0001 ? "< 0,0001" : "= " + Decimal(p, 4);

    private static IEnumerable<string> CandidateTable(MseReport report)
    {
        var names = report.Table.ListNames;
        var rows = new List<string[]> { new[] { "modèle", "N estimé", "intervalle", "déviance", "ddl", "AIC", "BIC", string.Empty } };
        foreach (var c in report.Candidates)
        {
            var name = c.Name(names);
            var mark = c.Retained ? "◀ retenu" : string.Empty;
            rows.Add(c.Outcome switch
            {
                MseEstimate e => [name, FormatWhole(e.Total), Interval(e.Interval), Decimal(e.Deviance, 2), e.DegreesOfFreedom.ToString(CultureInfo.InvariantCulture), Decimal(e.Aic, 2), Decimal(e.Bic, 2), mark],
                MseRefused r => [name, "refusé", r.Refusal.Code, string.Empty, string.Empty, string.Empty, string.Empty, mark],
                _ => throw new InvalidOperationException("unknown outcome"),
            });
        }

        var widths = Enumerable.Range(0, 8).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var r in rows)
        {
            var line = new StringBuilder("  ").Append(r[0].PadRight(widths[0]));
            for (var i = 1; i < 7; i++)
            {
                line.Append("  ").Append(i == 2 ? r[i].PadRight(widths[i]) : r[i].PadLeft(widths[i]));
            }

            yield return (line.Append("  ").Append(r[7])).ToString().TrimEnd();
        }
    }

    private static IEnumerable<string> Retained(MseReport report)
    {
        var names = report.Table.ListNames;
        var outcome = report.Retained;
        var stepwise = outcome.RequestedModel.Selection == ModelSelection.Stepwise;
        yield return $"Modèle retenu : {Describe(outcome)}";
        yield return "  pourquoi : " + (outcome.RequestedModel.Selection switch
        {
            ModelSelection.Stepwise => $"choisi par la règle pas à pas de SparseMSE (Chan, Silverman et Vincent, 2021) : depuis l'indépendance, ajout "
                + $"de l'interaction dont le recouvrement observé s'écarte le plus du modèle, tant que p < {Decimal(outcome.Options.StepwiseThreshold, 2)}",
            ModelSelection.Independence => "demandé (--model independence)",
            _ => "demandé (--model)",
        });
        switch (outcome)
        {
            case MseRefused refused:
                yield return $"Estimation impossible : {refused.Refusal.Message}";
                yield return $"Code du refus : {refused.Refusal.Code}";
                yield break;
            case MseEstimate e:
                yield return $"  termes d'interaction : {(e.InteractionNames.IsEmpty ? "aucun (effets principaux seulement)" : string.Join(", ", e.InteractionNames))}";
                if (!e.Fit.EmptyOverlapPairs.IsEmpty)
                {
                    yield return $"  interactions fixées à −∞ (listes sans personne en commun, cellules retirées) : {string.Join(", ", e.Fit.EmptyOverlapPairs.Select(p => p.Name(names)))}";
                }

                if (e.Fit.IsExtendedMle)
                {
                    var absorbed = e.Fit.ModelInteractions.Except(e.Fit.Interactions).Except(e.Fit.EmptyOverlapPairs).ToList();
                    yield return "  estimateur du maximum de vraisemblance étendu (Fienberg et Rinaldo, 2012) : une marge nulle force à 0 "
                        + $"les cellules {string.Join(", ", e.Fit.ZeroFittedCells.Select(p => Patterns.ToFlags(p, e.Table.ListCount)))}, retirées de l'ajustement"
                        + (absorbed.Count == 0 ? string.Empty : $" ; termes non séparables sur les cellules restantes : {string.Join(", ", absorbed.Select(p => p.Name(names)))}");
                }

                yield return $"  non-observés estimés : {Decimal(e.Unseen, 2)}";
                yield return $"  estimation du total : {FormatWhole(e.Total)} (écart-type {Decimal(e.StandardError, 1)}, méthode delta)";
                yield return $"  intervalle de confiance à {Percent(e.Interval.Level)} : {Interval(e.Interval)} ({MethodLabel(e.Interval.Method)})";
                if (e.Bootstrap is { } b)
                {
                    yield return $"  intervalle bootstrap à {Percent(b.Interval.Level)} : {Interval(b.Interval)} ({BootstrapLabel(e, b)})";
                }
                else if (stepwise)
                {
                    yield return "  (cet intervalle ignore l'incertitude du choix du modèle : --bootstrap N --seed S la prend en compte)";
                }

                yield return $"  déviance : {Decimal(e.Deviance, 2)} ; degrés de liberté : {e.DegreesOfFreedom} ; AIC : {Decimal(e.Aic, 2)} ; BIC : {Decimal(e.Bic, 2)}";
                break;
        }

        var best = report.Candidates.Where(c => c.Outcome is MseEstimate).MinBy(c => ((MseEstimate)c.Outcome).Aic);
        if (best is not null && outcome is MseEstimate kept && !((MseEstimate)best.Outcome).Interactions.Order().SequenceEqual(kept.Interactions.Order()))
        {
            yield return $"  à titre de comparaison, le plus petit AIC est celui du modèle {best.Name(names)} ({Decimal(((MseEstimate)best.Outcome).Aic, 2)}) : "
                + "l'AIC n'est pas la règle de choix retenue";
        }
    }

    /// <summary>The retained model corrected for missing keys, its figure beside the uncorrected one.</summary>
    private static IEnumerable<string> Correction(MseReport report, CorrectedOutcome correction)
    {
        var names = report.Table.ListNames;
        yield return "Correction des clés de chaînage manquantes (même modèle, ajusté aux repérages avec clé ; clés absentes au hasard dans chaque liste) :";
        if (report.KeyRates is { } keys)
        {
            yield return "  taux de clé : " + string.Join(", ", Enumerable.Range(0, names.Length)
                .Select(s => $"{names[s]} {Decimal(keys.Rates[s], 3)} ({keys.Lists[s].Keyed} sur {keys.Lists[s].Persons})"));
        }

        if (correction.Estimate is { } keyed)
        {
            yield return $"  personnes avec clé dans la table : {keyed.Keyed.ObservedTotal} sur {report.Table.ObservedTotal}";
        }

        var before = report.Retained is MseEstimate u ? FormatWhole(u.Total) : "refusée";
        switch (correction.Estimate)
        {
            case { } c:
                var shift = c.ShiftPercent is { } pct && report.Retained is MseEstimate ? $" ({(pct < 0 ? "−" : "+")}{Decimal(Math.Abs(pct), 1)} %)" : string.Empty;
                yield return $"  correction des clés manquantes : {before} → {FormatWhole(c.Total)}{shift}";
                yield return $"  termes d'interaction : {(c.InteractionNames.IsEmpty ? "aucun (effets principaux seulement)" : string.Join(", ", c.InteractionNames))}";
                yield return $"  non-observés estimés : {Decimal(c.Unseen, 2)}";
                yield return $"  intervalle de confiance à {Percent(c.Interval.Level)} : {Interval(c.Interval)} (vraisemblance profilée, élargie de l'incertitude des taux de clé : "
                    + $"écart-type dû aux taux {Decimal(c.KeyRateStandardError, 1)})";
                break;
            default:
                yield return $"  correction des clés manquantes : {before} → refusée";
                yield return $"  Estimation corrigée impossible : {correction.Refusal!.Message}";
                yield return $"  Code du refus : {correction.Refusal.Code}";
                break;
        }
    }

    private static IEnumerable<string> Trace(MseReport report)
    {
        var names = report.Table.ListNames;
        var threshold = Decimal(report.Retained.Options.StepwiseThreshold, 2);
        yield return $"Sélection pas à pas (p = min(P(X ≤ observé), P(X ≥ observé)), X de Poisson de moyenne le recouvrement attendu ; ajout si p < {threshold}) :";
        for (var i = 0; i < report.Trace.Length; i++)
        {
            var round = report.Trace[i];
            yield return $"  étape {i + 1}, depuis {(round.Model.IsEmpty ? "l'indépendance" : string.Join(", ", round.Model.Select(p => p.Name(names))))} :";
            var width = round.Candidates.Select(c => c.Pair.Name(names).Length).DefaultIfEmpty(0).Max();
            foreach (var c in round.Candidates)
            {
                yield return $"    {c.Pair.Name(names).PadRight(width)}  observés {c.ObservedOverlap,6}  attendus {Decimal(c.ExpectedOverlap, 2),9}  p {PValue(c.PValue),-8}  {Verdict(c.Verdict, threshold)}";
            }

            if (round.Added is null)
            {
                yield return $"  arrêt : aucun terme restant n'a p < {threshold} avec un modèle estimable";
            }
        }
    }

    private static string Verdict(CandidateVerdict verdict, string threshold) => verdict switch
    {
        CandidateVerdict.Added => "ajouté",
        CandidateVerdict.NotBest => "non retenu à cette étape (un autre terme a un p plus petit)",
        CandidateVerdict.NotEstimable => "écarté : le modèle avec ce terme n'est pas estimable",
        _ => $"rejeté (p ≥ {threshold})",
    };

    private static string Describe(MseOutcome outcome) => outcome.RequestedModel.Selection switch
    {
        ModelSelection.Stepwise => "pas à pas",
        ModelSelection.Independence => "indépendance (effets principaux seulement)",
        _ => $"termes imposés {outcome.RequestedModel.Describe(outcome.Table.ListNames)}",
    };

    private static string Interval(ConfidenceInterval ci) => $"[{FormatWhole(ci.Lower)} ; {FormatWhole(ci.Upper)}]";

    private static string Percent(double level) => $"{Decimal(level * 100, 0)} %";

    private static string MethodLabel(IntervalMethod method) => method switch
    {
        IntervalMethod.MultinomialProfile => "vraisemblance profilée de N, formulation multinomiale de Rcapture",
        IntervalMethod.PoissonProfile => "vraisemblance profilée de l'ordonnée à l'origine du modèle de Poisson",
        IntervalMethod.LogNormal => "loi normale sur le logarithme des non-observés, comme SparseMSE",
        _ => "bootstrap",
    };

    private static string BootstrapLabel(MseEstimate e, BootstrapResult b)
    {
        var kind = b.Options.Interval == BootstrapIntervalKind.Bca ? "BCa" : "percentiles";
        var scheme = b.Options.Scheme == BootstrapScheme.Parametric ? "paramétrique" : "rééchantillonnage des personnes";
        var selection = e.RequestedModel.Selection == ModelSelection.Stepwise ? ", sélection du modèle refaite à chaque tirage" : string.Empty;
        var refused = b.Refused > 0 ? $", {b.Refused} tirages inestimables écartés" : string.Empty;
        return $"{kind}, {scheme}, {b.Options.Replicates} tirages, graine {b.Options.Seed}{selection}{refused}";
    }
}
