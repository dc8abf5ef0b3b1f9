using System.Text.RegularExpressions;
using Reporting.Publication;
using Reporting.Publication.Narrative;
using Reporting.Publication.Report;
using Reporting.Tests.Support;

namespace Reporting.Tests.Publication;

/// <summary>
/// What stands under each figure and table (issue #13, item 5): a source line naming only the sources its figures come
/// from, a « Champ », a « Lecture » that quotes only values the figure itself publishes, and the report's apparatus
/// (À retenir, encadrés, glossary, citation, licence). Read from the composed documents of the samples.
/// </summary>
public sealed partial class ApparatusTests
{
    private static readonly Lazy<PublicationContext> Context = new(() => new PublicationContext(SampleRun.Edition, TemplateSet.Load(SampleRun.Parameters.Templates)));

    private static readonly Lazy<ComposedDocument> Report = new(() => AnnualReport.Compose(Context.Value));

    /// <summary>The report and four sheets that cover the data states: a large département, a small one with hidden cells, Corsica, overseas.</summary>
    private static IEnumerable<(string Name, ComposedDocument Document)> Documents() =>
        new[] { "13", "48", "2A", "974" }.Select(code => ($"fiche {code}", DepartementSheet.Compose(Context.Value, code))).Prepend(("rapport", Report.Value));

    [Fact]
    public void Every_figure_and_table_has_its_source_line_and_its_scope()
    {
        foreach (var (name, document) in Documents())
        {
            foreach (var (title, source, notes, _) in document.Elements.Select(Captioned).OfType<(string, string, IReadOnlyList<string>, IReadOnlySet<string>)>())
            {
                Assert.Matches(@"^Sources?\u00A0: ", source);
                Assert.True(notes.Count(n => n.StartsWith("Champ\u00A0: ", StringComparison.Ordinal)) == 1, $"{name}, {title}: one « Champ » expected");
                Assert.True(notes.Count(n => n.StartsWith("Lecture\u00A0: ", StringComparison.Ordinal)) <= 1, $"{name}, {title}: at most one « Lecture »");
            }
        }
    }

