namespace Reporting.Disclosure;

/// <summary>
/// Exact bounded-variable primal simplex over rationals: min or max of one variable subject to A x = b,
/// lo ≤ x ≤ hi (finite bounds). Used as an independent second method for the audit
/// (<see cref="BoundMethod.Simplex"/>), to cross-check <see cref="NetworkBounds"/>.
/// <para>Phase 1 starts from every structural variable at its lower bound and one artificial per row, and
/// minimises the sum of the artificials; artificials that leave the basis never come back, those stuck at
/// zero in redundant rows are fixed to zero. Phase 2 then optimises each objective from the previous optimal
/// basis (still feasible, only the costs change).</para>
/// <para>Termination: Bland's rule — the entering variable is the eligible one of smallest index, and ties
/// in the ratio test go to the blocking variable of smallest index (a bound flip of the entering variable
/// counts with its own index). With exact arithmetic this rule cannot cycle, bounded variables included.
/// An iteration cap guards against an implementation error, never against the method.</para>
/// </summary>
internal sealed class BoundedSimplex
{
    private const int IterationCap = 1_000_000;

    private readonly int structural;
    private readonly int columns;
    private readonly Rational[][] tableau;
    private readonly int[] basis;
    private readonly bool[] isBasic;
    private readonly bool[] atUpper;
    private readonly bool[] excluded;
    private readonly Rational[] lo;
    private readonly Rational[] hi;
    private readonly bool[] hasUpper;
    private readonly Rational[] basicValue;
    private readonly List<int> costedRows = [];
    private readonly List<int> nonZero = [];

    public BoundedSimplex(long[][] a, long[] b, long[] lower, long[] upper)
    {
        var rows = b.Length;
        structural = lower.Length;
        columns = structural + rows;
        tableau = new Rational[rows][];
        basis = new int[rows];
        isBasic = new bool[columns];
        atUpper = new bool[columns];
        excluded = new bool[columns];
        lo = new Rational[columns];
        hi = new Rational[columns];
        hasUpper = new bool[columns];
        basicValue = new Rational[rows];

        for (var j = 0; j < structural; j++)
        {
            lo[j] = lower[j];
            hi[j] = upper[j];
            hasUpper[j] = true;
            if (lower[j] > upper[j])
            {
                IsFeasible = false;
                return;
            }
        }

        for (var i = 0; i < rows; i++)
        {
            // Residual of row i with every structural variable at its lower bound; the artificial of the row,
            // with coefficient sign(residual), takes |residual| so that the start is feasible for phase 1.
            long residual = b[i];
            for (var j = 0; j < structural; j++)
            {
                residual -= a[i][j] * lower[j];
            }

            var sign = residual >= 0 ? 1L : -1L;
            tableau[i] = new Rational[columns];
            for (var j = 0; j < structural; j++)
            {
                tableau[i][j] = sign * a[i][j];
            }

            tableau[i][structural + i] = 1L;
            basis[i] = structural + i;
            isBasic[structural + i] = true;
            basicValue[i] = Math.Abs(residual);
        }

        IsFeasible = PhaseOne();
    }

    public bool IsFeasible { get; }

    /// <summary>Optimal value of variable <paramref name="variable"/> (min or max). Requires a feasible system.</summary>
    public Rational Optimize(int variable, bool maximize)
    {
        if (!IsFeasible)
        {
            throw new InvalidOperationException("Infeasible system.");
        }

        var cost = new Rational[columns];
        cost[variable] = maximize ? -1L : 1L;
        Run(cost);
        return ValueOf(variable);
    }

    private bool PhaseOne()
    {
        var cost = new Rational[columns];
        for (var j = structural; j < columns; j++)
        {
            cost[j] = 1L;
        }

        Run(cost);
        for (var i = 0; i < basis.Length; i++)
        {
            if (basis[i] >= structural && basicValue[i].Sign > 0)
            {
                return false;
            }
        }

        for (var j = structural; j < columns; j++)
        {
            excluded[j] = true;
        }

        DriveOutArtificials();
        return true;
    }

    /// <summary>
    /// An artificial still basic after phase 1 is at zero: swap it for any structural column with a non-zero
    /// entry in its row (a degenerate pivot, no value changes); if none, the row is redundant and the
    /// artificial is fixed at zero.
    /// </summary>
    private void DriveOutArtificials()
    {
        for (var i = 0; i < basis.Length; i++)
        {
            if (basis[i] < structural)
            {
                continue;
            }

            var entering = Enumerable.Range(0, structural).FirstOrDefault(j => !isBasic[j] && !tableau[i][j].IsZero, -1);
            if (entering < 0)
            {
                lo[basis[i]] = Rational.Zero;
                hi[basis[i]] = Rational.Zero;
                hasUpper[basis[i]] = true;
                continue;
            }

            var value = ValueOf(entering);
            Pivot(i, entering);
            basicValue[i] = value;
        }
    }

