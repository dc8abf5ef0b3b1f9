using System.IO.Compression;
using System.Xml.Linq;
using ClosedXML.Excel;
using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication.Workbook;

namespace Reporting.Tests.Publication.Workbook;

/// <summary>The workbook of a hand-made indicator set, read back with ClosedXML.</summary>
public sealed class WorkbookWriterTests
{
    private static readonly Lazy<byte[]> Dated = new(() => WorkbookWriter.Write(HandMadeIndicators.Model(publicationDate: HandMadeIndicators.PublicationDate)));

    private static XNamespace Dc => "http://purl.org/dc/elements/1.1/";

    private static XNamespace Terms => "http://purl.org/dc/terms/";

    [Fact]
    public void It_follows_every_rule_of_the_guidance() => WorkbookRules.AssertAll(Dated.Value);

    [Fact]
    public void Every_figure_is_the_cell_as_published_with_its_status()
    {
        using var workbook = WorkbookRules.Open(Dated.Value);

        WorkbookFigures.MatchTheIndicatorSet(workbook, HandMadeIndicators.Model().Indicators, HandMadeIndicators.Year);
    }

    [Theory]
    // A hidden count: no value (not even the computed 4), "[c]".
    [InlineData("T2_Departements", "75", "ESM", "toutes", "Victimes mineures", null, "[c]")]
    [InlineData("T2_Departements", "75", "ESM", "toutes", "Taux pour 100 000 mineurs", null, "[c]")]
    // Zero is published.
    [InlineData("T2_Departements", "13", "ESM", "toutes", "Victimes mineures", 0d, "")]
    [InlineData("T2_Departements", "2A", "ESM", "toutes", "Taux pour 100 000 mineurs", null, "[x]")]
    // A département cell that does not exist for the row is "sans objet".
    [InlineData("T2_Departements", "01", "ESM", "toutes", "Taux pour 100 000 mineurs", null, "[z]")]
    [InlineData("T2_Departements", "971", "ESM-RISQUE", "sante", "Victimes mineures", null, "[c]")]
    [InlineData("T3_Regions", "11", "ESM", "toutes", "Évolution sur un an (%)", null, "[c]")]
    [InlineData("T3_Regions", "11", "ESM", "toutes", "Victimes mineures", 25d, "")]
    public void Shorthand_is_exactly_where_the_statuses_say(string sheet, string territory, string category, string source, string header, double? value, string status)
    {
        using var workbook = WorkbookRules.Open(Dated.Value);
        var territoryHeader = sheet == "T2_Departements" ? "Code du département" : "Code de la région";

        var row = WorkbookRules.Rows(workbook.Worksheet(sheet))
            .Single(r => r[territoryHeader].GetString() == territory && r["Catégorie"].GetString() == category && r["Source"].GetString() == source);

        Assert.Equal(value is null, row[header].IsEmpty());
        if (value is { } v)
        {
            Assert.Equal(XLDataType.Number, row[header].DataType);
            Assert.Equal(v, row[header].GetDouble());
        }

        Assert.Equal(status, row[header + " — statut"].GetString());
    }

