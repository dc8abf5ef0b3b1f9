using System.Text.Json;
using Reporting.Estimation;
using Reporting.Tests.Support;

namespace Reporting.Tests.Estimation;

public sealed class FormatterTests
{
    private static MseReport Report(string file, ModelSpec model, MseOptions? options = null) => MseReport.Build(TestData.Load(file), model, options);

    [Fact]
    public void Uk_five_lists_stepwise_report_shows_the_total_the_terms_and_the_fit()
    {
        var lines = MseReportFormatter.Format(Report("ukdat_5.csv", ModelSpec.Stepwise));

        Assert.Contains("  estimation du total : 11313 (écart-type 802,7, méthode delta)", lines);
        Assert.Contains("Personnes observées (n) : 2744", lines);
        Assert.Contains("Listes (5) : LA, NG, PFNCA, GO, GP", lines);
        Assert.Contains("  termes d'interaction : LA:NG, NG:GP, PFNCA:GP, LA:PFNCA, GO:GP, NG:GO", lines);
        Assert.Contains(lines, l => l.StartsWith("  déviance : ", StringComparison.Ordinal) && l.Contains("degrés de liberté : 19", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("tant que p < 0,02", StringComparison.Ordinal));
    }

    [Fact]
    public void The_candidate_table_gives_every_model_with_the_published_figures_and_marks_the_one_retained()
    {
        // Cormack, Chang & Smith (2000), as reproduced in Rcapture's tests: Mt N = 209, deviance 75.1 on 3 df, profile (203, 217).
        var report = Report("cormack2000_3.csv", ModelSpec.Independence);
        var lines = MseReportFormatter.Format(report);

        Assert.Equal(["indépendance", "c1:c2", "c1:c3", "c2:c3", "pas à pas", "toutes les interactions"], report.Candidates.Select(c => c.Name(report.Table.ListNames)));
        var independence = Assert.Single(lines, l => l.StartsWith("  indépendance ", StringComparison.Ordinal));
        Assert.Matches(@"^  indépendance +209  \[203 ; 217\] +75,1\d +3 +\d+,\d\d +\d+,\d\d  ◀ retenu$", independence);
        // Three lists and three two-list interactions: 7 cells, 7 parameters, identifiable with 0 degrees of freedom.
        Assert.Matches(@"^  toutes les interactions +\d+  \[\d+ ; \d+\] +0,00 +0 ", Assert.Single(lines, l => l.StartsWith("  toutes les interactions", StringComparison.Ordinal)));
        Assert.Single(report.Candidates, c => c.Retained);
    }

    [Fact]
    public void The_stepwise_trace_shows_each_step_with_the_rejected_terms_and_agrees_with_the_selection()
    {
        var report = Report("ukdat_5.csv", ModelSpec.Stepwise);
        var estimate = Assert.IsType<MseEstimate>(report.Retained);

        Assert.Equal(estimate.StepwiseSteps.Select(s => s.Pair), report.Trace.Select(r => r.Added?.Pair).OfType<ListPair>());
        Assert.Null(report.Trace[^1].Added);
        Assert.All(report.Trace[^1].Candidates, c => Assert.True(c.PValue >= 0.02 || c.Verdict == CandidateVerdict.NotEstimable));
        var lines = MseReportFormatter.Format(report);
        Assert.Contains(lines, l => l.StartsWith("    LA:NG ", StringComparison.Ordinal) && l.EndsWith("ajouté", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("    LA:GO ", StringComparison.Ordinal) && l.Contains("p = 0,50", StringComparison.Ordinal) && l.EndsWith("rejeté (p ≥ 0,02)", StringComparison.Ordinal));
        Assert.Equal(report.Trace.Length, lines.Count(l => l.StartsWith("  étape ", StringComparison.Ordinal)));
        Assert.Contains("  arrêt : aucun terme restant n'a p < 0,02 avec un modèle estimable", lines);
    }

    [Fact]
    public void Two_lists_warn_that_independence_cannot_be_tested_and_never_print_a_negative_zero()
    {
        // Seber (1982) p.107 via Rcapture's closedp: Lincoln-Petersen N = 2389.9, s.e. 130.4; the independence model is saturated.
        var lines = MseReportFormatter.Format(Report("seber_2list.csv", ModelSpec.Independence));

        Assert.Contains(lines, l => l.StartsWith("Avertissement : deux listes seulement", StringComparison.Ordinal) && l.Contains("ne peut pas être testée", StringComparison.Ordinal));
        Assert.Contains("  estimation du total : 2390 (écart-type 130,4, méthode delta)", lines);
        Assert.Contains(lines, l => l.StartsWith("  déviance : 0,00 ; degrés de liberté : 0", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("-0,0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  c1:c2 ", StringComparison.Ordinal) && l.Contains("refusé  not_identifiable", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("  toutes les interactions", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-0.000001, 2, "0,00")]
    [InlineData(-0.004, 2, "0,00")]
    [InlineData(-0.005, 2, "-0,01")]
    [InlineData(75.1364, 2, "75,14")]
    [InlineData(1234.5, 1, "1234,5")]
    public void Numbers_have_a_decimal_comma_and_no_negative_zero(double value, int decimals, string expected) =>
        Assert.Equal(expected, MseReportFormatter.Decimal(value, decimals));

    [Fact]
    public void Numbers_ignore_the_current_culture()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        // The engine runs with invariant globalization (no ICU): a culture with a decimal point and grouping is built by hand.
        var culture = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = "·";
        culture.NumberFormat.NumberGroupSeparator = "'";
        Thread.CurrentThread.CurrentCulture = culture;
        try
        {
            // Baillargeon & Rivest (2007), Mt + [1,2]: N = 12318.47.
            var report = Report("hiv.csv", TestData.Terms("hiv.csv", "[1,2]"));
            var lines = MseReportFormatter.Format(report);
            Assert.Contains(lines, l => l.StartsWith("  estimation du total : 12318 ", StringComparison.Ordinal));
            Assert.Contains("  non-observés estimés : 10422,47", lines);
            using var json = JsonDocument.Parse(MseReportJson.Write(report));
            Assert.Equal(12318.47, json.RootElement.GetProperty("retenu").GetProperty("estimation").GetDouble(), 0.01);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Json_is_for_machines_every_candidate_with_invariant_numbers()
    {
        var report = Report("hiv.csv", TestData.Terms("hiv.csv", "[1,2]"));

        var text = MseReportJson.Write(report);
        using var json = JsonDocument.Parse(text);

        var models = json.RootElement.GetProperty("modeles").EnumerateArray().ToArray();
        Assert.Equal(report.Candidates.Length, models.Length);
        var retained = Assert.Single(models, m => m.GetProperty("retenu").GetBoolean());
        Assert.Equal("c1:c2", retained.GetProperty("modele").GetString());
        // Published: s.e. 1188.72; profile likelihood interval (10266, 14992).
        Assert.Equal(1188.72, retained.GetProperty("ecart_type").GetDouble(), 0.01);
        Assert.Equal(10266, Math.Round(retained.GetProperty("borne_basse").GetDouble()));
        Assert.Equal(14992, Math.Round(retained.GetProperty("borne_haute").GetDouble()));
        Assert.Empty(json.RootElement.GetProperty("etapes_pas_a_pas").EnumerateArray());
        Assert.DoesNotContain("\"-0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bootstrap_line_says_how_it_was_obtained()
    {
        var options = new MseOptions { Bootstrap = new BootstrapOptions(50, 5) };

        var lines = MseReportFormatter.Format(Report("western.csv", ModelSpec.Stepwise, options));

        Assert.Contains(lines, l => l.StartsWith("  intervalle bootstrap à 95 % : [", StringComparison.Ordinal)
            && l.Contains("BCa", StringComparison.Ordinal) && l.Contains("50 tirages, graine 5", StringComparison.Ordinal) && l.Contains("sélection du modèle refaite", StringComparison.Ordinal));
    }

    [Fact]
    public void A_refusal_prints_the_reason_and_its_code_instead_of_a_number()
    {
        var table = TestData.Table(["A", "B", "C"], ("100", 40), ("010", 30), ("110", 12));

        var lines = MseReportFormatter.Format(MseReport.Build(table, ModelSpec.Independence));

        Assert.Contains(lines, l => l.StartsWith("Estimation impossible : ", StringComparison.Ordinal));
        Assert.Contains("Code du refus : list_without_observation", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("  estimation du total", StringComparison.Ordinal));
    }

    [Fact]
    public void The_command_reaches_the_bootstrap_and_formats_as_asked()
    {
        var file = TestData.PathOf("western.csv");

        var boot = CliRunner.Run("estimate", "--lists", file, "--bootstrap", "20", "--seed", "3");
        var again = CliRunner.Run("estimate", "--lists", file, "--bootstrap", "20", "--seed", "3");
        var json = CliRunner.Run("estimate", "--lists", file, "--format", "json");
        var seedAlone = CliRunner.Run("estimate", "--lists", file, "--seed", "3");

        Assert.Equal(0, boot.ExitCode);
        Assert.Contains("20 tirages, graine 3", boot.Stdout, StringComparison.Ordinal);
        Assert.Equal(boot.Stdout, again.Stdout);
        Assert.Equal(0, json.ExitCode);
        using (var doc = JsonDocument.Parse(json.Stdout))
        {
            Assert.Equal(2483, Math.Round(doc.RootElement.GetProperty("retenu").GetProperty("estimation").GetDouble()));
        }

        Assert.Equal(64, seedAlone.ExitCode);
        Assert.Contains("--bootstrap", seedAlone.Stderr, StringComparison.Ordinal);
    }
}
