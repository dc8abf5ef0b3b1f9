using System.Text;
using Reporting.Ingestion;
using Reporting.Reference;
using Reporting.Tests.Support;

namespace Reporting.Tests.Ingestion;

public sealed class CsvExtractReaderTests : IDisposable
{
    private const string PoliceHeader = "id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Reads_utf8_with_bom_crlf_and_blank_lines_with_physical_line_numbers()
    {
        // Given: a BOM, CRLF line ends, a blank line between records, and both date formats.
        var content = "\uFEFF" + PoliceHeader + "\r\n"
            + $"P1;V1;PN;2024-01-02;2024-01-05;23364;75;F;15;{Keys.A}\r\n"
            + "\r\n"
            + "P2;V2;GN;;05/02/2024;7261;2A;M;;\r\n";
        var path = dir.Write("police_2024.csv", content, Encoding.UTF8);

        var (report, rows) = Read(path, ExtractSchema.Police, 2024);

        Assert.Null(report.Failure);
        Assert.Equal("UTF-8", report.Encoding);
        Assert.Equal(2, report.LinesRead);
        Assert.Equal(2, report.LinesKept);
        Assert.Empty(report.Issues);
        Assert.Equal([2, 4], rows.Select(r => r.LineNumber));
        Assert.Equal("P1", rows[0]["id_procedure"]);
        Assert.Equal(new DateOnly(2024, 2, 5), rows[1].ReferenceDate);
        Assert.Equal("2A", rows[1]["departement"]);
    }

    [Fact]
    public void Reads_windows_1252_with_accents_and_says_so()
    {
        var content = "id_enfant;cle_chainage;departement;date_information;motif;decision;sexe;age;observations\r\n"
            + "E1;;13;12/03/2023;PROST;MESURE_JUDICIAIRE;F;14;Évaluation « mise à l'abri »\r\n";
        var path = dir.Write("ase_2023.csv", content, CodePagesEncodingProvider.Instance.GetEncoding(1252));

        var (report, rows) = Read(path, ExtractSchema.Ase, 2023);

        Assert.Equal("Windows-1252", report.Encoding);
        Assert.Contains(report.FileWarnings, w => w.Rule == Rule.Windows1252);
        Assert.Contains(report.FileWarnings, w => w.Rule == Rule.UnknownColumn && w.Detail.Contains("observations", StringComparison.Ordinal));
        Assert.Single(rows);
        Assert.Equal("PROST", rows[0]["motif"]);
    }

    [Fact]
    public void Accepts_shuffled_upper_case_padded_headers_a_quoted_semicolon_and_an_extra_column()
    {
        var content = " CLE_CHAINAGE ;Age;SEXE;departement;natinf;Date_Enregistrement;service;ID_VICTIME;id_procedure;commentaire\n"
            + $"{Keys.B};16;F;69;23338;2024-06-30;GN;V9;\"P;9\";\"texte; libre\"\n";
        var path = dir.Write("police_2024.csv", content);

        var (report, rows) = Read(path, ExtractSchema.Police, 2024);

        Assert.Null(report.Failure);
        var row = Assert.Single(rows);
        Assert.Equal("P;9", row["id_procedure"]);
        Assert.Equal("23338", row["natinf"]);
        Assert.Equal(string.Empty, row["date_faits"]);
        Assert.Contains(report.FileWarnings, w => w.Rule == Rule.UnknownColumn);
    }

    [Fact]
    public void A_record_spanning_two_lines_is_reported_at_the_line_where_it_starts()
    {
        var content = PoliceHeader + ";commentaire\n"
            + "P1;V1;PN;;2024-01-05;23364;75;X;15;;\"sur\ndeux lignes\"\n"
            + "P2;V2;PN;;2024-01-05;23364;75;X;15;;simple\n";
        var path = dir.Write("police_2024.csv", content);

        var (report, _) = Read(path, ExtractSchema.Police, 2024, new IngestionOptions(1.0));

        Assert.Equal([2, 4], report.Issues.Select(i => i.Line));
    }

    [Fact]
    public void A_byte_order_mark_on_a_windows_1252_file_is_not_part_of_the_first_column_name()
    {
        var body = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(
            "id_enfant;cle_chainage;departement;date_information;motif;decision;sexe;age;observations\nE1;;13;12/03/2023;PROST;SANS_SUITE;F;14;Évaluée\n");
        var path = dir.WriteBytes("ase_2023.csv", [0xEF, 0xBB, 0xBF, .. body]);

        var (report, rows) = Read(path, ExtractSchema.Ase, 2023);

        Assert.Null(report.Failure);
        Assert.Equal("Windows-1252", report.Encoding);
        Assert.Single(rows);
    }

