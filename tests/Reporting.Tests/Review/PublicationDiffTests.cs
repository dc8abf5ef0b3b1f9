using Reporting.Indicators;
using Reporting.Publication;
using Reporting.Publication.OpenData;
using Reporting.Review;
using Reporting.Run;
using Reporting.Tests.Support;

namespace Reporting.Tests.Review;

[StartsEarly]
public sealed class PublicationDiffTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Five_police_lines_and_one_age_read_in_a_minute_inputs_and_headline_first()
    {
        // Given: the samples, then the same with five more police minor victims in five départements and one age changed.
        var data = Path.Combine(dir.Path, "data");
        CopyFolder(RepositoryPaths.DataSamples, data);
        var police = Path.Combine(data, "police_2025.csv");
        var lines = File.ReadAllLines(police).ToList();
        var aged = lines.FindIndex(1, l => l.Split(';')[8] == "14");
        var fields = lines[aged].Split(';');
        fields[8] = "15";
        lines[aged] = string.Join(';', fields);
        lines.AddRange(
        [
            "P9000000001;V9-1;PN;2025-03-01;2025-03-05;23364;13;F;16;",
            "P9000000002;V9-2;GN;2025-04-01;2025-04-05;23364;93;F;15;",
            "P9000000003;V9-3;PN;2025-05-01;2025-05-05;23364;59;M;17;",
            "P9000000004;V9-4;PN;2025-06-01;2025-06-05;7261;69;F;14;",
            "P9000000005;V9-5;GN;2025-07-01;2025-07-05;7261;33;F;16;",
        ]);
        File.WriteAllText(police, string.Join('\n', lines) + "\n");

        // The changed edition first: the shared samples run may still be computing on another test's thread.
        var outcome = AnnualRun.Execute(data, SampleRun.Parameters, renderings: Renderings.Text);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Failures));
        var before = TestPublications.WriteSamples(Path.Combine(dir.Path, "before"));
        string after;
        using (var folder = RunFolder.Open(Path.Combine(dir.Path, "after"), AnnualRun.FolderName(SampleRun.Year), []))
        {
            after = folder.Publish(outcome.Files);
        }

        // When
        var result = CliRunner.Run("diff", before, after);

        // Then: under 175 lines (150 before the digital dimension, which the police lines change too), the changed input file before anything else, then the changed headline figures.
        Assert.Equal(1, result.ExitCode);
        var printed = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.True(printed.Length < 175, $"{printed.Length} lignes :\n{result.Stdout}");
        var firstSection = Array.FindIndex(printed, l => l.EndsWith(" :", StringComparison.Ordinal) && !l.StartsWith(' '));
        Assert.StartsWith("Entrées modifiées", printed[firstSection], StringComparison.Ordinal);
        Assert.StartsWith("  police_2025.csv : 2\u202F873 → 2\u202F878 lignes lues", printed[firstSection + 1], StringComparison.Ordinal);
        var headline = Array.FindIndex(printed, l => l.StartsWith("Chiffres clés et tableaux du rapport", StringComparison.Ordinal));
        Assert.Equal(firstSection + 4, headline);
        Assert.Contains("chiffre clé\u00A0: mineurs victimes repérés en 2025, toutes sources = [1\u202F519 → 1\u202F524]", printed[headline + 2], StringComparison.Ordinal);
        // Every sheet repeats the national figures: said once, not 101 times.
        Assert.Single(printed, l => l.Contains("les 101 fiches : ", StringComparison.Ordinal));
        Assert.DoesNotContain(printed, l => l.Contains("Fiche 01 — Ain", StringComparison.Ordinal));
        Assert.Contains(printed, l => l.Contains("Fiche 13 — Bouches-du-Rhône", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_are_paired_by_what_they_are_about_and_printed_side_by_side()
    {
        string[] old = ["tableau : T", "  A | 10 | 2,5", "  B | 7 | 1,0", "Une phrase de 12 mots ; la hausse est de 3 %.", "  C | 1 | 0"];
        string[] @new = ["tableau : T", "  B | 8 | 1,0", "  D | 3 | 0", "Une phrase de 13 mots ; la hausse est de 3 %.", "  C | 1 | 0"];

        var pairs = LineAlignment.Differences(old, @new).Select(p => TextChanges.Of(p)).ToArray();

        Assert.Equal(["A | 10 | 2,5", "B | 7 → 8 | 1,0", "D | 3 | 0", "Une phrase de [12 → 13] mots ; la hausse est de 3 %."], pairs.Select(p => p.SideBySide));
        Assert.Null(pairs[0].New);
        Assert.Null(pairs[2].Old);
        Assert.Equal([new Substitution("7", "8")], pairs[1].Substitutions);
        Assert.Equal("B", pairs[1].Label);
    }

    [Fact]
    public void A_long_sentence_keeps_its_name_and_a_few_words_around_each_change()
    {
        var old = "Ain : en 2025, 13 mineurs victimes d’exploitation sexuelle ont été repérés, toutes sources réunies (police et gendarmerie, aide sociale à l’enfance, établissements de santé), soit 9,4 pour 100 000 mineurs, contre 9,9 en Auvergne-Rhône-Alpes.";
        var @new = old.Replace("9,9 en", "10,0 en", StringComparison.Ordinal);

        var change = TextChanges.Of(new LinePair(old, @new));

        Assert.Equal("Ain : … pour 100 000 mineurs, contre [9,9 → 10,0] en Auvergne-Rhône-Alpes.", change.SideBySide);
        Assert.Equal("10", new Substitution("9,9", "10,0").Key.Split('→')[1]);
    }

    [Fact]
    public void A_workbook_row_names_its_changed_cells_by_their_column()
    {
        string[] header = ["Année", "Catégorie", "Libellé de la source", "Victimes mineures", "Victimes mineures — statut", "Taux"];

        var change = TextChanges.Of(new LinePair("2025;ESM;Ensemble des sources (personnes comptées une fois);1519;;10.8", "2025;ESM;Ensemble des sources (personnes comptées une fois);;[c];10.9"), header);

        Assert.Equal("2025;ESM;… | Victimes mineures : 1519 → (vide) ; Victimes mineures — statut : (vide) → [c] ; Taux : 10.8 → 10.9", change.SideBySide);
    }

    [Theory]
    // --min-change 3: points for rates and percentages, percent for counts.
    [InlineData(IndicatorKind.Share, "2.4", "0.0", false)] // 2.4 points, although −100 %
    [InlineData(IndicatorKind.Rate, "10.8", "14.0", true)] // 3.2 points
    [InlineData(IndicatorKind.Change, "9.4", "12.4", true)] // 3 points: at the threshold
    [InlineData(IndicatorKind.Count, "100", "102", false)] // 2 %
    [InlineData(IndicatorKind.Count, "100", "104", true)] // 4 %
    [InlineData(IndicatorKind.Count, "0", "1", true)] // from zero: always
    public void The_threshold_is_in_points_for_percentages_and_rates_and_in_percent_for_counts(IndicatorKind kind, string old, string @new, bool kept)
    {
        var threshold = new ChangeThreshold(3);

        Assert.Equal(kept, threshold.Keeps(kind, decimal.Parse(old, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(@new, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2,4", "0,0", false)]
    [InlineData("10,8", "14,2", true)]
    [InlineData("1\u202F519", "1\u202F524", false)]
    [InlineData("65", "70", true)]
    [InlineData("c", "12", true)]
    [InlineData("hausse", "baisse", true)]
    public void The_threshold_applies_to_the_text_too(string old, string @new, bool kept) =>
        Assert.Equal(kept, new ChangeThreshold(3).Keeps(new Substitution(old, @new)));

    [Fact]
    public void Cells_below_the_threshold_are_counted_not_listed_and_come_in_publication_order()
    {
        PublishedCell Cell(string indicator, int year, string level, string territory, string value) => new(indicator, year, level, territory, "ESM", "toutes", value, string.Empty);
        PublishedCell[] old = [Cell("part_filles_pct", 2025, "FR", "FR", "2.4"), Cell("victimes_mineurs", 2024, "FR", "FR", "100"), Cell("victimes_mineurs", 2025, "DEP", "13", "20"), Cell("victimes_mineurs", 2025, "FR", "FR", "200")];
        PublishedCell[] @new = [Cell("part_filles_pct", 2025, "FR", "FR", "0.0"), Cell("victimes_mineurs", 2024, "FR", "FR", "110"), Cell("victimes_mineurs", 2025, "DEP", "13", "30"), Cell("victimes_mineurs", 2025, "FR", "FR", "201")];

        var cells = CellComparison.Compare(old, @new, new ChangeThreshold(3), IndicatorCatalogue.Shipped);

        Assert.Equal(["victimes_mineurs;2024;FR;FR;ESM;toutes", "victimes_mineurs;2025;DEP;13;ESM;toutes"], cells.ChangedValues.Select(c => c.Old.Key));
        Assert.Equal(2, cells.ChangedValuesBelowThreshold);
    }

    [Fact]
    public void What_many_sheets_repeat_is_said_once_and_each_sheet_keeps_its_own_lines()
    {
        static SnapshotElement Sheet(string code, string own, string france) =>
            new(ElementKind.Sheet, $"Fiche {code} — X{code}", [$"chiffre clé\u00A0: mineurs = {own}", $"  Mineurs | {own} | {france}"]);
        SnapshotElement[] old = [Sheet("01", "5", "1 519"), Sheet("02", "7", "1 519"), Sheet("03", "9", "1 519")];
        SnapshotElement[] @new = [Sheet("01", "5", "1 524"), Sheet("02", "8", "1 524"), Sheet("03", "9", "1 524")];

        var (headline, elements, sheets) = PublicationDiff.CompareElements(old, @new, ChangeThreshold.None);
        var d = new PublicationComparison("a", "b", ChangeThreshold.None, InputComparison.Empty, headline, elements, CellComparison.Compare([], [], ChangeThreshold.None, IndicatorCatalogue.Shipped), sheets);

        var group = Assert.Single(d.SheetGroups());
        Assert.Equal(["01", "02", "03"], group.Sheets);
        Assert.Equal(new Substitution("1 519", "1 524"), Assert.Single(group.Shared).Substitution);
        Assert.Empty(d.OwnChanges(elements[0]));
        Assert.Equal(["chiffre clé\u00A0: mineurs = [7 → 8]", "Mineurs | 7 → 8 | 1 519 → 1 524"], d.OwnChanges(elements[1]).Select(c => c.SideBySide));
        var text = DiffReport.Write(d, DiffFormat.Text, stat: false);
        Assert.Contains("    les 3 fiches : 1 519 → 1 524 (Mineurs)\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fiche 01", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_snapshot_is_cut_into_report_sections_workbook_tables_and_sheets()
    {
        string[] snapshot =
        [
            "# Instantané", "intro", "## Rapport annuel 2025", "titre : T", "## 1. Chiffres clés", "a", "## 7. Méthodologie", "m", "### Nomenclature", "n",
            "## Classeur tableaux-2025.xlsx", "### T1_France", "x;y", "## Fiche 01 — Ain", "f", SnapshotWriterCells, "victimes_mineurs 2025 FR FR ESM toutes = 1",
        ];

        var elements = SnapshotElements.Parse(snapshot);

        Assert.Equal(
            ["Report/En-tête de l’instantané", "Report/Rapport annuel 2025", "Report/1. Chiffres clés", "Report/7. Méthodologie", "Report/7. Méthodologie — Nomenclature", "Workbook/T1_France", "Sheet/Fiche 01 — Ain"],
            elements.Select(e => e.Id));
    }

    private const string SnapshotWriterCells = Reporting.Publication.Snapshot.SnapshotWriter.CellsHeading;

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
