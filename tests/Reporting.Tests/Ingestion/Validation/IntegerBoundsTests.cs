using Reporting.Ingestion;
using Reporting.Reference;
using Reporting.Tests.Support;

namespace Reporting.Tests.Ingestion;

/// <summary>
/// Issue #11, defects 2 and 3: an integer over 2^31 crashed the run (exit 134); a quantum of 1 200 000 months made the
/// national mean 42 899 months; a population of 0 made a rate infinite. Each is now a finding of its line.
/// </summary>
public sealed class IntegerBoundsTests : IDisposable
{
    private const string JusticeHeader = "id_affaire;id_personne;date_decision;departement;natinf;etape;peine;quantum_mois;victime_mineure;sexe;age";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData("2147483648", "entier_hors_bornes")]
    [InlineData("99999999999999999999999", "entier_hors_bornes")]
    [InlineData("-5", "entier_invalide")]
    [InlineData("12a", "entier_invalide")]
    public void A_quantum_beyond_an_int_is_a_line_error_quoting_the_value(string quantum, string rule)
    {
        var path = Justice(quantum);

        var (report, rows) = ReadJustice(path);

        Assert.Single(rows);
        var issue = Assert.Single(report.Issues);
        Assert.Equal((3, "quantum_mois", rule, quantum), (issue.Line, issue.Column, issue.Rule.Code, issue.Value));
        Assert.Equal(1, report.LinesRejected);
    }

    [Fact]
    public void The_run_reading_keeps_nothing_of_a_huge_quantum_and_does_not_throw()
    {
        // Given: the tester's file, read the way the run reads it (in scope, on every core).
        var path = Justice("2147483648");
        var extract = new ExtractFile(path, "justice_2024.csv", Source.Justice, 2024);

        var scoped = CsvExtractReader.ReadInScope(extract, Geography.Default, new IngestionOptions(0.6), Reporting.Harmonisation.Nomenclature.Shipped().Scope());

        Assert.Equal(Rule.IntegerOutOfBounds, Assert.Single(scoped.Report.Issues).Rule);
        Assert.Single(scoped.Lines);
    }

    [Theory]
    [InlineData("360", 360)]
    [InlineData("0360", 360)]
    public void A_quantum_up_to_30_years_is_kept(string quantum, int expected)
    {
        var (report, rows) = ReadJustice(Justice(quantum));

        Assert.Empty(report.Issues);
        Assert.Equal(quantum, rows[1]["quantum_mois"]);
        Assert.Equal(expected, int.Parse(rows[1]["quantum_mois"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("361")]
    [InlineData("1200000")]
    [InlineData("2147483647")]
    public void A_quantum_over_30_years_is_dropped_with_a_warning_and_the_conviction_kept(string quantum)
    {
        var path = Justice(quantum);
        var extract = new ExtractFile(path, "justice_2024.csv", Source.Justice, 2024);

        var (report, rows) = ReadJustice(path);
        var scoped = CsvExtractReader.ReadInScope(extract, Geography.Default, IngestionOptions.Default, Reporting.Harmonisation.Nomenclature.Shipped().Scope());

        var issue = Assert.Single(report.Issues);
        Assert.Equal((Rule.ImplausibleQuantum, Severity.Warning, "quantum_mois", quantum), (issue.Rule, issue.Rule.Severity, issue.Column, issue.Value));
        Assert.Equal((2, 0), (report.LinesKept, report.LinesRejected));
        Assert.Equal(string.Empty, rows[1]["quantum_mois"]);
        var convicted = scoped.Lines.Single(l => l.PersonId == "J1").Justice!;
        Assert.Equal(("CONDAMNATION", "EMPRISONNEMENT_FERME", null), (convicted.Step, convicted.Sentence, convicted.QuantumMonths));
    }

    [Fact]
    public void A_huge_quantum_behind_a_no_break_space_takes_the_same_rule_on_the_decoded_path()
    {
        // A no-break space at the end sends the value to the string rules: they must decide as the byte rules do.
        var (report, _) = ReadJustice(Justice("2147483648\u00A0"));

        Assert.Equal(Rule.IntegerOutOfBounds, Assert.Single(report.Issues).Rule);
    }

    [Theory]
    [InlineData("annee", "2147483648", "entier_hors_bornes")]
    [InlineData("annee", "99999999999999999999", "entier_hors_bornes")]
    [InlineData("annee", "-2025", "entier_hors_bornes")]
    [InlineData("annee", "202", "entier_hors_bornes")]
    [InlineData("population_0_17", "2147483648", "entier_hors_bornes")]
    [InlineData("population_0_17", "20000001", "entier_hors_bornes")]
    [InlineData("population_0_17", "0", "population_nulle")]
    [InlineData("population_0_17", "000", "population_nulle")]
    public void A_population_line_out_of_bounds_or_of_zero_is_rejected_and_its_rate_not_computed(string column, string value, string rule)
    {
        var bad = column == "annee" ? $"{value};75;1000" : $"2024;75;{value}";
        dir.Write("population.csv", "annee;departement;population_0_17\n2024;13;1000\n2024;69;1000\n2024;33;1000\n" + bad + "\n");
        dir.Write("police_2024.csv", "id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage\nP1;V1;PN;;2024-01-05;23364;75;F;15;\n");

        var ingestion = ExtractLoader.Load(DataDirectory.Discover(dir.Path), Geography.Default, new IngestionOptions(0.3), Reporting.Harmonisation.Nomenclature.Shipped().Scope(), _ => { }, out var population);

        var file = ingestion.Files.Single(f => f.File == "population.csv");
        var issue = Assert.Single(file.Issues);
        Assert.Equal((5, rule, value), (issue.Line, issue.Rule.Code, issue.Value));
        Assert.Equal((3, 1), (file.LinesKept, file.LinesRejected));
        Assert.DoesNotContain(population, p => p.Departement == "75");
        Assert.Equal(3, population.Count);
    }

    [Fact]
    public void A_zero_population_that_is_also_a_duplicate_is_reported_once_and_both_rows_rejected()
    {
        dir.Write("population.csv", "annee;departement;population_0_17\n2024;75;0\n2024;75;1000\n2024;13;1000\n2024;69;1000\n2024;33;1000\n2024;31;1000\n2024;59;1000\n2024;62;1000\n");
        dir.Write("police_2024.csv", "id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage\nP1;V1;PN;;2024-01-05;23364;75;F;15;\n");

        var ingestion = ExtractLoader.Load(DataDirectory.Discover(dir.Path), Geography.Default, new IngestionOptions(0.3), Reporting.Harmonisation.Nomenclature.Shipped().Scope(), _ => { }, out var population);

        var file = ingestion.Files.Single(f => f.File == "population.csv");
        Assert.Equal([(2, "population_nulle"), (3, "population_doublon")], file.Issues.Select(i => (i.Line, i.Rule.Code)));
        Assert.Equal((6, 2), (file.LinesKept, file.LinesRejected));
        Assert.DoesNotContain(population, p => p.Departement == "75");
    }

    [Theory]
    [InlineData("0", "Integer", 0L)]
    [InlineData("000000000000000000000000042", "Integer", 42L)]
    [InlineData("999999999999999999", "Integer", 999999999999999999L)]
    [InlineData("1000000000000000000", "TooLarge", 0L)]
    [InlineData("-12", "Integer", -12L)]
    [InlineData("-", "NotInteger", 0L)]
    [InlineData("", "NotInteger", 0L)]
    [InlineData("+1", "NotInteger", 0L)]
    [InlineData("1 000", "NotInteger", 0L)]
    public void Integers_are_read_without_overflow_whatever_their_length(string raw, string outcome, long value)
    {
        var expected = Enum.Parse<IntegerParse>(outcome);
        var bytes = System.Text.Encoding.ASCII.GetBytes(raw);

        Assert.Equal(expected, LineValidator.ParseInteger(bytes, signed: true, out var fromBytes));
        Assert.Equal(expected, LineValidator.ParseInteger(raw.AsSpan(), signed: true, out var fromChars));
        if (expected == IntegerParse.Integer)
        {
            Assert.Equal((value, value), (fromBytes, fromChars));
        }
    }

    private string Justice(string quantum) => dir.Write(
        "justice_2024.csv",
        JusticeHeader + "\nA0;J0;2024-03-01;75;23364;POURSUITE;;;;M;40\n" + $"A1;J1;2024-03-01;75;23364;CONDAMNATION;EMPRISONNEMENT_FERME;{quantum};O;M;40\n");

    private static (FileReport Report, List<ValidRow> Rows) ReadJustice(string path)
    {
        var rows = new List<ValidRow>();
        var report = CsvExtractReader.Read(path, "justice_2024.csv", ExtractSchema.Justice, 2024, Geography.Default, new IngestionOptions(0.6), rows.Add);
        return (report, rows);
    }
}
