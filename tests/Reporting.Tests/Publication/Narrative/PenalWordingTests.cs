using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication.Narrative;
using Reporting.Tests.Support;

namespace Reporting.Tests.Publication.Narrative;

/// <summary>
/// The wording of the penal chain and the digital dimension (issue 18) where a figure's value, not only its state, chooses
/// the words: counts of nobody, one person or several in a list; the clients' firm prison share below, above or between
/// the other offences'; a nomenclature that flags no digital code; a sheet whose counts are all hidden. Values written by
/// hand, expected sentences too.
/// </summary>
public sealed class PenalWordingTests
{
    private static readonly TemplateSet Templates = TemplateSet.Load(SampleRun.Parameters.Templates);

    private static Figure F(decimal? value, CellStatus status = CellStatus.Published, string indicator = IndicatorCodes.Dismissed) =>
        Figure.Of(new Cell(new CellKey(indicator, 2025, Level.France, "FR", Category.Prostitution, "justice"), value, status, []));

    private static string Render(string template, Dictionary<string, object?> values) => string.Join("\n", Templates.Render(template, values));

    private static Dictionary<string, object?> Penal(Figure dismissed, Figure alternatives, decimal clients, decimal pimping, decimal trafficking)
    {
        var values = new Dictionary<string, object?>
        {
            ["annee"] = 2025,
            ["poursuivis"] = F(191, indicator: IndicatorCodes.Prosecuted),
            ["condamnes"] = F(140, indicator: IndicatorCodes.Convicted),
            ["decisions_clients"] = F(222, indicator: IndicatorCodes.Authors),
            ["orientes_clients"] = F(208, indicator: IndicatorCodes.Oriented),
            ["classes_clients"] = dismissed,
            ["alternatives_clients"] = alternatives,
            ["poursuivis_clients"] = F(89, indicator: IndicatorCodes.Prosecuted),
            ["condamnes_clients"] = F(75, indicator: IndicatorCodes.Convicted),
            ["relaxes_clients"] = F(1, indicator: IndicatorCodes.Acquitted),
            ["ferme_clients"] = F(clients, indicator: IndicatorCodes.ShareFirmPrison),
            ["ferme_proxenetisme"] = F(pimping, indicator: IndicatorCodes.ShareFirmPrison),
            ["ferme_traite"] = F(trafficking, indicator: IndicatorCodes.ShareFirmPrison),
        };
        foreach (var name in new[] { "taux_clients", "taux_proxenetisme", "taux_traite", "sursis_clients", "amende_clients", "autre_clients" })
        {
            values[name] = F(20.5m, indicator: IndicatorCodes.ResponseRate);
        }

        values["quantum_clients"] = F(14.3m, indicator: IndicatorCodes.MeanQuantum);
        values["mediane_clients"] = F(16m, indicator: IndicatorCodes.MedianQuantum);
        return values;
    }