    private void Run(Rational[] cost)
    {
        for (var iteration = 0; iteration < IterationCap; iteration++)
        {
            var entering = ChooseEntering(cost);
            if (entering < 0)
            {
                return;
            }

            Step(entering);
        }

        throw new InvalidOperationException("Simplex iteration cap reached: implementation error.");
    }

    /// <summary>Bland: smallest index whose move (up from lower, down from upper) lowers the cost.</summary>
    private int ChooseEntering(Rational[] cost)
    {
        // Only the rows whose basic variable has a cost contribute to a reduced cost (one row at most in phase 2).
        costedRows.Clear();
        for (var i = 0; i < basis.Length; i++)
        {
            if (!cost[basis[i]].IsZero)
            {
                costedRows.Add(i);
            }
        }

        for (var j = 0; j < columns; j++)
        {
            if (isBasic[j] || excluded[j] || (hasUpper[j] && lo[j] == hi[j]))
            {
                continue;
            }

            var reduced = cost[j];
            foreach (var i in costedRows)
            {
                if (!tableau[i][j].IsZero)
                {
                    reduced -= cost[basis[i]] * tableau[i][j];
                }
            }

            if ((reduced.Sign < 0 && !atUpper[j]) || (reduced.Sign > 0 && atUpper[j]))
            {
                return j;
            }
        }

        return -1;
    }

    private void Step(int entering)
    {
        // x_entering moves by direction·θ; basic i moves by rate_i·θ with rate_i = −direction·T[i][entering].
        var direction = atUpper[entering] ? -1L : 1L;
        Rational? best = hasUpper[entering] ? hi[entering] - lo[entering] : null;
        var bestRow = -1;
        var bestIndex = entering;
        for (var i = 0; i < basis.Length; i++)
        {
            var rate = direction * -tableau[i][entering];
            Rational limit;
            if (rate.Sign < 0)
            {
                limit = (basicValue[i] - lo[basis[i]]) / -rate;
            }
            else if (rate.Sign > 0 && hasUpper[basis[i]])
            {
                limit = (hi[basis[i]] - basicValue[i]) / rate;
            }
            else
            {
                continue;
            }

            if (best is null || limit < best.Value || (limit == best.Value && basis[i] < bestIndex))
            {
                best = limit;
                bestRow = i;
                bestIndex = basis[i];
            }
        }

        var theta = best ?? throw new InvalidOperationException("Unbounded direction: every variable should be boxed.");
        for (var i = 0; i < basis.Length; i++)
        {
            if (!tableau[i][entering].IsZero)
            {
                basicValue[i] += direction * -tableau[i][entering] * theta;
            }
        }

        if (bestRow < 0)
        {
            atUpper[entering] = !atUpper[entering];
            return;
        }

        var leaving = basis[bestRow];
        var leavingRate = direction * -tableau[bestRow][entering];
        var enteringValue = direction > 0 ? lo[entering] + theta : hi[entering] - theta;
        Pivot(bestRow, entering);
        atUpper[leaving] = leavingRate.Sign > 0;
        basicValue[bestRow] = enteringValue;
    }

    private void Pivot(int row, int entering)
    {
        var pivotRow = tableau[row];
        var pivot = pivotRow[entering];
        nonZero.Clear();
        for (var j = 0; j < columns; j++)
        {
            if (!pivotRow[j].IsZero)
            {
                pivotRow[j] /= pivot;
                nonZero.Add(j);
            }
        }

        for (var i = 0; i < tableau.Length; i++)
        {
            var factor = tableau[i][entering];
            if (i == row || factor.IsZero)
            {
                continue;
            }

            var target = tableau[i];
            foreach (var j in nonZero)
            {
                target[j] -= factor * pivotRow[j];
            }
        }

        isBasic[basis[row]] = false;
        basis[row] = entering;
        isBasic[entering] = true;
        atUpper[entering] = false;
    }

    private Rational ValueOf(int variable)
    {
        if (isBasic[variable])
        {
            return basicValue[Array.IndexOf(basis, variable)];
        }

        return atUpper[variable] ? hi[variable] : lo[variable];
    }
}