    [Fact]
    public void A_figure_names_only_the_sources_its_figures_come_from()
    {
        var elements = Report.Value.Elements.Select(Captioned).OfType<(string Title, string Source, IReadOnlyList<string> Notes, IReadOnlySet<string> Values)>().ToArray();
        var justice = elements.Where(e => e.Title.Contains("condamnées", StringComparison.Ordinal) || e.Title.Contains("pénale", StringComparison.Ordinal) || e.Title.Contains("Peines", StringComparison.Ordinal)).ToArray();
        var digital = elements.Where(e => e.Title.Contains("Victimes et auteurs d", StringComparison.Ordinal)).ToArray();
        var victims = elements.Where(e => e.Title.Contains("Mineurs victimes", StringComparison.Ordinal) || e.Title.Contains("Part des filles", StringComparison.Ordinal)).ToArray();

        Assert.Equal(4, justice.Length);
        Assert.All(justice, e => Assert.StartsWith("Source\u00A0: ministère de la Justice", e.Source, StringComparison.Ordinal));
        Assert.Equal(2, digital.Length);
        Assert.All(digital, e => Assert.Matches(@"^Sources\u00A0: SSMSI \(police et gendarmerie\)\s; ministère de la Justice \(SDSE\) — ", e.Source));
        Assert.NotEmpty(victims);
        Assert.All(victims, e => Assert.DoesNotContain("Justice", e.Source, StringComparison.Ordinal));
        Assert.All(victims, e => Assert.Contains("police et gendarmerie", e.Source, StringComparison.Ordinal));
        Assert.Contains(victims, e => e.Source.Contains("Insee", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reading_quotes_only_values_its_own_figure_publishes()
    {
        var readings = 0;
        foreach (var (name, document) in Documents())
        {
            foreach (var (title, _, notes, values) in document.Elements.Select(Captioned).OfType<(string, string, IReadOnlyList<string>, IReadOnlySet<string>)>())
            {
                foreach (var reading in notes.Where(n => n.StartsWith("Lecture", StringComparison.Ordinal)))
                {
                    readings++;
                    var quoted = Number().Matches(reading.Replace("15\u00A0ans", string.Empty, StringComparison.Ordinal)).Select(m => m.Value).Where(v => !Regex.IsMatch(v, @"^(19|20)\d\d$") && v != "100\u202F000");
                    Assert.All(quoted, v => Assert.True(values.Contains(v), $"{name}, {title}: « {reading} » quotes {v}, which the figure does not publish"));
                }
            }
        }

        Assert.True(readings > 15, $"{readings} readings only");
    }

    [Fact]
    public void The_report_opens_with_what_to_remember_and_closes_with_how_to_cite_it()
    {
        var elements = Report.Value.Elements;
        var asides = elements.OfType<AsideElement>().ToArray();
        var highlights = Assert.IsType<AsideElement>(elements[1]);

        Assert.Equal("À retenir", highlights.Title);
        Assert.InRange(highlights.Paragraphs.Count, 3, 4);
        Assert.Equal(["À retenir", "Définitions", "Sources et méthodes", "Glossaire", "Pour en savoir plus"], asides.Select(a => a.Title));
        var text = string.Join("\n", elements.OfType<ParagraphElement>().Select(p => p.Text));
        Assert.Contains("Citer cette publication\u00A0: ", text, StringComparison.Ordinal);
        Assert.Contains("Licence Ouverte / Open Licence version 2.0 (Etalab)", text, StringComparison.Ordinal);
        Assert.Contains("14 avril 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_body_speaks_plain_french_and_leaves_technical_names_to_the_methodology()
    {
        var (body, annex) = Reporting.Publication.Html.SiteRenderer.SplitAnnex(Report.Value.Elements);
        var words = string.Join("\n", body.SelectMany(Texts));

        foreach (var technical in new[] { "log-linéaire", "SparseMSE", "NATINF", "capture-recapture", "vraisemblance", "ESM-" })
        {
            Assert.DoesNotContain(technical, words, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("NATINF", string.Join("\n", annex.SelectMany(Texts)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_summarises_the_nomenclature_in_plain_words_and_leaves_the_official_wording_to_the_workbook()
    {
        var summary = Report.Value.Elements.OfType<TableElement>().Single(t => t.Numbered.Contains("nomenclature", StringComparison.Ordinal));
        var labels = string.Join(" ; ", summary.Rows.Select(r => r.Cells[^1]));

        Assert.Equal(5, summary.Rows.Count);
        Assert.Contains("Recours à la prostitution d\u2019un mineur", labels, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b[A-Z]{4,}\b", labels);
        Assert.Equal("12", summary.Rows[0].Cells[1]);
    }

    [Theory]
    [InlineData("RECOURS A LA PROSTITUTION D'UN MINEUR (225-12-1 al.2)", "Recours à la prostitution d'un mineur")]
    [InlineData("PROXENETISME AGGRAVE : VICTIME MINEURE DE 15 A 18 ANS (225-7 1°)", "Proxénétisme aggravé : victime mineure de 15 à 18 ans")]
    [InlineData("TRAITE AVEC MENACE, CONTRAINTE, VIOLENCE OU MANOEUVRE DOLOSIVE (225-4-2)", "Traite avec menace, contrainte, violence ou manœuvre dolosive")]
    [InlineData("PROXENETISME : NON JUSTIFICATION DE RESSOURCES (225-6 3°)", "Proxénétisme : non-justification de ressources")]
    [InlineData("RECOURS A LA PROSTITUTION, CONTRAVENTION DE 5E CLASSE (611-1)", "Recours à la prostitution, contravention de 5ᵉ classe")]
    [InlineData("EXPLOITATION SEXUELLE, TOUTES FORMES (ancien code, remplacé en 2019)", "Exploitation sexuelle, toutes formes (ancien code, remplacé en 2019)")]
    [InlineData("SITUATION DE PROSTITUTION AVEREE", "Situation de prostitution avérée")]
    public void Offence_labels_are_written_in_sentence_case_with_their_accents(string official, string expected) =>
        Assert.Equal(expected, Vocabulary.OffenceLabel(official));

    [Fact]
    public void Every_shipped_offence_label_reads_as_running_french()
    {
        foreach (var entry in SampleRun.Edition.Nomenclature.Entries)
        {
            var label = Vocabulary.OffenceLabel(entry.Label);

            Assert.DoesNotMatch(@"\b[A-Z]{2,}\b", label);
            Assert.DoesNotMatch(@"\(\d", label);
            Assert.True(char.IsUpper(label[0]), label);
        }
    }

    /// <summary>A figure or table's title, source line, captions and the texts of the values it publishes.</summary>
    private static (string Title, string Source, IReadOnlyList<string> Notes, IReadOnlySet<string> Values)? Captioned(Element element) => element switch
    {
        TableElement t => (t.Numbered, t.Source, t.Notes, t.Rows.SelectMany(r => r.Cells).ToHashSet(StringComparer.Ordinal)),
        ChartElement c => (c.Numbered, c.Source, c.Notes, ChartValues(c)),
        MapElement m => (m.Numbered, m.Source, m.Notes, m.Shown.Values.ToHashSet(StringComparer.Ordinal)),
        _ => null,
    };

    private static HashSet<string> ChartValues(ChartElement c)
    {
        var values = c.IsBar ? c.Bars!.SelectMany(g => g.Values) : c.Series.SelectMany(s => s.Points.Select(p => p.Value));
        return values.OfType<double>().SelectMany(v => new[] { FrenchFormat.Integer((decimal)v), FrenchFormat.Decimal((decimal)v) }).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Texts(Element e) => e switch
    {
        ParagraphElement p => [p.Text],
        BulletsElement b => b.Items,
        AsideElement a => a.Paragraphs.Prepend(a.Title),
        HeadingElement h => [h.Text],
        KeyFiguresElement k => k.Items.Select(i => i.Label),
        TableElement t => t.Notes.Append(t.Numbered).Concat(t.Headers),
        ChartElement c => c.Notes.Append(c.Numbered),
        MapElement m => m.Notes.Append(m.Numbered),
        _ => [],
    };

    /// <summary>A number as the publications print it: « 1 519 », « 17,5 », « 84,8 » (a percentage's sign apart).</summary>
    [GeneratedRegex(@"\d+(?:\u202F\d{3})*(?:,\d+)?")]
    private static partial Regex Number();
}
