using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Reporting.Estimation;

/// <summary>
/// <c>reporting estimate --format json</c>: the report of <see cref="MseReportFormatter"/> for machines, numbers in the
/// invariant culture (decimal point) at full precision, except that a negative zero is written 0.
/// </summary>
public static class MseReportJson
{
    public static string Write(MseReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var names = report.Table.ListNames;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("listes");
            foreach (var name in names)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteNumber("observes", report.Table.ObservedTotal);
            json.WriteNumber("niveau_confiance", report.Retained.Options.ConfidenceLevel);
            json.WriteNumber("seuil_pas_a_pas", report.Retained.Options.StepwiseThreshold);
            json.WriteStartArray("avertissements");
            foreach (var w in report.Warnings)
            {
                json.WriteStringValue(w);
            }

            json.WriteEndArray();
            json.WriteStartArray("modeles");
            foreach (var c in report.Candidates)
            {
                json.WriteStartObject();
                json.WriteString("modele", c.Name(names));
                json.WriteString("type", c.Kind switch
                {
                    CandidateKind.Independence => "independance",
                    CandidateKind.OneInteraction => "une_interaction",
                    CandidateKind.Stepwise => "pas_a_pas",
                    CandidateKind.AllInteractions => "toutes_interactions",
                    _ => "demande",
                });
                json.WriteBoolean("retenu", c.Retained);
                Outcome(json, c.Outcome);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("retenu");
            json.WriteString("modele", report.Retained.RequestedModel.Describe(names));
            Outcome(json, report.Retained);
            if (report.Retained is MseEstimate { Bootstrap: { } b })
            {
                json.WriteStartObject("bootstrap");
                json.WriteNumber("tirages", b.Options.Replicates);
                json.WriteNumber("graine", b.Options.Seed);
                json.WriteString("intervalle_type", b.Options.Interval == BootstrapIntervalKind.Bca ? "BCa" : "percentiles");
                json.WriteString("schema", b.Options.Scheme == BootstrapScheme.Parametric ? "parametrique" : "multinomial");
                json.WriteBoolean("selection_refaite", report.Retained.RequestedModel.Selection == ModelSelection.Stepwise);
                Number(json, "borne_basse", b.Interval.Lower);
                Number(json, "borne_haute", b.Interval.Upper);
                json.WriteNumber("tirages_inestimables", b.Refused);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartArray("etapes_pas_a_pas");
            foreach (var round in report.Trace)
            {
                json.WriteStartObject();
                json.WriteStartArray("modele");
                foreach (var p in round.Model)
                {
                    json.WriteStringValue(p.Name(names));
                }

                json.WriteEndArray();
                json.WriteStartArray("candidats");
                foreach (var c in round.Candidates)
                {
                    json.WriteStartObject();
                    json.WriteString("terme", c.Pair.Name(names));
                    json.WriteNumber("observes", c.ObservedOverlap);
                    Number(json, "attendus", c.ExpectedOverlap);
                    Number(json, "p", c.PValue);
                    json.WriteString("decision", c.Verdict switch
                    {
                        CandidateVerdict.Added => "ajoute",
                        CandidateVerdict.NotBest => "non_retenu",
                        CandidateVerdict.NotEstimable => "non_estimable",
                        _ => "rejete",
                    });
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (report.Correction is { } correction)
            {
                Correction(json, report, correction);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Outcome(Utf8JsonWriter json, MseOutcome outcome)
    {
        switch (outcome)
        {
            case MseEstimate e:
                json.WriteStartArray("interactions");
                foreach (var n in e.InteractionNames)
                {
                    json.WriteStringValue(n);
                }

                json.WriteEndArray();
                if (e.Fit.IsExtendedMle)
                {
                    // Extended MLE only (absent otherwise, so that the ordinary output keeps its shape).
                    json.WriteStartArray("cellules_fixees_a_zero");
                    foreach (int pattern in e.Fit.ZeroFittedCells)
                    {
                        json.WriteStringValue(Patterns.ToFlags(pattern, e.Table.ListCount));
                    }

                    json.WriteEndArray();
                }

                Number(json, "estimation", e.Total);
                Number(json, "non_observes", e.Unseen);
                Number(json, "ecart_type", e.StandardError);
                Number(json, "borne_basse", e.Interval.Lower);
                Number(json, "borne_haute", e.Interval.Upper);
                Number(json, "deviance", e.Deviance);
                json.WriteNumber("ddl", e.DegreesOfFreedom);
                Number(json, "aic", e.Aic);
                Number(json, "bic", e.Bic);
                json.WriteNull("refus");
                break;
            case MseRefused r:
                json.WriteNull("estimation");
                json.WriteStartObject("refus");
                json.WriteString("code", r.Refusal.Code);
                json.WriteString("message", r.Refusal.Message);
                json.WriteEndObject();
                break;
        }
    }

    /// <summary>The retained model corrected for missing keys (only with <c>--key-rates</c>): « correction_cles ».</summary>
    private static void Correction(Utf8JsonWriter json, MseReport report, CorrectedOutcome correction)
    {
        var names = report.Table.ListNames;
        json.WriteStartObject("correction_cles");
        if (report.KeyRates is { } keys)
        {
            json.WriteStartArray("taux_cle");
            for (var s = 0; s < names.Length; s++)
            {
                json.WriteStartObject();
                json.WriteString("liste", names[s]);
                Number(json, "taux", keys.Rates[s]);
                json.WriteNumber("reperages_avec_cle", keys.Lists[s].Keyed);
                json.WriteNumber("reperages", keys.Lists[s].Persons);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (report.Retained is MseEstimate u)
        {
            Number(json, "estimation_sans_correction", u.Total);
        }
        else
        {
            json.WriteNull("estimation_sans_correction");
        }

        switch (correction.Estimate)
        {
            case { } c:
                json.WriteNumber("personnes_avec_cle", c.Keyed.ObservedTotal);
                json.WriteStartArray("interactions");
                foreach (var n in c.InteractionNames)
                {
                    json.WriteStringValue(n);
                }

                json.WriteEndArray();
                Number(json, "estimation", c.Total);
                Number(json, "non_observes", c.Unseen);
                Number(json, "borne_basse", c.Interval.Lower);
                Number(json, "borne_haute", c.Interval.Upper);
                Number(json, "ecart_type_taux", c.KeyRateStandardError);
                if (report.Retained is MseEstimate && c.ShiftPercent is { } shift)
                {
                    Number(json, "ecart_pct", shift);
                }
                else
                {
                    json.WriteNull("ecart_pct");
                }

                json.WriteNull("refus");
                break;
            default:
                json.WriteNull("estimation");
                json.WriteStartObject("refus");
                json.WriteString("code", correction.Refusal!.Code);
                json.WriteString("message", correction.Refusal.Message);
                json.WriteEndObject();
                break;
        }

        json.WriteEndObject();
    }

    /// <summary>A finite number (a negative zero and tiny negative roundings of zero as 0), null otherwise.</summary>
    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (!double.IsFinite(value))
        {
            json.WriteNull(name);
            return;
        }

        json.WriteNumber(name, Math.Abs(value) < 1e-9 ? 0 : value);
    }
}
