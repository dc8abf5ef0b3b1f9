using System.Collections.Immutable;
using Reporting.Estimation;

namespace Reporting.Tests.Estimation;

/// <summary>The linkage-error model and the capture-recapture estimator corrected for missing keys (issue 19).</summary>
public sealed class LinkageCorrectionTests
{
    private static readonly string[] Names = ["police", "ase", "sante"];

    [Fact]
    public void The_map_gives_each_history_its_key_patterns_with_the_products_of_the_key_rates()
    {
        var model = LinkageErrorModel.Complete(3).WithRates([0.9, 0.8, 0.7]);

        // Police+ASE+santé seen, keys on police and ASE only: 0.9 × 0.8 × (1 − 0.7).
        Assert.Equal(0.216, model.KeyPattern(0b011, 0b111), 12);
        // Police+ASE observed as police-only plus ASE-only: no key on either, 0.1 × 0.2.
        Assert.Equal(0.02, model.KeyPattern(0, 0b011), 12);
        // A key cannot be on a list that did not see the person.
        Assert.Equal(0.0, model.KeyPattern(0b100, 0b011));
        for (var h = 1; h < 8; h++)
        {
            Assert.Equal(1.0, Enumerable.Range(0, 8).Sum(k => model.KeyPattern(k, h)), 12);
        }
    }

    [Fact]
    public void The_keyed_records_are_the_overlaps_and_the_keyed_single_list_records()
    {
        // Police 100 persons of whom 90 keyed; 20 seen by police and ASE, 5 by all three (keyed, since only keys join).
        var observed = TestData.Table(Names, ("100", 70), ("010", 200), ("001", 50), ("110", 20), ("111", 5), ("011", 10));
        var model = LinkageErrorModel.Estimated([new ListKeyRate(95, 90), new ListKeyRate(235, 200), new ListKeyRate(65, 60)]);

        var keyed = model.KeyedRecords(observed)!;

        Assert.Equal(90 - 25, keyed.Count(0b001));
        Assert.Equal(200 - 35, keyed.Count(0b010));
        Assert.Equal(60 - 15, keyed.Count(0b100));
        Assert.Equal(20, keyed.Count(0b011));
        Assert.Equal(5, keyed.Count(0b111));
        // More keyed police persons than police persons: the counts contradict the table.
        Assert.Null(LinkageErrorModel.Estimated([new ListKeyRate(95, 96), new ListKeyRate(235, 200), new ListKeyRate(65, 60)]).KeyedRecords(observed));
    }

    [Theory]
    [InlineData("seber_2list.csv", "independence")]
    [InlineData("cormack2000_3.csv", "independence")]
    [InlineData("hiv.csv", "[1,2]")]
    [InlineData("ukdat_5.csv", "stepwise")]
    [InlineData("neworl.csv", "stepwise")]
    [InlineData("western.csv", "stepwise")]
    [InlineData("ukdat.csv", "stepwise")]
    public void With_complete_keys_the_corrected_estimate_is_the_uncorrected_one_exactly(string file, string terms)
    {
        var table = TestData.Load(file);
        var spec = terms switch
        {
            "independence" => ModelSpec.Independence,
            "stepwise" => ModelSpec.Stepwise,
            _ => TestData.Terms(file, terms),
        };
        var uncorrected = TestData.Estimate(file, spec);
        // Every record keyed: the rates are 1, whatever the counts.
        var allKeyed = LinkageErrorModel.Estimated([.. Enumerable.Range(0, table.ListCount).Select(s => new ListKeyRate(table.ListTotal(s), table.ListTotal(s)))]);

        var corrected = LinkageCorrection.Estimate(table, allKeyed, spec).Estimate!;

        Assert.False(corrected.Corrected);
        Assert.Equal(uncorrected.Total, corrected.Total);
        Assert.Equal(uncorrected.Interval, corrected.Interval);
        Assert.Equal(uncorrected.InteractionNames.ToArray(), corrected.InteractionNames.ToArray());
        Assert.Equal(0.0, corrected.ShiftPercent);
    }

