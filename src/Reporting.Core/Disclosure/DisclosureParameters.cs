namespace Reporting.Disclosure;

/// <summary>
/// Parameters of the secret statistique (outputs.md, "Secret statistique").
/// </summary>
public sealed record DisclosureParameters
{
    public DisclosureParameters(int threshold = 11, int protectionRange = 3, bool intruderKnowsSecondaryIsLarge = false)
    {
        // Threshold 1 is legal and hides nothing (no count lies in 1..0).
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        // A range of at least one is what "not pinned down" means for every hidden cell.
        ArgumentOutOfRangeException.ThrowIfLessThan(protectionRange, 1);
        Threshold = threshold;
        ProtectionRange = protectionRange;
        IntruderKnowsSecondaryIsLarge = intruderKnowsSecondaryIsLarge;
    }

    public static DisclosureParameters Default { get; } = new();

    /// <summary>A count from 1 to Threshold − 1 below the national level is primary-hidden. Default 11.</summary>
    public int Threshold { get; }

    /// <summary>Minimal width max − min of the feasible interval of every primary cell. Default 3.</summary>
    public int ProtectionRange { get; }

    /// <summary>
    /// Stronger intruder, off by default (the data contract grants only "hidden ≥ 1" and "primary ≤ threshold − 1").
    /// An intruder who knows which hidden cells are primary also knows that the others are secondary, hence
    /// ≥ threshold; when set, the audit and the suppression assume that knowledge too.
    /// </summary>
    public bool IntruderKnowsSecondaryIsLarge { get; }

    /// <summary>True when a sub-national count is hidden by the primary rule: 1 ≤ value ≤ threshold − 1.</summary>
    public bool IsPrimary(long value) => value >= 1 && value < Threshold;
}
