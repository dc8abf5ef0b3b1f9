namespace Reporting.Estimation;

/// <summary>Why the data cannot support an estimate. Stable names: see <see cref="RefusalCodes.ToCode"/>.</summary>
public enum RefusalReason
{
    /// <summary>Nobody was seen on any list.</summary>
    NoObservation,

    /// <summary>At least one list saw nobody: its main effect is −∞ and the table says nothing about it.</summary>
    ListWithoutObservation,

    /// <summary>
    /// The model has an interaction between two lists that never overlap, which the
    /// <see cref="EmptyOverlapPolicy"/> in force does not accept.
    /// </summary>
    InteractionWithoutOverlap,

    /// <summary>The design over the retained cells is rank-deficient: several parameter values fit equally well.</summary>
    NotIdentifiable,

    /// <summary>The likelihood has no maximum (Fienberg &amp; Rinaldo 2012): some zero cells would need a fitted value of 0.</summary>
    MleDoesNotExist,

    /// <summary>Newton's method did not converge.</summary>
    FitDidNotConverge,

    /// <summary>The key rates cannot correct the table: a list without any key, or keyed counts that contradict the table.</summary>
    KeyRatesUnusable,
}

/// <summary>A refusal: the machine-readable reason and an explanation in French for the user.</summary>
public sealed record Refusal(RefusalReason Reason, string Message)
{
    /// <summary>Stable snake_case code, e.g. <c>list_without_observation</c>.</summary>
    public string Code => Reason.ToCode();
}

/// <summary>Stable text codes of <see cref="RefusalReason"/> (for logs and machine-readable outputs).</summary>
public static class RefusalCodes
{
    /// <summary>snake_case code of the reason; never changes once published.</summary>
    public static string ToCode(this RefusalReason reason) => reason switch
    {
        RefusalReason.NoObservation => "no_observation",
        RefusalReason.ListWithoutObservation => "list_without_observation",
        RefusalReason.InteractionWithoutOverlap => "interaction_without_overlap",
        RefusalReason.NotIdentifiable => "not_identifiable",
        RefusalReason.MleDoesNotExist => "mle_does_not_exist",
        RefusalReason.FitDidNotConverge => "fit_did_not_converge",
        RefusalReason.KeyRatesUnusable => "key_rates_unusable",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}

/// <summary>What to do with an interaction between two lists that have no individual in common.</summary>
/// <remarks>
/// Such an interaction is −∞: every cell where the two lists meet has probability 0 and is removed
/// from the fit (SparseMSE's <c>buildmodel</c>, Chan, Silverman &amp; Vincent 2021). The estimate then
/// leans on the other lists and on the untestable assumption that these two lists can never meet.
/// </remarks>
public enum EmptyOverlapPolicy
{
    /// <summary>
    /// Default. A model given explicitly by the user is refused if it contains such an interaction
    /// (the user should be told, not silently given a figure resting on that assumption), while the
    /// stepwise rule behaves exactly as SparseMSE: it may add such a pair, cells removed, when the
    /// existence and identifiability checks pass. This is what reproduces SparseMSE's published
    /// bootstrap intervals, where resamples often lose a small overlap.
    /// </summary>
    RefuseInFixedModels,

    /// <summary>Never: explicit models with such a term are refused and stepwise never adds one.</summary>
    Refuse,

    /// <summary>Always SparseMSE's behaviour, for explicit models too.</summary>
    DropCells,
}

/// <summary>Resolution of <see cref="EmptyOverlapPolicy"/> for a kind of model.</summary>
public static class EmptyOverlapPolicies
{
    /// <summary>True when −∞ interactions (cells removed) are accepted for models chosen by <paramref name="selection"/>.</summary>
    public static bool AllowsFor(this EmptyOverlapPolicy policy, ModelSelection selection) => policy switch
    {
        EmptyOverlapPolicy.DropCells => true,
        EmptyOverlapPolicy.Refuse => false,
        _ => selection == ModelSelection.Stepwise,
    };
}