    [Fact]
    public void Fitted_to_its_own_expectation_under_independence_the_corrected_estimator_gives_back_the_total()
    {
        // N = 1,000,000 persons, capture probabilities 0.1, 0.2, 0.3, keys present with 0.9, 0.8, 0.7.
        const double n = 1_000_000;
        double[] p = [0.1, 0.2, 0.3];
        double[] pi = [0.9, 0.8, 0.7];
        var (observed, model) = Expected(n, p, pi, (h, mu) => mu);

        var outcome = LinkageCorrection.Estimate(observed, model, ModelSpec.Independence);
        var e = outcome.Estimate ?? throw new InvalidOperationException(outcome.Refusal?.Message);

        Assert.True(e.Corrected);
        Assert.Equal(n, e.Total, n * 1e-5);
        // The uncorrected estimate takes the key-less halves of split persons for persons seen once: too high.
        Assert.True(e.UncorrectedTotal > n * 1.3, $"uncorrected {e.UncorrectedTotal}");
        // The unseen and a true history, recovered: N (1 − 0.1)(1 − 0.2)(1 − 0.3), and police+ASE only N 0.1 0.2 0.7.
        Assert.Equal(n * 0.9 * 0.8 * 0.7, e.Unseen, n * 1e-5);
        Assert.Equal(n * 0.1 * 0.2 * 0.7, e.TrueHistories[0b011], 1.0);
        Assert.True(e.Interval.Lower < n && n < e.Interval.Upper);
    }

    [Fact]
    public void A_dependence_between_two_lists_is_found_by_stepwise_on_the_keyed_records_and_the_total_recovered()
    {
        // Police and ASE see the same persons more often than chance: their interaction multiplies those histories by 3.
        const double n = 1_000_000;
        var (observed, model) = Expected(n, [0.1, 0.2, 0.3], [0.9, 0.8, 0.7], (h, mu) => (h & 0b011) == 0b011 ? 3 * mu : mu);

        var e = LinkageCorrection.Estimate(observed, model, ModelSpec.Stepwise).Estimate!;

        Assert.Equal(["police:ase"], e.InteractionNames.ToArray());
        var total = Enumerable.Range(0, 8).Sum(h => TrueMean(n, [0.1, 0.2, 0.3], h, (g, mu) => (g & 0b011) == 0b011 ? 3 * mu : mu));
        Assert.Equal(total, e.Total, total * 1e-5);
    }

    [Fact]
    public void A_list_without_any_key_is_refused_with_the_reason()
    {
        var observed = TestData.Table(Names, ("100", 70), ("010", 200), ("001", 50), ("110", 20), ("111", 5), ("011", 10));
        var model = LinkageErrorModel.Estimated([new ListKeyRate(95, 0), new ListKeyRate(235, 200), new ListKeyRate(65, 60)]);

        var outcome = LinkageCorrection.Estimate(observed, model, ModelSpec.Stepwise);

        Assert.Null(outcome.Estimate);
        Assert.Equal("key_rates_unusable", outcome.Refusal!.Code);
        Assert.Contains("aucune clé", outcome.Refusal.Message, StringComparison.Ordinal);
    }

    private static double TrueMean(double n, double[] p, int h, Func<int, double, double> dependence)
    {
        var mu = n;
        for (var s = 0; s < p.Length; s++)
        {
            mu *= (h & (1 << s)) != 0 ? p[s] : 1 - p[s];
        }

        return dependence(h, mu);
    }

    /// <summary>
    /// The observed table and key counts a population gives on average: true histories μ_h (independent lists times
    /// <paramref name="dependence"/>), keys by the map, rounded to whole persons (N is large enough for it not to matter).
    /// </summary>
    private static (ListTable Observed, LinkageErrorModel Model) Expected(double n, double[] p, double[] pi, Func<int, double, double> dependence)
    {
        var map = LinkageErrorModel.Complete(3).WithRates(pi);
        var records = new double[8];
        var persons = new double[3];
        var keyedPersons = new double[3];
        for (var h = 1; h < 8; h++)
        {
            var mu = TrueMean(n, p, h, dependence);
            for (var k = 0; k < 8; k++)
            {
                var share = mu * map.KeyPattern(k, h);
                records[k] += k == 0 ? 0 : share;
                for (var s = 0; s < 3; s++)
                {
                    if ((h & (1 << s)) == 0)
                    {
                        continue;
                    }

                    persons[s] += share;
                    keyedPersons[s] += (k & (1 << s)) != 0 ? share : 0;

                    // A list of the history without a key: a key-less record of its own.
                    records[1 << s] += (k & (1 << s)) == 0 ? share : 0;
                }
            }
        }

        var counts = records.Select(r => (long)Math.Round(r)).ToArray();
        counts[0] = 0;
        var observed = ListTable.Create(Names, counts);
        var lists = Enumerable.Range(0, 3).Select(s => new ListKeyRate(observed.ListTotal(s), (long)Math.Round(keyedPersons[s]))).ToImmutableArray();
        return (observed, LinkageErrorModel.Estimated(lists));
    }
}