    [Fact]
    public void Restores_a_lost_leading_zero_with_a_warning()
    {
        var path = dir.Write("police_2024.csv", PoliceHeader + "\nP1;V1;PN;;2024-01-05;23364;6;F;15;\n");

        var (report, rows) = Read(path, ExtractSchema.Police, 2024);

        Assert.Equal("06", Assert.Single(rows)["departement"]);
        var warning = Assert.Single(report.Issues);
        Assert.Equal(Rule.LeadingZero, warning.Rule);
        Assert.Equal(2, warning.Line);
    }

    [Theory]
    [InlineData("date_enregistrement", "2024-13-01", "date_invalide")]
    [InlineData("date_enregistrement", "31/02/2024", "date_invalide")]
    [InlineData("date_enregistrement", "2024/01/05", "date_invalide")]
    [InlineData("date_enregistrement", "2023-12-31", "annee_hors_fichier")]
    [InlineData("date_faits", "hier", "date_invalide")]
    [InlineData("departement", "20", "departement_invalide")]
    [InlineData("departement", "975", "departement_invalide")]
    [InlineData("departement", "99", "departement_invalide")]
    [InlineData("departement", "", "valeur_manquante")]
    [InlineData("sexe", "X", "sexe_invalide")]
    [InlineData("sexe", "f", "sexe_invalide")]
    [InlineData("age", "-1", "age_invalide")]
    [InlineData("age", "121", "age_invalide")]
    [InlineData("age", "12.5", "age_invalide")]
    [InlineData("age", "douze", "age_invalide")]
    [InlineData("natinf", "23364a", "natinf_invalide")]
    [InlineData("natinf", "", "valeur_manquante")]
    [InlineData("service", "PM", "valeur_hors_liste")]
    [InlineData("id_victime", "", "valeur_manquante")]
    [InlineData("cle_chainage", "ABCDEF", "cle_invalide")]
    public void Rejects_each_invalid_police_value_with_its_rule(string column, string value, string rule)
    {
        var fields = new Dictionary<string, string>
        {
            ["id_procedure"] = "P1", ["id_victime"] = "V1", ["service"] = "PN", ["date_faits"] = "2024-01-01",
            ["date_enregistrement"] = "2024-01-05", ["natinf"] = "23364", ["departement"] = "75", ["sexe"] = "F",
            ["age"] = "15", ["cle_chainage"] = Keys.A,
        };
        fields[column] = value;
        var line = string.Join(';', PoliceHeader.Split(';').Select(c => fields[c]));
        var path = dir.Write("police_2024.csv", PoliceHeader + "\n" + $"P0;V0;PN;;2024-01-01;23364;75;F;15;\n" + line + "\n");

        var (report, rows) = Read(path, ExtractSchema.Police, 2024, new IngestionOptions(MaxErrorShare: 0.6));

        Assert.Single(rows);
        Assert.Equal(1, report.LinesRejected);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(rule, issue.Rule.Code);
        Assert.Equal(3, issue.Line);
        Assert.Equal(column, issue.Column);
    }

    [Fact]
    public void A_malformed_key_is_rejected_without_ever_quoting_it()
    {
        var almostKey = Keys.A.ToUpperInvariant();
        var path = dir.Write("police_2024.csv", PoliceHeader + $"\nP1;V1;PN;;2024-01-05;23364;75;F;15;{almostKey}\nP2;V2;PN;;2024-01-05;23364;75;F;15;\n");

        var (report, _) = Read(path, ExtractSchema.Police, 2024, new IngestionOptions(0.6));

        var issue = Assert.Single(report.Issues);
        Assert.Equal(Rule.InvalidKey, issue.Rule);
        Assert.Null(issue.Value);
    }

    [Theory]
    [InlineData("POURSUITE;AMENDE;", "peine_hors_condamnation")]
    [InlineData("CONDAMNATION;;", "peine_manquante")]
    [InlineData("CONDAMNATION;PRISON;", "valeur_hors_liste")]
    [InlineData("APPEL;;", "valeur_hors_liste")]
    [InlineData("CONDAMNATION;EMPRISONNEMENT_FERME;six", "entier_invalide")]
    public void Rejects_justice_steps_and_sentences_that_break_the_contract(string stepSentenceQuantum, string rule)
    {
        const string header = "id_affaire;id_personne;date_decision;departement;natinf;etape;peine;quantum_mois;victime_mineure;sexe;age";
        var path = dir.Write("justice_2024.csv", header + "\nA0;J0;2024-03-01;75;23364;POURSUITE;;;;M;40\n" + $"A1;J1;2024-03-01;75;23364;{stepSentenceQuantum};O;M;40\n");

        var (report, rows) = Read(path, ExtractSchema.Justice, 2024, new IngestionOptions(0.6));

        Assert.Single(rows);
        Assert.Equal(rule, Assert.Single(report.Issues).Rule.Code);
    }

