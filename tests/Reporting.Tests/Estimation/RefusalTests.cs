using Reporting.Estimation;

namespace Reporting.Tests.Estimation;

/// <summary>Data that cannot support an estimate get a reason, not a number.</summary>
public sealed class RefusalTests
{
    private static readonly string[] ThreeLists = ["A", "B", "C"];

    // Lists A and B never meet: no pattern has both.
    private static ListTable NoOverlapAB() => TestData.Table(
        ThreeLists, ("100", 40), ("010", 30), ("001", 50), ("101", 8), ("011", 6));

    [Fact]
    public void Interaction_between_lists_that_never_overlap_is_refused()
    {
        var table = NoOverlapAB();
        var model = ModelSpecParser.Parse("[1,2]", table.ListNames).Spec!;

        var refused = Assert.IsType<MseRefused>(MseEstimator.Estimate(table, model));

        Assert.Equal(RefusalReason.InteractionWithoutOverlap, refused.Refusal.Reason);
        Assert.Equal("interaction_without_overlap", refused.Refusal.Code);
        Assert.Contains("A:B", refused.Refusal.Message);
        Assert.Contains("aucune personne en commun", refused.Refusal.Message);
    }

    [Fact]
    public void Main_effects_are_fine_when_two_lists_never_overlap()
    {
        var e = Assert.IsType<MseEstimate>(MseEstimator.Estimate(NoOverlapAB(), ModelSpec.Independence));

        Assert.True(double.IsFinite(e.Total));
        Assert.True(e.Total > e.Observed);
    }

    [Fact]
    public void Sparsemse_policy_drops_the_cells_of_the_never_overlapping_pair()
    {
        var options = new MseOptions { EmptyOverlaps = EmptyOverlapPolicy.DropCells };
        var table = NoOverlapAB();

        var e = Assert.IsType<MseEstimate>(MseEstimator.Estimate(table, ModelSpec.WithInteractions([new ListPair(0, 1)]), options));

        Assert.Equal(new[] { new ListPair(0, 1) }, e.Fit.EmptyOverlapPairs);
        Assert.DoesNotContain(e.Cells, c => Patterns.ContainsPair(c.Pattern, new ListPair(0, 1)));
        // With A:B at −∞, C against (A or B) is a two-list Lincoln-Petersen: unseen = 50 · (40 + 30) / (8 + 6).
        Assert.Equal(50.0 * 70 / 14, e.Unseen, 1e-6);
    }

    [Fact]
    public void A_list_that_saw_nobody_is_refused()
    {
        var table = TestData.Table(ThreeLists, ("100", 40), ("010", 30), ("110", 12));

        var refused = Assert.IsType<MseRefused>(MseEstimator.Estimate(table, ModelSpec.Independence));

        Assert.Equal(RefusalReason.ListWithoutObservation, refused.Refusal.Reason);
        Assert.Contains("« C »", refused.Refusal.Message);
    }

    [Fact]
    public void An_empty_table_is_refused()
    {
        var table = TestData.Table(ThreeLists);

        var refused = Assert.IsType<MseRefused>(MseEstimator.Estimate(table, ModelSpec.Stepwise));

        Assert.Equal(RefusalReason.NoObservation, refused.Refusal.Reason);
    }

    [Fact]
    public void Interaction_of_two_lists_in_a_two_list_table_is_not_identifiable()
    {
        var table = TestData.Load("seber_2list.csv");

        var refused = Assert.IsType<MseRefused>(MseEstimator.Estimate(table, ModelSpec.WithInteractions([new ListPair(0, 1)])));

        Assert.Equal(RefusalReason.NotIdentifiable, refused.Refusal.Reason);
        Assert.Equal("not_identifiable", refused.Refusal.Code);
    }

    [Fact]
    public void No_mle_and_unseen_not_identifiable_on_the_face_is_refused()
    {
        // Nobody is on A alone: with B:C, cell 100 is driven to 0 and, on the other cells, the
        // intercept is B + C − B:C (see ExtendedMleTests for the case where the extended MLE estimates).
        var table = TestData.Table(ThreeLists, ("110", 20), ("111", 5), ("010", 60), ("011", 15), ("001", 45));

        var refused = Assert.IsType<MseRefused>(MseEstimator.Estimate(table, ModelSpec.WithInteractions([new ListPair(1, 2)])));

        Assert.Equal(RefusalReason.MleDoesNotExist, refused.Refusal.Reason);
        Assert.Contains("100", refused.Refusal.Message);
        Assert.Contains("n'est pas identifiable", refused.Refusal.Message);
    }

    [Fact]
    public void Existence_check_accepts_the_published_models()
    {
        var table = TestData.Load("ukdat_5.csv");
        var patterns = Enumerable.Range(1, table.PatternCount).ToArray();
        var counts = patterns.Select(p => (double)table.Count(p)).ToArray();
        var design = DesignMatrix.Create(patterns, table.ListCount, TestData.Terms("ukdat_5.csv", "LA:NG,NG:GP,PFNCA:GP,LA:PFNCA,GO:GP,NG:GO").Interactions);

        var check = MleExistence.Check(design, counts);

        Assert.True(check.Identifiable);
        Assert.True(check.MleExists);
    }
}
