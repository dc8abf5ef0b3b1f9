using System.Text.Json;
using Reporting.Estimation;
using Reporting.Tests.Support;

namespace Reporting.Tests.Cli;

/// <summary><c>reporting estimate --key-rates</c> (issue 19): the estimate corrected for missing linkage keys beside the other.</summary>
public sealed class EstimateKeyRatesTests : IDisposable
{
    // Hand-made: police sees 300 + 60 + 40 + 10 = 410 records, ase 250 + 60 + 30 + 10 = 350, santé 200 + 40 + 30 + 10 = 280.
    private const string Table = "police,ase,sante,count\n1,0,0,300\n0,1,0,250\n0,0,1,200\n1,1,0,60\n1,0,1,40\n0,1,1,30\n1,1,1,10\n";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private static string Uk => Path.Combine(AppContext.BaseDirectory, "Estimation", "Data", "ukdat_5.csv");

    [Fact]
    public void With_every_rate_1_the_report_is_the_one_without_rates_and_the_correction_moves_nothing()
    {
        var plain = CliRunner.Run("estimate", "--lists", Uk);
        var keyed = CliRunner.Run("estimate", "--lists", Uk, "--key-rates", "LA=1,NG=1,PFNCA=1,GO=1,GP=1.0");

        Assert.Equal(0, keyed.ExitCode);
        var lines = keyed.Stdout.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("Correction des clés de chaînage manquantes", StringComparison.Ordinal));
        var end = lines.FindIndex(start, l => l.Length == 0);
        var block = lines.GetRange(start, end - start + 1);
        lines.RemoveRange(start, end - start + 1);
        Assert.Equal(plain.Stdout, string.Join('\n', lines));
        Assert.Contains("  correction des clés manquantes : 11313 → 11313 (+0,0 %)", block);
        Assert.Contains("  taux de clé : LA 1,000 (", string.Concat(block), StringComparison.Ordinal);
    }

    [Fact]
    public void With_every_rate_1_the_json_corrected_estimate_is_the_uncorrected_one_to_the_last_digit()
    {
        var json = JsonDocument.Parse(CliRunner.Run("estimate", "--lists", Uk, "--key-rates", "LA=1,NG=1,PFNCA=1,GO=1,GP=1", "--format", "json").Stdout).RootElement;

        var correction = json.GetProperty("correction_cles");
        Assert.Equal(json.GetProperty("retenu").GetProperty("estimation").GetDouble(), correction.GetProperty("estimation").GetDouble());
        Assert.Equal(correction.GetProperty("estimation_sans_correction").GetDouble(), correction.GetProperty("estimation").GetDouble());
        Assert.Equal(11313, Math.Round(correction.GetProperty("estimation").GetDouble()));
    }

    [Fact]
    public void Without_rates_the_json_has_no_correction()
    {
        var json = JsonDocument.Parse(CliRunner.Run("estimate", "--lists", Uk, "--format", "json").Stdout).RootElement;

        Assert.False(json.TryGetProperty("correction_cles", out _));
    }

    [Theory]
    [InlineData("stepwise", "police=0.9,ase=0.9,sante=0.85")]
    [InlineData("police:ase", "SANTÉ=0.85, police=0.9 ,ase=0.9")]
    public void A_hand_made_table_with_missing_keys_gives_the_number_of_the_engines_correction(string model, string rates)
    {
        // Given: 0.9 × 410 = 369, 0.9 × 350 = 315 and 0.85 × 280 = 238 keyed records, exactly
        var path = dir.Write("listes.csv", Table);
        var table = ListTableCsv.ParseFile(path).Table!;
        var spec = ModelSpecParser.Parse(model, table.ListNames).Spec!;
        var keys = LinkageErrorModel.Estimated([new ListKeyRate(410, 369), new ListKeyRate(350, 315), new ListKeyRate(280, 238)]);
        var direct = LinkageCorrection.Estimate(table, keys, spec).Estimate!;
        var uncorrected = MseEstimator.Estimate(table, spec);

        // When
        var text = CliRunner.Run("estimate", "--lists", path, "--model", model, "--key-rates", rates);
        var json = JsonDocument.Parse(CliRunner.Run("estimate", "--lists", path, "--model", model, "--key-rates", rates, "--format", "json").Stdout).RootElement;

        // Then
        Assert.Equal(0, text.ExitCode);
        Assert.True(direct.Total < ((MseEstimate)uncorrected).Total - 1, "the hand-made table must be moved by the correction");
        var before = MseReportFormatter.FormatWhole(((MseEstimate)uncorrected).Total);
        var after = MseReportFormatter.FormatWhole(direct.Total);
        Assert.Contains($"  correction des clés manquantes : {before} → {after} (−", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("police 0,900 (369 sur 410), ase 0,900 (315 sur 350), sante 0,850 (238 sur 280)", text.Stdout, StringComparison.Ordinal);
        var correction = json.GetProperty("correction_cles");
        Assert.Equal(direct.Total, correction.GetProperty("estimation").GetDouble());
        Assert.Equal(direct.Interval.Lower, correction.GetProperty("borne_basse").GetDouble());
        Assert.Equal(direct.Interval.Upper, correction.GetProperty("borne_haute").GetDouble());
        Assert.Equal(direct.Keyed.ObservedTotal, correction.GetProperty("personnes_avec_cle").GetInt64());
    }

    [Theory]
    [InlineData("polize=0.9,ase=0.9,sante=0.85", "liste inconnue « polize » — vouliez-vous dire « police » ? ; listes de la table : police, ase, sante")]
    [InlineData("police=0.9,ase=0.9", "taux manquant pour sante")]
    [InlineData("police=0.9,police=0.8,ase=0.9,sante=0.85", "la liste « police » est nommée deux fois")]
    [InlineData("police=1.2,ase=0.9,sante=0.85", "taux « 1.2 » pour police : un nombre dans (0, 1]")]
    [InlineData("police=0,ase=0.9,sante=0.85", "taux « 0 » pour police")]
    [InlineData("police=-0.5,ase=0.9,sante=0.85", "taux « -0.5 » pour police")]
    [InlineData("police=0,9,ase=0.9,sante=0.85", "« 9 » n'est pas de la forme LISTE=TAUX : le taux s'écrit avec un point décimal")]
    [InlineData("police=abc,ase=0.9,sante=0.85", "taux « abc » pour police")]
    [InlineData("police:0.9,ase=0.9,sante=0.85", "« police:0.9 » n'est pas de la forme LISTE=TAUX")]
    [InlineData("police=0.2,ase=0.9,sante=0.85", "police=0.2 est trop bas : 110 des 410 repérages de police sont recoupés avec une autre liste, donc portent une clé (taux minimal 0.269)")]
    public void A_wrong_rate_is_a_usage_error_in_french(string rates, string message)
    {
        var path = dir.Write("listes.csv", Table);

        var result = CliRunner.Run("estimate", "--lists", path, "--key-rates", rates);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("--key-rates : " + message, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_correction_is_printed_with_its_reason_and_exits_1()
    {
        // a and b share nobody: the model a:b is refused, corrected or not
        var path = dir.Write("t.csv", "a,b,c,count\n1,0,0,30\n0,1,0,20\n0,0,1,25\n1,0,1,5\n0,1,1,4\n");

        var result = CliRunner.Run("estimate", "--lists", path, "--model", "a:b", "--key-rates", "a=0.9,b=0.9,c=0.9");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("  correction des clés manquantes : refusée → refusée", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Estimation corrigée impossible : ", result.Stdout, StringComparison.Ordinal);
    }
}
