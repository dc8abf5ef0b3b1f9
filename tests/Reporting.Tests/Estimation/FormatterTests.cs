using Reporting.Estimation;

namespace Reporting.Tests.Estimation;

public sealed class FormatterTests
{
    [Fact]
    public void Uk_five_lists_stepwise_report_shows_the_total_the_terms_and_the_fit()
    {
        var e = TestData.Estimate("ukdat_5.csv", ModelSpec.Stepwise);

        var lines = MseReportFormatter.Format(e);
        string text = string.Join("\n", lines);

        Assert.Contains("Estimation du total : 11313", lines);
        Assert.Contains("Personnes observées (n) : 2744", lines);
        Assert.Contains("Listes (5) : LA, NG, PFNCA, GO, GP", lines);
        Assert.Contains("Termes d'interaction : LA:NG, NG:GP, PFNCA:GP, LA:PFNCA, GO:GP, NG:GO", lines);
        Assert.Contains("seuil p = 0.02", text);
        Assert.Contains("Intervalle de confiance à 95 % : (", text);
        Assert.Contains("Déviance : ", text);
        Assert.Contains("degrés de liberté : 19", text);
        Assert.Contains("AIC : ", text);
        Assert.Equal(6, lines.Count(l => l.StartsWith("  étape ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Published_intervals_print_as_published()
    {
        var lines = MseReportFormatter.Format(TestData.Estimate("cormack2000_3.csv", ModelSpec.Independence));

        Assert.Contains(lines, l => l.StartsWith("Intervalle de confiance à 95 % : (203, 217)", StringComparison.Ordinal));
        Assert.Contains("Estimation du total : 209", lines);
    }

    [Fact]
    public void Numbers_ignore_the_current_culture()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        // The engine runs with invariant globalization (no ICU): a culture with a decimal comma is built by hand.
        var commaCulture = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        commaCulture.NumberFormat.NumberDecimalSeparator = ",";
        commaCulture.NumberFormat.NumberGroupSeparator = " ";
        Thread.CurrentThread.CurrentCulture = commaCulture;
        try
        {
            var lines = MseReportFormatter.Format(TestData.Estimate("hiv.csv", TestData.Terms("hiv.csv", "[1,2]")));
            Assert.Contains("Estimation du total : 12318", lines);
            Assert.Contains(lines, l => l.StartsWith("Non-observés estimés : 10422.47", StringComparison.Ordinal));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Bootstrap_line_says_how_it_was_obtained()
    {
        var options = new MseOptions { Bootstrap = new BootstrapOptions(50, 5) };

        var lines = MseReportFormatter.Format(TestData.Estimate("western.csv", ModelSpec.Stepwise, options));

        Assert.Contains(lines, l => l.StartsWith("Intervalle bootstrap à 95 % : (", StringComparison.Ordinal)
            && l.Contains("BCa") && l.Contains("50 tirages, graine 5") && l.Contains("sélection refaite"));
    }

    [Fact]
    public void A_refusal_prints_the_reason_and_its_code_instead_of_a_number()
    {
        var table = TestData.Table(["A", "B", "C"], ("100", 40), ("010", 30), ("110", 12));

        var lines = MseReportFormatter.Format(MseEstimator.Estimate(table, ModelSpec.Independence));

        Assert.Contains(lines, l => l.StartsWith("Estimation impossible : ", StringComparison.Ordinal));
        Assert.Contains("Code du refus : list_without_observation", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Estimation du total", StringComparison.Ordinal));
    }
}
