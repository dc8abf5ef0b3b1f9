using System.Collections.Immutable;

namespace Reporting.Estimation;

/// <summary>
/// EM for the log-linear model of true histories observed through <see cref="LinkageErrorModel"/>. E-step: each keyed
/// record of pattern K is split among the histories h ⊇ K in proportion to μ_h P(K | h), and each history h gets
/// μ_h P(∅ | h) persons who left no keyed record; M-step: the Poisson log-linear fit of that completed table. The keyed
/// likelihood never decreases (Dempster, Laird &amp; Rubin 1977); with π = 1 the first E-step is the observed table
/// itself and the fit is the uncorrected one.
/// </summary>
internal static class CorrectedEm
{
    private const int MaxIterations = 20_000;

    // On β (log scale): 1e-9 is a relative 1e-9 on N̂, far below its printed precision, and above the noise of the M-step's
    // own Newton convergence (1e-10), which a tighter tolerance would chase.
    internal const double Tolerance = 1e-9;

    /// <summary>The retained true histories of a model: every non-empty pattern but those where two lists of a −∞ interaction meet.</summary>
    public static int[] RetainedHistories(int listCount, IReadOnlyList<ListPair> empty) =>
        [.. Enumerable.Range(1, (1 << listCount) - 1).Where(h => !empty.Any(pair => Patterns.ContainsPair(h, pair)))];

    /// <summary>Maximum keyed likelihood for the model (main effects + <paramref name="kept"/>); null if the EM fails numerically.</summary>
    public static CorrectedFit? Fit(ListTable keyed, LinkageErrorModel model, ImmutableArray<ListPair> all, ImmutableArray<ListPair> kept, ImmutableArray<ListPair> empty)
    {
        var patterns = RetainedHistories(keyed.ListCount, empty);
        var design = DesignMatrix.Create(patterns, keyed.ListCount, kept);
        var k = keyed.CountsByPattern;

        // Start from the inverse-probability table k_h / P(h | h): right on average for the overlaps, low for the singles.
        var y = new double[patterns.Length];
        for (var r = 0; r < patterns.Length; r++)
        {
            y[r] = k[patterns[r]] / model.KeyPattern(patterns[r], patterns[r]);
        }

        var glm = PoissonGlm.Fit(design, y);
        var m = new double[k.Length];
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            // An M-step whose Newton iterations stall on rounding near the optimum still raised the likelihood (a
            // generalised EM): only a non-finite fit stops.
            if (glm.Coefficients.Any(b => !double.IsFinite(b)))
            {
                return null;
            }

            ExpectedKeyed(model, patterns, glm.Fitted, m);
            Complete(model, patterns, glm.Fitted, k, m, y, unseenCount: 0, keyless: null);
            var next = PoissonGlm.Fit(design, y, glm.Coefficients);
            var change = 0.0;
            for (var c = 0; c < next.Coefficients.Length; c++)
            {
                change = Math.Max(change, Math.Abs(next.Coefficients[c] - glm.Coefficients[c]));
            }

            glm = next;
            if (change < Tolerance)
            {
                ExpectedKeyed(model, patterns, glm.Fitted, m);
                var withInverse = PoissonGlm.Fit(design, y, glm.Coefficients, computeInverseInformation: true);
                return new CorrectedFit(all, design, [.. y], withInverse, [.. m], iteration);
            }
        }

        return null;
    }

    /// <summary>m_K = Σ_{h⊇K} μ_h P(K | h) over the retained histories (index 0: the keyless, m_∅, without the unseen).</summary>
    public static void ExpectedKeyed(LinkageErrorModel model, int[] patterns, IReadOnlyList<double> mu, double[] m)
    {
        Array.Clear(m);
        for (var r = 0; r < patterns.Length; r++)
        {
            var h = patterns[r];
            // Every K ⊆ h: enumerate the submasks of h.
            for (var sub = h; ; sub = (sub - 1) & h)
            {
                m[sub] += mu[r] * model.KeyPattern(sub, h);
                if (sub == 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The E-step: y_h = Σ_{∅≠K⊆h} k_K μ_h P(K | h) / m_K, plus the persons of h without any keyed record: μ_h P(∅ | h)
    /// (Poisson fit, <paramref name="keyless"/> null), or their known number n_∅ shared in proportion to μ_h P(∅ | h)
    /// among the histories and the unseen (the profile's multinomial, <paramref name="keyless"/> = n_∅ and
    /// <paramref name="unseenCount"/> the unseen's μ₀; the unseen's share is returned).
    /// </summary>
    public static double Complete(LinkageErrorModel model, int[] patterns, IReadOnlyList<double> mu, IReadOnlyList<long> k, double[] m, double[] y, double unseenCount, double? keyless)
    {
        var keylessScale = keyless is { } n ? n / (m[0] + unseenCount) : 1.0;
        for (var r = 0; r < patterns.Length; r++)
        {
            var h = patterns[r];
            var value = mu[r] * model.KeyPattern(0, h) * keylessScale;
            for (var sub = h; sub != 0; sub = (sub - 1) & h)
            {
                if (k[sub] > 0)
                {
                    value += k[sub] * mu[r] * model.KeyPattern(sub, h) / m[sub];
                }
            }

            y[r] = value;
        }

        return unseenCount * keylessScale;
    }
}
