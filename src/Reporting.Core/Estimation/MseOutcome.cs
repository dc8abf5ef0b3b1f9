using System.Collections.Immutable;

namespace Reporting.Estimation;

/// <summary>How bootstrap resamples are drawn.</summary>
public enum BootstrapScheme
{
    /// <summary>
    /// Default. The n observed individuals resampled with replacement (multinomial on the observed
    /// patterns), the scheme of SparseMSE's <c>estimatepopulation</c>; with the BCa interval it
    /// reproduces SparseMSE's published bootstrap intervals.
    /// </summary>
    Multinomial,

    /// <summary>
    /// Each cell redrawn as Poisson(fitted value) of the selected model: zero cells get their small
    /// fitted mean instead of staying at zero, so resamples explore overlaps the data happened not to show.
    /// </summary>
    Parametric,
}

/// <summary>How the interval is read off the bootstrap distribution.</summary>
public enum BootstrapIntervalKind
{
    /// <summary>
    /// Bias-corrected and accelerated percentiles (DiCiccio &amp; Efron 1996), as SparseMSE's
    /// <c>estimatepopulation</c>: bias from the share of resamples below N̂, acceleration from a
    /// jackknife removing one individual of each observed pattern. Needed after stepwise selection,
    /// whose bootstrap distribution is strongly skewed to the right.
    /// </summary>
    Bca,

    /// <summary>Plain percentiles of the resampled estimates.</summary>
    Percentile,
}

/// <summary>Settings of the bootstrap.</summary>
/// <param name="Replicates">Number of resamples.</param>
/// <param name="Seed">Seed of <see cref="Random"/>; the same seed always gives the same interval.</param>
/// <param name="Scheme">How resamples are drawn.</param>
/// <param name="Interval">How the interval is read off the resampled estimates.</param>
public sealed record BootstrapOptions(
    int Replicates = 1000,
    int Seed = 1234,
    BootstrapScheme Scheme = BootstrapScheme.Multinomial,
    BootstrapIntervalKind Interval = BootstrapIntervalKind.Bca);

/// <summary>Settings of an estimation.</summary>
public sealed record MseOptions
{
    /// <summary>Defaults: p = 0.02, −∞ interactions refused in fixed models, 95 %, multinomial profile interval, no bootstrap.</summary>
    public static MseOptions Default { get; } = new();

    /// <summary>Threshold of the stepwise rule (SparseMSE default 0.02).</summary>
    public double StepwiseThreshold { get; init; } = StepwiseSelection.DefaultThreshold;

    /// <summary>What to do with interactions between lists that never overlap.</summary>
    public EmptyOverlapPolicy EmptyOverlaps { get; init; } = EmptyOverlapPolicy.RefuseInFixedModels;

    /// <summary>Confidence level of the intervals.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// Method of the model-based interval <see cref="MseEstimate.Interval"/>. Default: the multinomial
    /// profile likelihood of N (Rcapture), which accounts for the randomness of the unseen count itself.
    /// <see cref="IntervalMethod.Bootstrap"/> is not a model-based method: set <see cref="Bootstrap"/>
    /// for it (the model-based interval then falls back to the default).
    /// </summary>
    public IntervalMethod IntervalMethod { get; init; } = IntervalMethod.MultinomialProfile;

    /// <summary>Bootstrap settings, or null for no bootstrap.</summary>
    public BootstrapOptions? Bootstrap { get; init; }
}

/// <summary>A fitted cell: pattern, observed and fitted counts.</summary>
public readonly record struct CellFit(int Pattern, long Observed, double Fitted);

/// <summary>Bootstrap result.</summary>
/// <param name="Interval">Percentile interval of the resampled estimates.</param>
/// <param name="Options">Settings used.</param>
/// <param name="Estimates">N̂ of every resample that could be estimated, in draw order.</param>
/// <param name="Refused">Resamples on which the estimation was refused (left out of the interval).</param>
/// <param name="BiasCorrection">z₀ of BCa, Φ⁻¹(share of resamples below N̂); 0 for plain percentiles.</param>
/// <param name="Acceleration">a of BCa from the jackknife; 0 for plain percentiles.</param>
public sealed record BootstrapResult(
    ConfidenceInterval Interval,
    BootstrapOptions Options,
    ImmutableArray<double> Estimates,
    int Refused,
    double BiasCorrection,
    double Acceleration);

/// <summary>Outcome of an estimation: <see cref="MseEstimate"/> or <see cref="MseRefused"/>.</summary>
/// <param name="Table">The data.</param>
/// <param name="RequestedModel">Model requested.</param>
/// <param name="Options">Settings used.</param>
/// <param name="StepwiseSteps">Additions made by the stepwise rule, in order (empty otherwise).</param>
public abstract record MseOutcome(
    ListTable Table,
    ModelSpec RequestedModel,
    MseOptions Options,
    ImmutableArray<StepwiseStep> StepwiseSteps);

/// <summary>The data cannot support an estimate under the requested model; says why.</summary>
public sealed record MseRefused(
    ListTable Table,
    ModelSpec RequestedModel,
    MseOptions Options,
    ImmutableArray<StepwiseStep> StepwiseSteps,
    Refusal Refusal)
    : MseOutcome(Table, RequestedModel, Options, StepwiseSteps);

/// <summary>An estimate of the total population N.</summary>
public sealed record MseEstimate(
    ListTable Table,
    ModelSpec RequestedModel,
    MseOptions Options,
    ImmutableArray<StepwiseStep> StepwiseSteps,
    LogLinearFit Fit,
    ConfidenceInterval Interval,
    BootstrapResult? Bootstrap)
    : MseOutcome(Table, RequestedModel, Options, StepwiseSteps)
{
    /// <summary>n, individuals seen on at least one list.</summary>
    public long Observed => Table.ObservedTotal;

    /// <summary>Estimated unseen, exp(β₀).</summary>
    public double Unseen => Fit.Unseen;

    /// <summary>N̂ = n + exp(β₀).</summary>
    public double Total => Fit.Total;

    /// <summary>Interactions of the final model (−∞ ones included), in order of addition (stepwise) or as requested.</summary>
    public ImmutableArray<ListPair> Interactions => Fit.ModelInteractions;

    /// <summary>Names of <see cref="Interactions"/>, e.g. "LA:NG".</summary>
    public ImmutableArray<string> InteractionNames => [.. Interactions.Select(p => p.Name(Table.ListNames))];

    /// <summary>Standard error of N̂ (Rcapture's formula, see <see cref="LogLinearFit.StandardError"/>).</summary>
    public double StandardError => Fit.StandardError;

    /// <summary>Deviance of the fit.</summary>
    public double Deviance => Fit.Glm.Deviance;

    /// <summary>Residual degrees of freedom.</summary>
    public int DegreesOfFreedom => Fit.DegreesOfFreedom;

    /// <summary>AIC = −2 ln L + 2k (see <see cref="LogLinearFit.Aic"/>).</summary>
    public double Aic => Fit.Aic;

    /// <summary>BIC = −2 ln L + k ln n (see <see cref="LogLinearFit.Bic"/>).</summary>
    public double Bic => Fit.Bic;

    /// <summary>Observed and fitted counts of every cell in the fit.</summary>
    public ImmutableArray<CellFit> Cells =>
        [.. Enumerable.Range(0, Fit.Design.RowCount)
            .Select(r => new CellFit(Fit.Design.Patterns[r], Table.Count(Fit.Design.Patterns[r]), Fit.Glm.Fitted[r]))];
}
