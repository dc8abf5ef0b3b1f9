using System.Collections.Immutable;
using MathNet.Numerics;

namespace Reporting.Estimation;

/// <summary>Result of one Poisson log-linear fit.</summary>
/// <param name="Coefficients">β, in the column order of the design (a fixed intercept is included at its fixed value).</param>
/// <param name="Fitted">Fitted means μ, one per row of the design.</param>
/// <param name="Deviance">2 Σ [y ln(y/μ) − (y − μ)] over the rows (y ln(y/μ) = 0 when y = 0).</param>
/// <param name="LogLikelihood">Full Poisson log-likelihood Σ [y ln μ − μ − ln y!], as R's <c>logLik.glm</c>.</param>
/// <param name="Converged">False when Newton did not settle within the iteration limit.</param>
/// <param name="Iterations">Newton iterations used.</param>
/// <param name="InverseInformation">(XᵀWX)⁻¹ row-major, when requested; empty otherwise.</param>
public sealed record GlmFit(
    ImmutableArray<double> Coefficients,
    ImmutableArray<double> Fitted,
    double Deviance,
    double LogLikelihood,
    bool Converged,
    int Iterations,
    ImmutableArray<double> InverseInformation);

/// <summary>
/// Poisson GLM with log link fitted by Newton's method (IRLS: for the canonical link Fisher scoring and
/// Newton coincide), with step-halving when the deviance rises, as R's <c>glm.fit</c> does.
/// </summary>
public static class PoissonGlm
{
    private const int MaxIterations = 200;

    // Convergence on the Newton step itself (log scale): 1e-10 on every coefficient means fitted
    // values accurate to about 1e-10 relative, far below the printed precision of any published figure.
    private const double StepTolerance = 1e-10;

