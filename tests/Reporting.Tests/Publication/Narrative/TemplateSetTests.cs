using Reporting.Indicators;
using Reporting.Publication.Narrative;
using Reporting.Tests.Support;

namespace Reporting.Tests.Publication.Narrative;

public sealed class TemplateSetTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData("8.2", "une hausse de 8,2\u00A0%")]
    [InlineData("-3.1", "une baisse de 3,1\u00A0%")]
    [InlineData("0.4", "une stabilité (+0,4\u00A0%)")]
    [InlineData("-0.9", "une stabilité (\u22120,9\u00A0%)")]
    [InlineData("1.0", "une hausse de 1,0\u00A0%")]
    public void The_wording_follows_the_sign_of_the_change(string change, string expected)
    {
        var set = Load("t", "soit {{ e | evolution }}.");

        var text = Assert.Single(set.Render("t", new Dictionary<string, object?> { ["e"] = Published(IndicatorCodes.Change, change) }));

        Assert.Equal($"soit {expected}.", text);
    }

    [Fact]
    public void A_hidden_figure_is_never_written_out()
    {
        var hidden = Figure.Of(new Cell(Key(IndicatorCodes.MinorVictims), 7m, CellStatus.Confidential, []));
        var set = Load("t", "{{ v | nombre }} ; {{ v.Value }} ; {% if v.Published %}publié{% else %}masqué{% endif %}");

        var text = Assert.Single(set.Render("t", new Dictionary<string, object?> { ["v"] = hidden }));

        Assert.Equal("non publié (secret statistique) ;  ; masqué", text);
        Assert.DoesNotContain("7", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_are_written_with_french_thousands()
    {
        var set = Load("t", "En {{ annee }}, {{ v | nombre }} mineurs, dont {{ p | pourcent }} de filles.");

        var text = Assert.Single(set.Render("t", new Dictionary<string, object?>
        {
            ["annee"] = 2025,
            ["v"] = Published(IndicatorCodes.MinorVictims, "1234"),
            ["p"] = Published(IndicatorCodes.ShareGirls, "86.5"),
        }));

        Assert.Equal("En 2025, 1\u202F234 mineurs, dont 86,5\u00A0% de filles.", text);
    }

    [Fact]
    public void A_missing_value_names_the_template_the_line_and_the_value()
    {
        var set = Load("chiffres", "Titre\n\nEn {{ annee }}, {{ victimes_total | nombre }} mineurs.");

        var e = Assert.Throws<TemplateException>(() => set.Render("chiffres", new Dictionary<string, object?> { ["annee"] = 2025 }));

        Assert.Equal("modèle chiffres.liquid, ligne 3 : valeur « victimes_total » absente", e.Message);
    }

    [Fact]
    public void A_syntax_error_names_the_template()
    {
        dir.Write("tpl/casse.liquid", "{% if x %}sans fin");

        var e = Assert.Throws<TemplateException>(() => TemplateSet.Load(Path.Combine(dir.Path, "tpl")));

        Assert.StartsWith("modèle casse.liquid : ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_filter_is_an_error()
    {
        var set = Load("t", "{{ v | inconnu }}");

        var e = Assert.Throws<TemplateException>(() => set.Render("t", new Dictionary<string, object?> { ["v"] = Published(IndicatorCodes.MinorVictims, "3") }));
        Assert.Contains("t.liquid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_templates_all_parse()
    {
        var set = TemplateSet.Load(Path.Combine(RepositoryPaths.Root, "templates"));

        Assert.NotEmpty(set.Names);
    }

    private TemplateSet Load(string name, string source)
    {
        dir.Write($"tpl/{name}.liquid", source);
        return TemplateSet.Load(Path.Combine(dir.Path, "tpl"));
    }

    private static CellKey Key(string indicator) => new(indicator, 2025, Level.France, "FR", "ESM", "toutes");

    private static Figure Published(string indicator, string value) =>
        Figure.Of(new Cell(Key(indicator), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), CellStatus.Published, []));
}
