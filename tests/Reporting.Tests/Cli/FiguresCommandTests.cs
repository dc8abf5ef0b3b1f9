using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Reporting.Publication.OpenData;
using Reporting.Tests.Publication.Workbook;
using Reporting.Tests.Support;

namespace Reporting.Tests.Cli;

/// <summary>The samples' publication, as much of it as <c>figures</c> reads: the open-data cells and the quality report.</summary>
public sealed class SamplesPublication : IDisposable
{
    private readonly TempDirectory dir = new();

    public SamplesPublication()
    {
        Folder = Path.Combine(dir.Path, "2025");
        Directory.CreateDirectory(Folder);
        foreach (var name in new[] { "indicateurs-2025.csv", "qualite-2025.json" })
        {
            File.WriteAllBytes(Path.Combine(Folder, name), SampleRun.File(SampleRun.Outcome, name));
        }

        Cells = IndicatorCsvReader.Read(IndicatorCsvReader.FindIn(Folder)).ToArray();
    }

    public string Folder { get; }

    public IReadOnlyList<PublishedCell> Cells { get; }

    public void Dispose() => dir.Dispose();
}

/// <summary>
/// <c>figures</c> as ministry staff use it (issue #16 item 2): several territories by code or name, filters, French
/// labels, statuses and breaks explained, every format read back against the published cells.
/// </summary>
public sealed class FiguresCommandTests(SamplesPublication publication) : IClassFixture<SamplesPublication>, IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private CliResult Figures(params string[] args) => CliRunner.Run(["figures", .. args, "--publication", publication.Folder]);

    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        using var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!));
        }

        return rows;
    }

    [Fact]
    public void The_parliamentary_question_is_answered_in_one_call_with_the_2019_break_marked()
    {
        var result = CliRunner.Run(
            "figures", "--dep", "Bouches-du-Rhône", "--dep", "93", "--category", "ESM-PROST", "--indicator", "victimes_mineurs,taux_100k",
            "--years", "2016-2025", "--format", "csv", "--publication", publication.Folder);

        Assert.Equal(0, result.ExitCode);
        var rows = ReadCsv(result.Stdout);
        var expected = publication.Cells
            .Where(c => c.Level == "DEP" && c.Territory is "13" or "93" && c.Category == "ESM-PROST" && c.Indicator is "victimes_mineurs" or "taux_100k")
            .ToDictionary(c => (c.Territory, c.Indicator, c.Source, c.Year));
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(2 * 2 * 4 * 10, rows.Count);
        foreach (var row in rows)
        {
            var cell = expected[(row["territoire"], row["indicateur"], row["source"], int.Parse(row["annee"], CultureInfo.InvariantCulture))];
            Assert.Equal(cell.Value, row["valeur"]);
            Assert.Equal(cell.Status, row["statut"]);
            var broken = row["source"] == "toutes" && row["annee"] == "2019";
            Assert.Equal(broken, row["rupture"].Length > 0);
        }

        // Territories in the order asked, named in French; victims before rates; sources with all sources last.
        Assert.Equal(["13", "93"], rows.Select(r => r["territoire"]).Distinct());
        Assert.Equal("Bouches-du-Rhône", rows[0]["territoire_libelle"]);
        Assert.Equal(["victimes_mineurs", "taux_100k"], rows.Where(r => r["territoire"] == "13").Select(r => r["indicateur"]).Distinct());
        Assert.Equal(["police", "ase", "sante", "toutes"], rows.Select(r => r["source"]).Distinct());
        Assert.Contains("2019", rows.First(r => r["rupture"].Length > 0)["rupture"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_fits_100_columns_orders_victims_rates_shares_justice_and_explains_symbols_and_breaks()
    {
        var result = Figures("--dep", "13", "--category", "ESM-PROST");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= 100, l));
        Assert.DoesNotContain('\u001b', result.Stdout);
        int At(string label) => Array.IndexOf(lines, label);
        Assert.True(At("Victimes mineures") < At("Taux pour 100 000 mineurs"));
        Assert.True(At("Taux pour 100 000 mineurs") < At("Part des filles (%)"));
        Assert.True(At("Part des filles (%)") < At("Auteurs poursuivis"));
        Assert.StartsWith("Bouches-du-Rhône (13) — Prostitution de mineurs", lines[0], StringComparison.Ordinal);
        Assert.Contains("c : secret statistique", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("le total d'une région peut ainsi être masqué", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("¹ Rupture de série en 2019 (Toutes sources, ESM-PROST)", result.Stdout, StringComparison.Ordinal);
        var allSources = lines.First(l => l.StartsWith("  Toutes sources", StringComparison.Ordinal));
        Assert.Contains("¹", allSources, StringComparison.Ordinal);
        Assert.Contains("  2016   2017", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("   2025", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_parses_and_holds_the_published_values()
    {
        var result = Figures("--france", "--category", "ESM", "--source", "toutes", "--indicator", "victimes_mineurs", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var rows = json.RootElement.GetProperty("chiffres").EnumerateArray().ToArray();
        var expected = publication.Cells.Where(c => c.Level == "FR" && c.Category == "ESM" && c.Source == "toutes" && c.Indicator == "victimes_mineurs").ToArray();
        Assert.Equal(expected.Length, rows.Length);
        foreach (var (row, cell) in rows.Zip(expected.OrderBy(c => c.Year)))
        {
            Assert.Equal(cell.Year, row.GetProperty("annee").GetInt32());
            Assert.Equal(cell.Number, row.GetProperty("valeur").ValueKind == JsonValueKind.Null ? null : row.GetProperty("valeur").GetDecimal());
        }

        Assert.Equal("secret statistique", json.RootElement.GetProperty("statuts").GetProperty("c").GetString()![..18]);
    }

    [Fact]
    public void Xlsx_follows_the_workbook_rules_and_round_trips()
    {
        var file = Path.Combine(dir.Path, "chiffres.xlsx");

        var result = Figures("--dep", "2a", "--region", "PACA", "--category", "ESM-PROST", "--indicator", "victimes_mineurs,taux_100k", "--format", "xlsx", "--out", file);

        Assert.Equal(0, result.ExitCode);
        using var workbook = WorkbookRules.Open(File.ReadAllBytes(file));
        WorkbookRules.NoMergedCells(workbook);
        WorkbookRules.NoBlankRowOrColumn(workbook);
        WorkbookRules.EachTableSheetHasItsTitleInA1AndOneTableAtItsHeaderRow(workbook);
        WorkbookRules.ValueColumnsAreNumericAndStatusesAreShorthand(workbook);
        var rows = WorkbookRules.Rows(workbook.Worksheets.Single());
        var expected = publication.Cells
            .Where(c => ((c.Level, c.Territory) is ("DEP", "2A") or ("REG", "93")) && c.Category == "ESM-PROST" && c.Indicator is "victimes_mineurs" or "taux_100k")
            .ToArray();
        Assert.Equal(expected.Length, rows.Count);
        foreach (var cell in expected)
        {
            var row = Assert.Single(rows, r => r["Code"].GetString() == cell.Territory && r["Année"].GetDouble() == cell.Year
                && Typeset.Comparer.Equals(r["Source"].GetString(), Reporting.Review.FiguresText.SourceLabel(cell.Source))
                && Typeset.Comparer.Equals(r["Indicateur"].GetString(), Reporting.Indicators.IndicatorCatalogue.Shipped[cell.Indicator].Label));
            if (cell.Number is { } v)
            {
                Assert.Equal((double)v, row["Valeur"].GetDouble(), 3);
            }
            else
            {
                Assert.StartsWith($"[{cell.Status}]", row["Valeur — statut"].GetString(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(File.ReadAllBytes(file), RunAgain());

        byte[] RunAgain()
        {
            Figures("--dep", "2a", "--region", "PACA", "--category", "ESM-PROST", "--indicator", "victimes_mineurs,taux_100k", "--format", "xlsx", "--out", file);
            return File.ReadAllBytes(file);
        }
    }

    [Fact]
    public void Markdown_has_one_table_per_territory_and_category()
    {
        var result = Figures("--dep", "13", "--dep", "93", "--category", "ESM", "--indicator", "victimes_mineurs", "--format", "md");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Stdout.Split('\n').Count(l => l.StartsWith("## ", StringComparison.Ordinal)));
        Assert.Contains("| Victimes mineures | Toutes sources | ", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--dep", "2a" }, "DEP", "2A")]
    [InlineData(new[] { "--dep", "nord" }, "DEP", "59")]
    [InlineData(new[] { "--dep", "seine saint denis" }, "DEP", "93")]
    [InlineData(new[] { "--dep", "1" }, "DEP", "01")]
    [InlineData(new[] { "--region", "PACA" }, "REG", "93")]
    [InlineData(new[] { "--region", "provence alpes cote d'azur" }, "REG", "93")]
    [InlineData(new[] { "--region", "idf" }, "REG", "11")]
    [InlineData(new[] { "--france" }, "FR", "FR")]
    public void Territories_by_code_or_name_case_and_accents_ignored(string[] territory, string level, string code)
    {
        var result = Figures([.. territory, "--indicator", "victimes_mineurs", "--category", "ESM", "--source", "toutes", "--format", "csv"]);

        Assert.Equal(0, result.ExitCode);
        Assert.All(ReadCsv(result.Stdout), r => Assert.Equal((level, code), (r["niveau"], r["territoire"])));
    }

    [Theory]
    [InlineData("--dep", "13", "93")]
    [InlineData("--dep", "13,93", null)]
    public void Several_territories_in_one_option(string option, string first, string? second)
    {
        string[] values = second is null ? [first] : [first, second];
        var result = Figures([option, .. values, "--indicator", "victimes_mineurs", "--category", "ESM", "--source", "toutes", "--format", "csv"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["13", "93"], ReadCsv(result.Stdout).Select(r => r["territoire"]).Distinct());
    }

    [Theory]
    [InlineData(new[] { "--dep", "13", "--category", "ESM-PROS" }, "--category : valeur inconnue « ESM-PROS » — vouliez-vous dire « ESM-PROST » ou « ESM-PROX » ?", "ESM-RISQUE (Mineurs repérés en risque prostitutionnel)")]
    [InlineData(new[] { "--dep", "13", "--indicator", "taux" }, "--indicator : valeur inconnue « taux » — vouliez-vous dire « taux_100k » ou « taux_reponse_penale_pct » ?", "victimes_mineurs (Victimes mineures)")]
    [InlineData(new[] { "--dep", "13", "--source", "polise" }, "--source : valeur inconnue « polise » — vouliez-vous dire « police » ?", "toutes (Toutes sources)")]
    [InlineData(new[] { "--dep", "bouche du rone" }, "--dep : département inconnu « bouche du rone » — vouliez-vous dire « Bouches-du-Rhône » ?", "")]
    [InlineData(new[] { "--region", "Ocitanie" }, "--region : région inconnue « Ocitanie » — vouliez-vous dire « Occitanie » ?", "93 Provence-Alpes-Côte d'Azur")]
    [InlineData(new[] { "--dep", "13", "--years", "2030-2031" }, "--years : 2030-2031 hors de la série publiée (2016-2025)", "")]
    [InlineData(new[] { "--dep", "13", "--years", "2019..2020" }, "--years : AAAA ou AAAA-AAAA attendu", "")]
    [InlineData(new[] { "--dep", "13", "--format", "xlsx" }, "--format xlsx écrit un classeur : indiquer --out FICHIER.xlsx", "")]
    [InlineData(new[] { "--dep", "13", "--format", "xslx" }, "--format : valeur inconnue « xslx » — vouliez-vous dire « xlsx » ?", "table, csv, json, xlsx, md")]
    [InlineData(new[] { "--category", "ESM" }, "indiquer au moins un territoire", "")]
    [InlineData(new[] { "--dep", "13", "--catgory", "ESM" }, "option inconnue : --catgory — vouliez-vous dire « --category » ?", "")]
    public void A_wrong_value_lists_the_valid_ones_and_suggests_the_nearest(string[] args, string message, string listed)
    {
        var result = Figures(args);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Contains(listed, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_selection_with_nothing_published_says_why_instead_of_an_empty_table()
    {
        var result = Figures("--dep", "13", "--indicator", "victimes_mineurs", "--source", "justice");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("aucun chiffre publié pour cette sélection", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Colour_only_on_a_terminal()
    {
        var stdout = new StringWriter();
        var code = Reporting.Cli.ReportingCli.Run(["figures", "--dep", "13", "--category", "ESM-PROST", "--publication", publication.Folder], stdout, new StringWriter(), new Reporting.Cli.Terminal(true, true, 100));

        Assert.Equal(0, code);
        Assert.Contains("\u001b[1m", stdout.ToString(), StringComparison.Ordinal);
    }
}