    [Theory]
    [InlineData(0, 0, "classement sans suite pour aucune personne, alternative aux poursuites (avertissement pénal probatoire, stage, composition pénale…) pour aucune personne")]
    [InlineData(1, 1, "classement sans suite pour une personne, alternative aux poursuites (avertissement pénal probatoire, stage, composition pénale…) pour une personne")]
    [InlineData(86, 33, "classement sans suite pour 86 personnes, alternative aux poursuites (avertissement pénal probatoire, stage, composition pénale…) pour 33 personnes")]
    public void A_count_in_a_list_agrees_with_its_noun(int dismissed, int alternatives, string expected)
    {
        var text = Render("penal", Penal(F(dismissed), F(alternatives, indicator: IndicatorCodes.Alternative), 34.7m, 67.9m, 66.7m));

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("les tribunaux ont condamné 75 clients de mineurs et en ont relaxé ou acquitté un.", text.Replace("\u00A0", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(75, 5, "En 2025, les tribunaux ont condamné 75 clients de mineurs et en ont relaxé ou acquitté 5.")]
    [InlineData(1, 0, "En 2025, les tribunaux ont condamné un client de mineur, sans aucune relaxe ni acquittement.")]
    [InlineData(0, 5, "Aucun client de mineur n'a été condamné en 2025 ; les tribunaux en ont relaxé ou acquitté 5.")]
    [InlineData(0, 0, "Aucun client de mineur n'a été condamné en 2025, ni relaxé ni acquitté.")]
    public void Convictions_and_acquittals_are_persons_and_read_well_with_none_or_one(int convicted, int acquitted, string expected)
    {
        var values = Penal(F(86), F(33, indicator: IndicatorCodes.Alternative), 34.7m, 67.9m, 66.7m);
        values["condamnes_clients"] = F(convicted, indicator: IndicatorCodes.Convicted);
        values["relaxes_clients"] = F(acquitted, indicator: IndicatorCodes.Acquitted);

        var text = Render("penal", values).Replace("\u00A0", " ", StringComparison.Ordinal).Replace("\u202F", " ", StringComparison.Ordinal).Replace("’", "'", StringComparison.Ordinal);

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(34.7, 67.9, 66.7, "Les clients de mineurs sont moins souvent condamnés à de la prison ferme que les auteurs de proxénétisme et de traite : en 2025, 34,7 %")]
    [InlineData(80.2, 67.9, 66.7, "Les clients de mineurs sont plus souvent condamnés à de la prison ferme que les auteurs de proxénétisme et de traite : en 2025, 80,2 %")]
    [InlineData(67.0, 67.9, 66.7, "\nEn 2025, 67,0 % des clients condamnés l'ont été à de la prison ferme, contre 67,9 % des auteurs de proxénétisme et 66,7 % des auteurs de traite.")]
    public void The_comparison_of_firm_prison_follows_the_figures(double clients, double pimping, double trafficking, string expected)
    {
        var text = Render("penal", Penal(F(86), F(33, indicator: IndicatorCodes.Alternative), (decimal)clients, (decimal)pimping, (decimal)trafficking));

        Assert.Contains(expected.Replace(" %", "\u00A0%", StringComparison.Ordinal), text.Replace("\u202F", "\u00A0", StringComparison.Ordinal).Replace("’", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_nomenclature_without_digital_codes_says_the_dimension_is_not_measured_and_prints_no_figure()
    {
        var x = F(null, CellStatus.NotAvailable, IndicatorCodes.DigitalVictims);
        var values = new Dictionary<string, object?> { ["annee"] = 2025, ["codes"] = string.Empty };
        foreach (var name in new[] { "victimes", "part_victimes", "part_victimes_clients", "auteurs", "part_auteurs", "auteurs_clients", "part_auteurs_clients" })
        {
            values[name] = x;
        }

        var paragraphs = Templates.Render("numerique", values);

        Assert.Equal(
            "La nomenclature utilisée pour cette édition ne signale pas les infractions dont la qualification retient l'usage d'un réseau de communications électroniques : la dimension numérique n'est pas mesurée cette année.",
            Assert.Single(paragraphs));
    }

    [Fact]
    public void The_digital_dimension_is_said_to_be_a_lower_bound_with_its_codes()
    {
        var values = new Dictionary<string, object?> { ["annee"] = 2025, ["codes"] = "recours à la prostitution d'un mineur par un réseau de communication" };
        values["victimes"] = F(84, indicator: IndicatorCodes.DigitalVictims);
        values["part_victimes"] = F(17.5m, indicator: IndicatorCodes.ShareDigital);
        values["part_victimes_clients"] = F(null, CellStatus.NotApplicable, IndicatorCodes.ShareDigital);
        values["auteurs"] = F(1, indicator: IndicatorCodes.DigitalAuthors);
        values["part_auteurs"] = F(null, CellStatus.Confidential, IndicatorCodes.ShareDigital);
        values["auteurs_clients"] = F(1, indicator: IndicatorCodes.DigitalAuthors);
        values["part_auteurs_clients"] = F(null, CellStatus.Confidential, IndicatorCodes.ShareDigital);

        var text = Render("numerique", values);

        Assert.Contains("réseau de communication (tableau ci-dessous). Ces chiffres sont une borne basse", text, StringComparison.Ordinal);
        Assert.Contains("ont enregistré 84 mineurs victimes d'une infraction ainsi qualifiée, soit 17,5", text, StringComparison.Ordinal);
        Assert.DoesNotContain("la part est de", text, StringComparison.Ordinal);
        Assert.Contains("La même année, un auteur a fait l'objet d'une décision de justice pour une infraction ainsi qualifiée.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("14", "222", "En 2025, 14 clients de mineurs ont fait l'objet d'une décision de justice en Occitanie, et 222 en France ; les chiffres")]
    [InlineData("c", "222", "En 2025, 222 clients de mineurs ont fait l'objet d'une décision de justice en France ; les chiffres")]
    [InlineData("1", "222", "En 2025, 222 clients de mineurs ont fait l'objet d'une décision de justice en France ; les chiffres")]
    [InlineData("c", "x", "secret statistique). Les chiffres")]
    public void A_sheet_whose_counts_are_all_hidden_says_so_in_one_paragraph_and_points_to_the_region_and_france(string region, string france, string expected)
    {
        static Figure Of(string s) => s switch
        {
            "c" => F(null, CellStatus.Confidential, IndicatorCodes.Authors),
            "x" => F(null, CellStatus.NotAvailable, IndicatorCodes.Authors),
            _ => F(decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture), indicator: IndicatorCodes.Authors),
        };

        var paragraphs = Templates.Render("fiche-penal", new Dictionary<string, object?>
        {
            ["nom"] = "Hérault",
            ["annee"] = 2025,
            ["dans_region"] = "en Occitanie",
            ["decisions_region"] = Of(region),
            ["decisions_france"] = Of(france),
        });

        var text = Assert.Single(paragraphs);
        Assert.StartsWith("Hérault : les effectifs de clients de mineurs", text, StringComparison.Ordinal);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain(" c ", text, StringComparison.Ordinal);
    }
}
