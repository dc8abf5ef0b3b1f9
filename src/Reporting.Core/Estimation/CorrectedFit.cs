using System.Collections.Immutable;

namespace Reporting.Estimation;

/// <summary>
/// The log-linear model of the true capture histories fitted through the linkage-error map to the keyed records
/// (<see cref="LinkageErrorModel"/>): the maximum of Σ_K [k_K ln m_K − m_K], m_K = Σ_{h⊇K} μ_h P(K | h), found by EM
/// over the unobserved splits (which true history each keyed record comes from, and how many persons of each history
/// left no keyed record at all).
/// </summary>
public sealed record CorrectedFit
{
    internal CorrectedFit(
        ImmutableArray<ListPair> modelInteractions,
        DesignMatrix design,
        ImmutableArray<double> trueHistories,
        GlmFit glm,
        ImmutableArray<double> expectedKeyed,
        int iterations)
    {
        ModelInteractions = modelInteractions;
        Design = design;
        TrueHistories = trueHistories;
        Glm = glm;
        ExpectedKeyed = expectedKeyed;
        Iterations = iterations;
    }

    /// <summary>Interactions of the model, −∞ ones included (their cells are absent from <see cref="Design"/>).</summary>
    public ImmutableArray<ListPair> ModelInteractions { get; }

    /// <summary>Design over the retained true histories (patterns 1..2^t − 1 but those of −∞ interactions).</summary>
    public DesignMatrix Design { get; }

    /// <summary>The true-history table as the last E-step completed it, in design row order.</summary>
    public ImmutableArray<double> TrueHistories { get; }

    /// <summary>The M-step's Poisson fit at convergence: μ_h and β.</summary>
    public GlmFit Glm { get; }

    /// <summary>m_K, the expected keyed records of each pattern K (index 0 unused).</summary>
    public ImmutableArray<double> ExpectedKeyed { get; }

    public int Iterations { get; }

    /// <summary>μ̂₀ = exp(β₀), the persons no list saw.</summary>
    public double Unseen => Math.Exp(Glm.Coefficients[0]);

    /// <summary>N̂ = Σ_h μ̂_h over every true history, the unseen included.</summary>
    public double Total => Glm.Fitted.Sum() + Unseen;

    /// <summary>Expected keyed records containing both lists of <paramref name="pair"/> (the stepwise rule's expected overlap).</summary>
    public double ExpectedOverlap(ListPair pair)
    {
        double sum = 0;
        for (var k = 1; k < ExpectedKeyed.Length; k++)
        {
            if (Patterns.ContainsPair(k, pair))
            {
                sum += ExpectedKeyed[k];
            }
        }

        return sum;
    }
}
