using Reporting.Estimation;

namespace Reporting.Tests.Estimation;

/// <summary>
/// The extended MLE of Fienberg &amp; Rinaldo (2012): when a zero margin of the model drives cells to 0,
/// they are fixed at 0 and dropped, the model is fitted where the MLE exists, and the unseen count is
/// given when it is still identifiable; otherwise a refusal names the margin.
/// </summary>
public sealed class ExtendedMleTests
{
    private static readonly string[] ThreeLists = ["A", "B", "C"];

    // Everyone on A is also on B: the A×B margin is zero at (A=1, B=0), so with A:B in the model the
    // cells 100 and 101 are driven to 0 (β_A → −∞, β_AB → +∞). On the remaining cells {010, 001, 011,
    // 110, 111} the columns A and A:B coincide (γ = β_A + β_AB), and writing u = e^β₀, x = e^β_B,
    // y = e^β_C, g = e^γ the likelihood equations (fitted = observed on every sufficient margin) read
    //   total:  u·(x(1+y)(1+g) + y) = n          B margin: u·x(1+y)(1+g) = n_B
    //   C margin: u·y·(1 + x(1+g)) = n_C          A margin: u·g·x(1+y) = n_A.
    // Total − B margin: u·y = n_001. C margin − that: u·x·y(1+g) = n_011 + n_111 = n_BC.
    // B margin − that: u·x(1+g) = n_010 + n_110 = n_B¬C. So y = n_BC / n_B¬C and
    //   unseen = u = n_001 · n_B¬C / n_BC,
    // Lincoln-Petersen of C against B: A, inside B, adds nothing. Fitted values: m_110 = n_A/(1+y).
    private static ListTable AInsideB(long n011) => TestData.Table(
        ThreeLists, ("110", 20), ("111", 5), ("010", 60), ("011", n011), ("001", 45));

    [Fact]
    public void A_zero_two_way_margin_gets_the_extended_mle_computed_by_hand()
    {
        var table = AInsideB(35);
        var model = ModelSpecParser.Parse("A:B", table.ListNames).Spec!;

        var e = Assert.IsType<MseEstimate>(MseEstimator.Estimate(table, model));

        // n_001 = 45, n_B¬C = 60 + 20 = 80, n_BC = 35 + 5 = 40: unseen = 45 · 80 / 40 = 90, N̂ = 165 + 90.
        Assert.Equal(90.0, e.Unseen, 1e-6);
        Assert.Equal(255.0, e.Total, 1e-6);
        Assert.True(e.Fit.IsExtendedMle);
        Assert.Equal(new[] { 0b001, 0b101 }, e.Fit.ZeroFittedCells.Order());
        Assert.DoesNotContain(e.Fit.Design.Patterns, p => p is 0b001 or 0b101);
        Assert.Equal(new[] { new ListPair(0, 1) }, e.Fit.ModelInteractions);
        Assert.Empty(e.Fit.Interactions); // A:B coincides with A on the face
        // y = 40/80 = 1/2: m_110 = 25 / (3/2) = 50/3, m_010 = 80 − 50/3 = 190/3; 5 cells, 4 parameters.
        Assert.Equal(50.0 / 3, Fitted(e.Fit, 0b011), 1e-6);
        Assert.Equal(190.0 / 3, Fitted(e.Fit, 0b010), 1e-6);
        Assert.Equal(45.0, Fitted(e.Fit, 0b100), 1e-6);
        Assert.Equal(1, e.Fit.DegreesOfFreedom);
        Assert.True(e.Interval.Lower < e.Total && e.Total < e.Interval.Upper);
    }

    [Fact]
    public void The_former_refusal_of_a_list_inside_another_is_now_an_estimate()
    {
        // The table RefusalTests refused before the extended MLE: unseen = 45 · 80 / 20 = 180.
        var table = AInsideB(15);

        var e = Assert.IsType<MseEstimate>(MseEstimator.Estimate(table, ModelSpec.WithInteractions([new ListPair(0, 1)])));

        Assert.Equal(180.0, e.Unseen, 1e-6);
    }

    [Fact]
    public void The_estimate_says_it_is_the_extended_mle()
    {
        var table = AInsideB(35);

        var text = string.Join("\n", MseReportFormatter.Format(MseReport.Build(table, ModelSpec.WithInteractions([new ListPair(0, 1)]))));

        Assert.Contains("étendu (Fienberg et Rinaldo, 2012)", text);
        Assert.Contains("100, 101", text);
        string json = MseReportJson.Write(MseReport.Build(table, ModelSpec.WithInteractions([new ListPair(0, 1)])));
        Assert.Contains("\"cellules_fixees_a_zero\": [", json);
    }

    [Fact]
    public void Unseen_not_identifiable_on_the_face_is_refused_naming_the_margin()
    {
        // Two lists that never meet: the independence model drives cell 11 to 0 and, on {10, 01}, the
        // intercept equals β_A + β_B: the unseen count is not identifiable.
        var table = TestData.Table(["A", "B"], ("10", 30), ("01", 40));

        var refused = Assert.IsType<MseRefused>(MseEstimator.Estimate(table, ModelSpec.Independence));

        Assert.Equal(RefusalReason.MleDoesNotExist, refused.Refusal.Reason);
        Assert.Contains("n'est pas identifiable", refused.Refusal.Message);
        Assert.Contains("marge nulle (A=1, B=1)", refused.Refusal.Message);
    }

    [Fact]
    public void Stepwise_keeps_the_strict_existence_check()
    {
        // Stepwise never adds a term whose MLE does not exist (SparseMSE's rule): same table, the
        // selected model has no A:B and no cell is fixed at 0.
        var e = Assert.IsType<MseEstimate>(MseEstimator.Estimate(AInsideB(35), ModelSpec.Stepwise));

        Assert.False(e.Fit.IsExtendedMle);
        Assert.DoesNotContain(new ListPair(0, 1), e.Fit.ModelInteractions);
    }

    private static double Fitted(LogLinearFit fit, int pattern) =>
        fit.Glm.Fitted[fit.Design.Patterns.IndexOf(pattern)];
}
