using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication.Narrative;
using Reporting.Reference;
using Reporting.Tests.Support;

namespace Reporting.Tests.Publication.Narrative;

/// <summary>
/// The sheet's first paragraph in every state its figures can take: a count of 0, 1 or many, hidden or not available;
/// a rate published or hidden; the region's rate published, hidden, or the région being the département itself; a change
/// up, down, stable, hidden, across a break, from zero, not available. Each sentence is chosen for its state: no status
/// phrase pasted where a number goes, and words that agree with what they qualify.
/// </summary>
public sealed class SheetWordingTests
{
    private static readonly TemplateSet Templates = TemplateSet.Load(SampleRun.Parameters.Templates);

    private static Figure F(decimal? value, CellStatus status = CellStatus.Published, string indicator = IndicatorCodes.MinorVictims, bool isBreak = false) =>
        Figure.Of(new Cell(new CellKey(indicator, 2025, Level.Departement, "01", Category.All, Availability.AllSources), value, status, isBreak ? [NoteIds.Break("toutes", "ESM", 2025)] : []));

    public static TheoryData<string, string, string, string> States()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var victims in new[] { "0", "1", "12", "c", "x" })
        {
            foreach (var regionRate in new[] { "9,9", "c", "seule" })
            {
                foreach (var change in new[] { "+8,2", "-3,1", "+0,4", "c", "rupture", "depuis zéro", "x" })
                {
                    data.Add(victims, "9,4", regionRate, change);
                }
            }
        }

        data.Add("12", "c", "9,9", "+8,2");
        return data;
    }

    [Theory]
    [MemberData(nameof(States))]
    public void The_sheet_chooses_a_sentence_for_each_state_of_its_figures(string victims, string rate, string regionRate, string change)
    {
        var text = Render(victims, rate, regionRate, change);

        // No status words pasted where a figure or a place goes, no plural of nobody, no comparison of a place with itself.
        Assert.DoesNotContain("non publié (secret statistique) en", text, StringComparison.Ordinal);
        Assert.DoesNotContain("évolution non publié", text, StringComparison.Ordinal);
        Assert.DoesNotContain("contre non", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 mineurs", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" 1 mineurs", text, StringComparison.Ordinal);
        Assert.DoesNotContain("en Guadeloupe et", text, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" .", text, StringComparison.Ordinal);
        Assert.EndsWith(".", text.TrimEnd(), StringComparison.Ordinal);

        var expected = (victims, change) switch
        {
            ("0", _) => "aucun mineur victime d'exploitation sexuelle n'a été repéré, toutes sources réunies",
            ("1", _) => "un mineur victime d'exploitation sexuelle a été repéré",
            ("12", _) => "12 mineurs victimes d'exploitation sexuelle ont été repérés",
            ("c", _) => "n'est pas publié (secret statistique)",
            _ => "n'est pas disponible",
        };
        Assert.Contains(expected, text, StringComparison.Ordinal);
        if (victims is "1" or "12")
        {
            Assert.Contains(ChangeSentence(change), text, StringComparison.Ordinal);
            if (rate == "c")
            {
                Assert.DoesNotContain("contre", text, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains(regionRate == "9,9" ? "pour 100 000 mineurs, contre 9,9 dans le Grand Est et 10,8 en France." : "pour 100 000 mineurs, contre 10,8 en France.", text, StringComparison.Ordinal);
            }
        }
    }

    private static string ChangeSentence(string change) => change switch
    {
        "+8,2" => "Par rapport à 2024, c'est une hausse de 8,2\u00A0%.",
        "-3,1" => "Par rapport à 2024, c'est une baisse de 3,1\u00A0%.",
        "+0,4" => "Par rapport à 2024, c'est une stabilité (+0,4\u00A0%).",
        "c" => "L'évolution par rapport à 2024 n'est pas publiée (secret statistique).",
        "rupture" => "L'évolution par rapport à 2024 n'est pas calculée : la série est rompue.",
        "depuis zéro" => "L'évolution par rapport à 2024 n'est pas calculable : aucun mineur n'avait été repéré dans les Ardennes en 2024.",
        _ => "L'évolution par rapport à 2024 n'est pas disponible.",
    };

    private static string Render(string victims, string rate, string regionRate, string change)
    {
        Figure Of(string s, string indicator = IndicatorCodes.Rate) => s switch
        {
            "c" => F(null, CellStatus.Confidential, indicator),
            "x" => F(null, CellStatus.NotAvailable, indicator),
            "seule" => F(5.0m, CellStatus.Published, indicator),
            _ => F(decimal.Parse(s.Replace(',', '.').TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture), CellStatus.Published, indicator),
        };
        var evolution = change switch
        {
            "rupture" => F(null, CellStatus.NotApplicable, IndicatorCodes.Change, isBreak: true),
            "depuis zéro" => F(null, CellStatus.NotApplicable, IndicatorCodes.Change),
            _ => Of(change, IndicatorCodes.Change),
        };
        var ardennes = Geography.Default["08"];
        var values = new Dictionary<string, object?>
        {
            ["nom"] = ardennes.Name,
            ["annee"] = 2025,
            ["annee_precedente"] = 2024,
            ["region"] = "Grand Est",
            ["dans_region"] = "dans le Grand Est",
            ["dans_departement"] = ardennes.Place.In,
            ["comparer_region"] = regionRate != "seule",
            ["victimes"] = Of(victims, IndicatorCodes.MinorVictims),
            ["taux"] = Of(rate),
            ["taux_region"] = Of(regionRate),
            ["taux_france"] = Of("10,8"),
            ["evolution"] = evolution,
            ["cases_masquees"] = victims == "c",
            ["tableau_masque"] = false,
            ["seuil_moins_un"] = 10,
        };
        return string.Join("\n", Templates.Render("fiche", values));
    }
}