    /// <summary>Fits y ~ X by maximum likelihood.</summary>
    /// <param name="design">Model matrix; rows are cells.</param>
    /// <param name="counts">Observed counts (may be non-integer: the profile likelihood treats the unseen count as continuous).</param>
    /// <param name="start">Warm start β (same length as the columns), or null to start from μ = y + 0.1 like R's poisson family.</param>
    /// <param name="fixedIntercept">When set, β₀ is held at this value and only the other coefficients are estimated.</param>
    /// <param name="computeInverseInformation">Also return (XᵀWX)⁻¹ at the optimum.</param>
    /// <exception cref="InvalidOperationException">The information matrix is singular (model not identifiable): callers check identifiability first.</exception>
    public static GlmFit Fit(
        DesignMatrix design,
        IReadOnlyList<double> counts,
        IReadOnlyList<double>? start = null,
        double? fixedIntercept = null,
        bool computeInverseInformation = false)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count != design.RowCount)
        {
            throw new ArgumentException("One count per row of the design is needed.", nameof(counts));
        }

        var state = new NewtonState(design, counts, fixedIntercept);
        if (start is not null)
        {
            state.SetCoefficients(start);
        }
        else
        {
            state.InitialiseFromCounts();
        }

        int iterations = 0;
        bool converged = false;
        while (!converged && iterations < MaxIterations)
        {
            iterations++;
            converged = state.Step();
        }

        var inverse = computeInverseInformation ? state.InverseInformation() : ImmutableArray<double>.Empty;
        return new GlmFit(
            state.Beta.ToImmutableArray(),
            state.Mu.ToImmutableArray(),
            Deviance(counts, state.Mu),
            LogLikelihood(counts, state.Mu),
            converged,
            iterations,
            inverse);
    }

    /// <summary>Poisson deviance 2 Σ [y ln(y/μ) − (y − μ)].</summary>
    public static double Deviance(IReadOnlyList<double> y, IReadOnlyList<double> mu)
    {
        double d = 0;
        for (int i = 0; i < y.Count; i++)
        {
            d += (y[i] > 0 ? y[i] * Math.Log(y[i] / mu[i]) : 0.0) - (y[i] - mu[i]);
        }

        return 2 * d;
    }

    /// <summary>Poisson log-likelihood Σ [y ln μ − μ − ln Γ(y + 1)].</summary>
    public static double LogLikelihood(IReadOnlyList<double> y, IReadOnlyList<double> mu)
    {
        double l = 0;
        for (int i = 0; i < y.Count; i++)
        {
            l += (y[i] > 0 ? y[i] * Math.Log(mu[i]) : 0.0) - mu[i] - SpecialFunctions.GammaLn(y[i] + 1);
        }

        return l;
    }

    /// <summary>Mutable working state of one Newton run, kept private to <see cref="Fit"/>.</summary>
    private sealed class NewtonState
    {
        private readonly DesignMatrix _x;
        private readonly IReadOnlyList<double> _y;
        private readonly int _first; // first estimated column: 1 when the intercept is fixed
        private double _deviance = double.PositiveInfinity;
        private bool _hasBeta;

        public NewtonState(DesignMatrix x, IReadOnlyList<double> y, double? fixedIntercept)
        {
            _x = x;
            _y = y;
            _first = fixedIntercept.HasValue ? 1 : 0;
            Beta = new double[x.ColumnCount];
            Beta[0] = fixedIntercept ?? 0.0;
            Mu = new double[x.RowCount];
            Eta = new double[x.RowCount];
        }

        public double[] Beta { get; }

        public double[] Mu { get; }

        private double[] Eta { get; }

        private int Free => _x.ColumnCount - _first;

        public void SetCoefficients(IReadOnlyList<double> start)
        {
            for (int c = _first; c < Beta.Length; c++)
            {
                Beta[c] = start[c];
            }

            UpdateMeans(Beta);
            _deviance = Deviance(_y, Mu);
            _hasBeta = true;
        }

        public void InitialiseFromCounts()
        {
            for (int r = 0; r < _x.RowCount; r++)
            {
                Mu[r] = _y[r] + 0.1;
                Eta[r] = Math.Log(Mu[r]);
            }
        }

        /// <summary>One Newton step with step-halving; true when the step was negligible.</summary>
        public bool Step()
        {
            var proposal = SolveWeightedLeastSquares();
            double change = MaxAbsDifference(proposal, Beta);
            if (!_hasBeta)
            {
                // First step from μ = y + 0.1: no previous coefficients to compare or halve towards.
                Array.Copy(proposal, Beta, Beta.Length);
                UpdateMeans(Beta);
                _deviance = Deviance(_y, Mu);
                _hasBeta = true;
                return false;
            }

            var previous = (double[])Beta.Clone();
            double newDeviance = TryCoefficients(proposal);
            for (int halving = 0; halving < 30 && !(newDeviance <= _deviance * (1 + 1e-12) + 1e-12); halving++)
            {
                for (int c = 0; c < proposal.Length; c++)
                {
                    proposal[c] = 0.5 * (proposal[c] + previous[c]);
                }

                newDeviance = TryCoefficients(proposal);
            }

            _deviance = newDeviance;
            return change < StepTolerance;
        }

        public ImmutableArray<double> InverseInformation()
        {
            var information = WeightedCrossProduct(out _);
            var cholesky = SymmetricSolver.Factor(information, Free);
            return cholesky.Inverse().ToImmutableArray();
        }

        private double TryCoefficients(double[] beta)
        {
            Array.Copy(beta, Beta, Beta.Length);
            UpdateMeans(Beta);
            double d = Deviance(_y, Mu);
            return double.IsFinite(d) ? d : double.PositiveInfinity;
        }

        private double[] SolveWeightedLeastSquares()
        {
            var information = WeightedCrossProduct(out var rhs);
            var solution = SymmetricSolver.Factor(information, Free).Solve(rhs);
            var beta = (double[])Beta.Clone();
            for (int c = 0; c < Free; c++)
            {
                beta[_first + c] = solution[c];
            }

            return beta;
        }

        /// <summary>XᵀWX over the free columns, and XᵀWz with the working response z = η − offset + (y − μ)/μ.</summary>
        private double[] WeightedCrossProduct(out double[] rhs)
        {
            int p = Free;
            var a = new double[p * p];
            rhs = new double[p];
            var row = new double[p];
            double offset0 = _first == 1 ? Beta[0] : 0.0;
            for (int r = 0; r < _x.RowCount; r++)
            {
                double w = Mu[r];
                double z = Eta[r] - offset0 + ((_y[r] - Mu[r]) / Mu[r]);
                for (int c = 0; c < p; c++)
                {
                    row[c] = _x[r, _first + c];
                }

                for (int i = 0; i < p; i++)
                {
                    if (row[i] == 0)
                    {
                        continue;
                    }

                    double wi = w * row[i];
                    rhs[i] += wi * z;
                    for (int j = 0; j <= i; j++)
                    {
                        a[(i * p) + j] += wi * row[j];
                    }
                }
            }

            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    a[(j * p) + i] = a[(i * p) + j];
                }
            }

            return a;
        }

        private void UpdateMeans(double[] beta)
        {
            for (int r = 0; r < _x.RowCount; r++)
            {
                Eta[r] = _x.Dot(r, beta);
                Mu[r] = Math.Exp(Eta[r]);
            }
        }

        private static double MaxAbsDifference(double[] a, double[] b)
        {
            double m = 0;
            for (int i = 0; i < a.Length; i++)
            {
                m = Math.Max(m, Math.Abs(a[i] - b[i]));
            }

            return m;
        }
    }
}