    [Theory]
    [InlineData("id_enfant;cle_chainage;departement;date_information;motif;decision;sexe;age", "E1;;75;2024-01-01;PROST;PLACEMENT;F;15", "valeur_hors_liste")]
    [InlineData("id_sejour;cle_chainage;departement;date_entree;type_prise_en_charge;motif_reperage;diag_principal;sexe;age", "S1;;75;2024-01-01;CONSULTATION;01;;F;15", "valeur_hors_liste")]
    [InlineData("id_sejour;cle_chainage;departement;date_entree;type_prise_en_charge;motif_reperage;diag_principal;sexe;age", "S1;;75;2024-01-01;UAPED;;;F;15", "valeur_manquante")]
    public void Rejects_values_outside_the_ase_and_sante_lists(string header, string line, string rule)
    {
        var schema = header.StartsWith("id_enfant", StringComparison.Ordinal) ? ExtractSchema.Ase : ExtractSchema.Sante;
        var path = dir.Write(schema.FileKind + "_2024.csv", header + "\n" + line + "\n");

        var (report, rows) = Read(path, schema, 2024, new IngestionOptions(1.0));

        Assert.Empty(rows);
        Assert.Equal(rule, Assert.Single(report.Issues).Rule.Code);
    }

    [Fact]
    public void A_line_with_a_missing_field_is_rejected()
    {
        var path = dir.Write("police_2024.csv", PoliceHeader + "\nP1;V1;PN;;2024-01-05;23364;75;F;15\n");

        var (report, _) = Read(path, ExtractSchema.Police, 2024, new IngestionOptions(1.0));

        Assert.Equal(Rule.FieldCount, Assert.Single(report.Issues).Rule);
    }

    [Fact]
    public void A_missing_required_column_rejects_the_file_naming_the_column()
    {
        var path = dir.Write("police_2024.csv", PoliceHeader.Replace(";natinf", string.Empty, StringComparison.Ordinal) + "\nP1;V1;PN;;2024-01-05;75;F;15;\n");

        var (report, rows) = Read(path, ExtractSchema.Police, 2024);

        Assert.Empty(rows);
        Assert.Equal(Rule.MissingColumn, report.Failure!.Rule);
        Assert.Equal("police_2024.csv : colonne obligatoire absente — colonne « natinf »", report.Failure.Message);
    }

    [Fact]
    public void An_optional_column_may_be_absent()
    {
        var path = dir.Write("police_2024.csv", PoliceHeader.Replace(";date_faits", string.Empty, StringComparison.Ordinal) + "\nP1;V1;PN;2024-01-05;23364;75;F;15;\n");

        var (report, rows) = Read(path, ExtractSchema.Police, 2024);

        Assert.Null(report.Failure);
        Assert.Single(rows);
    }

    [Fact]
    public void A_file_over_the_error_threshold_stops_the_run()
    {
        // 1 bad line in 20 is exactly 5 %: allowed. 2 in 20 is over.
        var good = Enumerable.Range(1, 18).Select(i => $"P{i};V{i};PN;;2024-01-05;23364;75;F;15;");
        var atThreshold = dir.Write("police_2024.csv", PoliceHeader + "\n" + string.Join('\n', good.Append("P19;V19;PN;;2024-01-05;23364;75;F;15;").Append("bad;V;PN;;2024-01-05;23364;75;X;15;")) + "\n");
        var over = dir.Write("police_2025.csv", PoliceHeader + "\n" + string.Join('\n', good.Select(l => l.Replace("2024", "2025", StringComparison.Ordinal)).Append("bad;V;PN;;2025-01-05;23364;75;X;15;").Append("bad;V;PN;;2025-01-05;23364;75;X;15;")) + "\n");

        Assert.Null(Read(atThreshold, ExtractSchema.Police, 2024).Report.Failure);
        var failure = Read(over, ExtractSchema.Police, 2025).Report.Failure;
        Assert.Equal(Rule.TooManyErrors, failure!.Rule);
        Assert.Contains("2 lignes en erreur sur 20", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_garbage_file_is_a_file_level_failure()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var path = dir.WriteBytes("police_2024.csv", bytes);

        var (report, rows) = Read(path, ExtractSchema.Police, 2024);

        Assert.Empty(rows);
        Assert.NotNull(report.Failure);
    }

    [Fact]
    public void An_empty_file_is_a_file_level_failure()
    {
        var path = dir.Write("police_2024.csv", string.Empty);

        Assert.Equal(Rule.Unreadable, Read(path, ExtractSchema.Police, 2024).Report.Failure!.Rule);
    }

    private static (FileReport Report, List<ValidRow> Rows) Read(string path, ExtractSchema schema, int year, IngestionOptions? options = null)
    {
        var rows = new List<ValidRow>();
        var report = CsvExtractReader.Read(path, Path.GetFileName(path), schema, year, Geography.Default, options ?? IngestionOptions.Default, rows.Add);
        return (report, rows);
    }
}
