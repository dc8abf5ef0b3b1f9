using System.Collections.Immutable;

namespace Reporting.Estimation;

/// <summary>
/// The capture-recapture estimate corrected for missing linkage keys (issue 19), beside the uncorrected one. With complete
/// keys every figure is the uncorrected estimate's.
/// </summary>
/// <param name="Table">the observed table: persons as linkage made them (a key-less record is a person of its own)</param>
/// <param name="Keyed">the keyed records by pattern, what the corrected model is fitted to</param>
/// <param name="Model">the key rates</param>
/// <param name="Steps">the stepwise additions, scored on the keyed records against the corrected fit</param>
/// <param name="Interactions">the model's interactions (−∞ ones included)</param>
/// <param name="Total">N̂ = Σ_h μ̂_h, the unseen included</param>
/// <param name="Interval">the 95 % interval: profile likelihood at the estimated key rates, widened for their uncertainty</param>
/// <param name="ConditionalInterval">the profile-likelihood interval as if the key rates were known</param>
/// <param name="KeyRateStandardError">the standard error of N̂ due to the key rates alone (delta method)</param>
/// <param name="TrueHistories">the estimated true-history table by pattern (index 0: the unseen)</param>
/// <param name="Uncorrected">the estimate that takes the observed table for the true one (refused or not)</param>
public sealed record CorrectedEstimate(
    ListTable Table,
    ListTable Keyed,
    LinkageErrorModel Model,
    ImmutableArray<StepwiseStep> Steps,
    ImmutableArray<ListPair> Interactions,
    double Total,
    ConfidenceInterval Interval,
    ConfidenceInterval ConditionalInterval,
    double KeyRateStandardError,
    ImmutableArray<double> TrueHistories,
    MseOutcome Uncorrected)
{
    /// <summary>Names of <see cref="Interactions"/>, e.g. "police:ase".</summary>
    public ImmutableArray<string> InteractionNames => [.. Interactions.Select(p => p.Name(Table.ListNames))];

    /// <summary>Whether a correction was made (some key missing).</summary>
    public bool Corrected => !Model.IsComplete;

    /// <summary>The persons no list saw, as estimated.</summary>
    public double Unseen => TrueHistories[0];

    /// <summary>The uncorrected N̂, when it exists.</summary>
    public double? UncorrectedTotal => (Uncorrected as MseEstimate)?.Total;

    /// <summary>How much the correction moved the estimate, in % of the uncorrected one.</summary>
    public double? ShiftPercent => UncorrectedTotal is { } u && u > 0 ? (Total - u) * 100 / u : null;
}

/// <summary>The corrected estimate, or why there is none.</summary>
public sealed record CorrectedOutcome(CorrectedEstimate? Estimate, Refusal? Refusal, MseOutcome Uncorrected);
