using System.Collections.Immutable;

namespace Reporting.Estimation;

/// <summary>Which model of the candidate table a row is.</summary>
public enum CandidateKind
{
    Independence,
    OneInteraction,
    Stepwise,
    AllInteractions,
    Requested,
}

/// <summary>A row of the table of candidate models: the model and its estimate (or why it has none).</summary>
public sealed record CandidateModel(CandidateKind Kind, ModelSpec Spec, MseOutcome Outcome, bool Retained)
{
    public string Name(IReadOnlyList<string> listNames) => Kind switch
    {
        CandidateKind.Independence => "indépendance",
        CandidateKind.Stepwise => "pas à pas",
        CandidateKind.AllInteractions => "toutes les interactions",
        _ => Spec.Describe(listNames),
    };
}

/// <summary>
/// What <c>reporting estimate</c> reports, laid out as statisticians read Rcapture's <c>closedp</c>: the table of candidate
/// models (independence, each two-list interaction, the stepwise choice, every two-list interaction at once when it is
/// identifiable) with their estimates, intervals, deviances, degrees of freedom, AIC and BIC; the model retained and why;
/// the stepwise trace with the rejected terms; the warnings. The retained model is the one requested (stepwise by
/// default), with its bootstrap when asked. Given the lists' key rates, the same model corrected for missing linkage keys
/// (<see cref="LinkageCorrection"/>) beside it.
/// </summary>
public sealed record MseReport(
    ListTable Table,
    MseOutcome Retained,
    ImmutableArray<CandidateModel> Candidates,
    ImmutableArray<StepRound> Trace,
    ImmutableArray<string> Warnings)
{
    public static MseReport Build(ListTable table, ModelSpec requested, MseOptions? options = null, LinkageErrorModel? keys = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(requested);
        options ??= MseOptions.Default;
        var retained = MseEstimator.Estimate(table, requested, options);
        // The other rows are fitted without the bootstrap: it is asked for the retained model only.
        var plain = options with { Bootstrap = null };
        var rows = new List<CandidateModel>();

        void Add(CandidateKind kind, ModelSpec spec)
        {
            var isRetained = spec.Equals(requested);
            if (rows.Any(r => r.Spec.Equals(spec)))
            {
                return;
            }

            rows.Add(new CandidateModel(kind, spec, isRetained ? retained : MseEstimator.Estimate(table, spec, plain), isRetained));
        }

        Add(CandidateKind.Independence, ModelSpec.Independence);
        foreach (var pair in ListPair.All(table.ListCount))
        {
            Add(CandidateKind.OneInteraction, ModelSpec.WithInteractions([pair]));
        }

        Add(CandidateKind.Stepwise, ModelSpec.Stepwise);
        var all = ModelSpec.WithInteractions(ListPair.All(table.ListCount));
        if (table.PatternCount - 1 - table.ListCount - all.Interactions.Length >= 0)
        {
            Add(CandidateKind.AllInteractions, all);
        }

        Add(CandidateKind.Requested, requested);
        var trace = requested.Selection == ModelSelection.Stepwise ? StepwiseTrace.Replay(table, options) : [];
        return new MseReport(table, retained, [.. rows], trace, Warn(table, retained))
        {
            KeyRates = keys,
            Correction = keys is null ? null : LinkageCorrection.Estimate(table, keys, requested, plain),
        };
    }

    /// <summary>The requested model corrected for missing linkage keys, when key rates were given.</summary>
    public CorrectedOutcome? Correction { get; init; }

    /// <summary>The lists' key rates the correction used (keyed records and records per list).</summary>
    public LinkageErrorModel? KeyRates { get; init; }

    /// <summary>The stepwise row as fitted: its interactions, which the row's spec (the rule) does not list.</summary>
    public CandidateModel? StepwiseRow => Candidates.FirstOrDefault(c => c.Spec.Selection == ModelSelection.Stepwise);

    private static ImmutableArray<string> Warn(ListTable table, MseOutcome retained)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (table.ListCount == 2)
        {
            warnings.Add("deux listes seulement : le modèle d'indépendance a 0 degré de liberté, l'indépendance des deux listes ne peut pas "
                + "être testée et l'estimation repose entièrement sur elle ; une dépendance positive entre les listes (une personne vue par "
                + "l'une a plus de chances d'être vue par l'autre) ferait sous-estimer le total");
        }

        if (retained is MseEstimate { DegreesOfFreedom: 0 } e && table.ListCount > 2)
        {
            warnings.Add($"le modèle retenu a 0 degré de liberté ({e.Interactions.Length} interactions) : il reproduit exactement les "
                + "données, son ajustement ne peut pas être évalué");
        }

        if (retained is MseEstimate { Fit.EmptyOverlapPairs.IsEmpty: false } empty)
        {
            warnings.Add("des listes sans personne en commun entrent dans le modèle par une interaction −∞ (cellules retirées) : "
                + "l'estimation suppose que ces listes ne peuvent pas se recouper");
        }

        return warnings.ToImmutable();
    }
}