    [Fact]
    public void A_break_is_flagged_b_beside_the_value_and_its_row_refers_to_the_note_as_published()
    {
        using var workbook = WorkbookRules.Open(Dated.Value);
        var notes = WorkbookRules.Rows(workbook.Worksheet("Notes"));
        var national = WorkbookRules.Rows(workbook.Worksheet("T1_France"));

        var row = national.Single(r => r["Année"].GetDouble() == 2019 && r["Catégorie"].GetString() == "ESM-AUTRE" && r["Source"].GetString() == "ase");

        Assert.Equal(12d, row["Victimes mineures"].GetDouble());
        Assert.Equal("[b]", row["Victimes mineures — statut"].GetString());
        Assert.True(row["Évolution sur un an (%)"].IsEmpty());
        Assert.Equal("[z] [b]", row["Évolution sur un an (%) — statut"].GetString());
        var reference = row["Notes"].GetString();
        var note = notes.Single(n => n["Numéro de note"].GetString() == reference);
        Assert.Equal(HandMadeIndicators.BreakNote, Typeset.Plain(note["Texte de la note"].GetString()));
        Assert.Equal("Rupture de série", note["Objet"].GetString());
        Assert.Contains("Aide sociale à l'enfance, ESM-AUTRE, à partir de 2019", Typeset.Plain(note["Séries concernées"].GetString()), StringComparison.Ordinal);
        Assert.Contains("T1_France", note["Feuilles concernées"].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_hold_one_note_per_break_text_after_the_notes_on_the_method()
    {
        using var workbook = WorkbookRules.Open(Dated.Value);
        var model = HandMadeIndicators.Model();

        var notes = WorkbookRules.Rows(workbook.Worksheet("Notes"));

        var breakTexts = model.Breaks.All.Where(b => HandMadeIndicators.Years.Contains(b.Year)).Select(b => b.Note).Distinct().ToArray();
        Assert.Equal(breakTexts, notes.Where(n => n["Objet"].GetString() == "Rupture de série").Select(n => Typeset.Plain(n["Texte de la note"].GetString())));
        Assert.Equal(Enumerable.Range(1, notes.Count).Select(i => $"[note {i}]"), notes.Select(n => n["Numéro de note"].GetString()));
        Assert.Contains(notes, n => n["Objet"].GetString() == "Secret statistique" && Typeset.Plain(n["Texte de la note"].GetString()).Contains("de 1 à 10 personnes", StringComparison.Ordinal));
        Assert.Contains(notes, n => n["Objet"].GetString() == "Règles de comptage");
    }

    [Fact]
    public void Titles_refer_to_the_notes_that_apply()
    {
        using var workbook = WorkbookRules.Open(Dated.Value);

        Assert.EndsWith("[note 1] [note 2] [note 3] [note 4]", workbook.Worksheet("T2_Departements").Cell(1, 1).GetString(), StringComparison.Ordinal);
        Assert.Contains("[note 5]", workbook.Worksheet("T4_Justice").Cell(1, 1).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_stay_text_and_dates_are_dates()
    {
        using var workbook = WorkbookRules.Open(Dated.Value);
        var departements = WorkbookRules.Rows(workbook.Worksheet("T2_Departements"));
        var nomenclature = WorkbookRules.Rows(workbook.Worksheet("T6_Nomenclature"));

        var ain = departements.Single(r => r["Code du département"].GetString() == "01");
        Assert.Equal(XLDataType.Text, ain["Code du département"].DataType);
        Assert.All(nomenclature, r => Assert.Equal(XLDataType.Text, r["Code"].DataType));
        Assert.Equal(Nomenclature.Shipped().Entries.Select(e => e.Code), nomenclature.Select(r => r["Code"].GetString()));
        var dated = nomenclature.Where(r => !r["Valide du"].IsEmpty()).ToArray();
        Assert.NotEmpty(dated);
        Assert.All(dated, r => Assert.Equal(XLDataType.DateTime, r["Valide du"].DataType));
    }

    [Fact]
    public void Numbers_carry_formats_integers_for_counts_one_decimal_for_rates()
    {
        using var workbook = WorkbookRules.Open(Dated.Value);
        var row = WorkbookRules.Rows(workbook.Worksheet("T1_France")).Single(r => r["Source"].GetString() == "police" && r["Année"].GetDouble() == 2019);

        Assert.Equal("#,##0", row["Victimes mineures"].Style.NumberFormat.Format);
        Assert.Equal(1234d, row["Victimes mineures"].GetDouble());
        Assert.Equal("#,##0.0", row["Taux pour 100 000 mineurs"].Style.NumberFormat.Format);
        Assert.Equal(-3.3, row["Évolution sur un an (%)"].GetDouble());
        Assert.Equal("0", row["Année"].Style.NumberFormat.Format);
    }

    [Fact]
    public void Column_widths_are_computed_within_bounds()
    {
        using var workbook = WorkbookRules.Open(Dated.Value);

        foreach (var sheet in WorkbookRules.WithTables(workbook))
        {
            var columns = sheet.Tables.Single().RangeAddress.LastAddress.ColumnNumber;
            for (var c = 1; c <= columns; c++)
            {
                Assert.InRange(sheet.Column(c).Width, ColumnWidths.Min, ColumnWidths.Max + 1);
            }
        }

        // Category labels are long, their codes short: widths follow the text, not a constant.
        var national = workbook.Worksheet("T1_France");
        Assert.True(national.Column(3).Width > national.Column(2).Width + 20, "labels are wider than codes");
    }

    [Theory]
    [InlineData(null, 10, 1)]
    [InlineData("abc def", 10, 1)]
    [InlineData("abcd efgh ij", 10, 2)]
    [InlineData("abcdefghijabcdefghij", 10, 3)]
    public void Wrapped_text_is_counted_in_lines_of_the_column_width(string? text, double width, int lines) =>
        Assert.Equal(lines, Typography.Lines(text, width));

    [Fact]
    public void Rows_of_wrapped_text_are_set_tall_enough_for_every_reader()
    {
        using var workbook = WorkbookRules.Open(Dated.Value);
        var notes = workbook.Worksheet("Notes");
        var text = notes.Tables.Single().Fields.Single(f => f.Name == "Texte de la note");

        Assert.All(text.DataCells, c => Assert.True(
            c.WorksheetRow().Height >= Typography.RowHeight(Typography.Lines(c.GetString(), notes.Column(c.Address.ColumnNumber).Width)) - 1,
            $"row {c.Address.RowNumber} is {c.WorksheetRow().Height} points high"));
        Assert.True(workbook.Worksheet("Couverture").Row(2).Height >= 3 * Typography.LineHeight);
    }

    [Fact]
    public void The_cover_says_what_when_who_and_how_to_read_the_symbols()
    {
        using var workbook = WorkbookRules.Open(Dated.Value);
        var cover = workbook.Worksheet("Couverture");
        var lines = cover.RangeUsed()!.Rows().Select(r => Typeset.Plain(r.Cell(1).GetString())).ToArray();

        Assert.Equal("Mineurs victimes d'exploitation sexuelle — tableaux 2019", lines[0]);
        Assert.Contains("1ᵉʳ avril 2020", lines);
        Assert.Contains("Séries annuelles de 2018 à 2019 ; départements et régions : année 2019.", lines);
        Assert.Contains("essai@example.org", lines);
        Assert.Contains("Auteur A et Auteur B, « Mineurs victimes d'exploitation sexuelle — tableaux 2019 », Essais n° 7, SSE, 1ᵉʳ avril 2020.", lines);
        Assert.Contains(lines, l => l.StartsWith("Licence Ouverte / Open Licence version 2.0 (Etalab)", StringComparison.Ordinal));
        Assert.Contains("avril 2021", lines);
        Assert.DoesNotContain(lines, l => l.Contains("a definir", StringComparison.OrdinalIgnoreCase) || l.Contains("à définir", StringComparison.OrdinalIgnoreCase));
        foreach (var symbol in new[] { "[c] secret statistique", "[x] non disponible", "[z] sans objet", "[b] rupture de série" })
        {
            Assert.Contains(lines, l => l.StartsWith(symbol, StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.Contains("Chaque chiffre occupe deux colonnes", StringComparison.Ordinal));
        Assert.True(cover.Cell(lines.Length, 1).HasHyperlink);
        Assert.Empty(cover.Tables);
    }

    [Fact]
    public void Properties_are_filled_and_dated_by_the_publication()
    {
        var bytes = Dated.Value;
        using var workbook = WorkbookRules.Open(bytes);
        var core = WorkbookRules.CoreProperties(bytes).Root!;

        Assert.Equal("Mineurs victimes d'exploitation sexuelle — tableaux 2019", workbook.Properties.Title);
        Assert.Equal("Mineurs victimes d'exploitation sexuelle", workbook.Properties.Subject);
        Assert.Equal("Service statistique d'essai", workbook.Properties.Author);
        Assert.Contains("exploitation sexuelle", workbook.Properties.Keywords, StringComparison.Ordinal);
        Assert.Equal("fr-FR", core.Element(Dc + "language")?.Value);
        Assert.Equal("2020-04-01T00:00:00", core.Element(Terms + "created")!.Value[..19]);
        Assert.Equal("2020-04-01T00:00:00", core.Element(Terms + "modified")!.Value[..19]);
    }

    [Fact]
    public void An_undated_edition_says_so_and_stamps_the_fixed_date()
    {
        var bytes = WorkbookWriter.Write(HandMadeIndicators.Model());
        using var workbook = WorkbookRules.Open(bytes);

        Assert.Contains(workbook.Worksheet("Couverture").RangeUsed()!.Rows(), r => r.Cell(1).GetString() == "édition de travail, non datée");
        Assert.Equal("1980-01-01T00:00:00", WorkbookRules.CoreProperties(bytes).Root!.Element(Terms + "created")!.Value[..19]);
    }

    [Fact]
    public void Two_writes_are_byte_identical_and_carry_no_clock_or_random_name()
    {
        var first = WorkbookWriter.Write(HandMadeIndicators.Model(publicationDate: HandMadeIndicators.PublicationDate));

        // Zip times have a two-second resolution: a second write a little later would show any clock left in the package.
        Thread.Sleep(2100);
        var second = WorkbookWriter.Write(HandMadeIndicators.Model(publicationDate: HandMadeIndicators.PublicationDate));

        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2020, 4, 1), e.LastWriteTime.DateTime));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".psmdcp", StringComparison.Ordinal));
        Assert.NotNull(zip.GetEntry("docProps/core.xml"));
    }

    [Fact]
    public void Without_estimate_cells_the_estimate_is_said_unavailable_and_never_invented()
    {
        using var workbook = WorkbookRules.Open(Dated.Value);
        var sheet = workbook.Worksheet("T5_Sources");

        Assert.Contains("capture-recapture n'est pas disponible", Typeset.Plain(sheet.Cell(4, 1).GetString()), StringComparison.Ordinal);
        Assert.All(WorkbookRules.Rows(sheet), r =>
        {
            Assert.True(r["Estimation capture-recapture"].IsEmpty());
            Assert.Equal("[x]", r["Estimation capture-recapture — statut"].GetString());
        });
    }

    [Fact]
    public void With_estimate_cells_the_estimate_is_read_from_them()
    {
        var model = HandMadeIndicators.Model(withEstimate: true);
        using var workbook = WorkbookRules.Open(WorkbookWriter.Write(model));
        var sheet = workbook.Worksheet("T5_Sources");

        var row = WorkbookRules.Rows(sheet).Single(r => r["Année"].GetDouble() == 2019);

        Assert.Equal(250d, row["Estimation capture-recapture"].GetDouble());
        Assert.Equal(180d, row["Borne basse (95 %)"].GetDouble());
        Assert.Equal(400d, row["Borne haute (95 %)"].GetDouble());
        Assert.Equal(4, sheet.Tables.Single().RangeAddress.FirstAddress.RowNumber);
        Assert.DoesNotContain("capture-recapture n'est pas disponible", Typeset.Plain(sheet.Cell(3, 1).GetString()), StringComparison.Ordinal);
        WorkbookFigures.MatchTheIndicatorSet(workbook, model.Indicators, HandMadeIndicators.Year);
    }

    [Fact]
    public void Overlap_combinations_of_a_source_without_the_category_are_not_available()
    {
        using var workbook = WorkbookRules.Open(Dated.Value);

        var row = WorkbookRules.Rows(workbook.Worksheet("T5_Sources")).Single(r => r["Année"].GetDouble() == 2018);

        Assert.Equal(4d, row["Police seule"].GetDouble());
        Assert.Equal(string.Empty, row["Police seule — statut"].GetString());
        Assert.True(row["ASE seule"].IsEmpty());
        Assert.Equal("[x]", row["ASE seule — statut"].GetString());
        Assert.Equal("[x]", row["Police, ASE et santé — statut"].GetString());
    }

    [Fact]
    public void A_note_the_workbook_does_not_know_is_a_configuration_error()
    {
        var unknown = HandMadeIndicators.C(IndicatorCodes.MinorVictims, 2019, Level.France, "FR", Category.Trafficking, "police", 3, CellStatus.Published, "inconnue:1");

        var e = Assert.Throws<InvalidOperationException>(() => WorkbookWriter.Write(HandMadeIndicators.Model(extra: [unknown])));

        Assert.Contains("inconnue:1", e.Message, StringComparison.Ordinal);
    }
}
