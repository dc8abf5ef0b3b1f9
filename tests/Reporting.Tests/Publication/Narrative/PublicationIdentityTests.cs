using Reporting.Publication.Narrative;
using Reporting.Publication.Report;
using Reporting.Run;
using Reporting.Tests.Support;

namespace Reporting.Tests.Publication.Narrative;

/// <summary>
/// The publication's identity as data (<c>templates/publication.json</c>): read with defaults, checked field by field, and
/// a dated edition refused while a field still reads « À COMPLÉTER », before anything is published.
/// </summary>
public sealed class PublicationIdentityTests
{
    [Fact]
    public void The_shipped_identity_is_complete_and_printed_by_the_report()
    {
        var identity = TemplateSet.Load(SampleRun.Parameters.Templates).Identity;

        Assert.Empty(identity.Placeholders());
        Assert.Equal("SSMSI", identity.ServiceShort);
        var context = new PublicationContext(SampleRun.Edition, TemplateSet.Load(SampleRun.Parameters.Templates));
        var title = Assert.IsType<TitleElement>(AnnualReport.Compose(context).Elements[0]);
        Assert.Contains(identity.SeriesLine, title.Edition, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_left_out_takes_its_default_and_a_placeholder_is_named()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "publication.json"), """{ "collection": "Interstats Analyse", "numero": "73", "issn": "À COMPLÉTER" }""");

        var identity = PublicationIdentity.Load(dir.Path);

        Assert.Equal("73", identity.Number);
        Assert.Equal(PublicationIdentity.Default.Service, identity.Service);
        Assert.Equal(["auteurs", "contact", "directeur_publication", "fiches_url", "issn", "prochaine_publication", "tableaux_url"], identity.Placeholders().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_dated_edition_with_a_placeholder_left_fails_naming_the_file_and_the_field_and_publishes_nothing()
    {
        using var dir = TemplatesWith("""{ "issn": "À COMPLÉTER" }""");
        var parameters = SampleRun.Parameters with { TemplatesDirectory = dir.Path };

        var outcome = AnnualRun.Render(SampleRun.Edition, parameters, renderings: Reporting.Publication.Renderings.Text);

        var failure = Assert.Single(outcome.Failures);
        Assert.Contains(Path.Combine(dir.Path, "publication.json"), failure, StringComparison.Ordinal);
        Assert.Contains("« issn »", failure, StringComparison.Ordinal);
        Assert.Contains("édition datée", failure, StringComparison.Ordinal);
        Assert.Empty(outcome.Files);
    }

    [Fact]
    public void A_working_edition_prints_its_placeholders_so_that_nobody_takes_it_for_the_final_one()
    {
        using var dir = TemplatesWith("""{ "numero": "À COMPLÉTER" }""");
        var undated = SampleRun.Edition with { Parameters = SampleRun.Edition.Parameters with { PublicationDate = null } };

        var report = AnnualReport.Compose(new PublicationContext(undated, TemplateSet.Load(dir.Path)));

        Assert.Contains("n° À COMPLÉTER", Assert.IsType<TitleElement>(report.Elements[0]).Edition, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "servise": "SSMSI" }""", "champ « servise » inconnu")]
    [InlineData("""{ "auteurs": "une seule personne" }""", "« auteurs » doit être une liste de textes")]
    [InlineData("""{ "numero": 72 }""", "« numero » doit être un texte")]
    [InlineData("{ \"service\": \"SSMSI\",\n  \"numero\" \"72\" }", "ligne 2")]
    public void A_broken_identity_file_is_a_clear_error_naming_the_file(string json, string expected)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "publication.json"), json);

        var e = Assert.Throws<TemplateException>(() => PublicationIdentity.Load(dir.Path));

        Assert.StartsWith(Path.Combine(dir.Path, "publication.json"), e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    /// <summary>The shipped templates with another identity file.</summary>
    private static TempDirectory TemplatesWith(string json)
    {
        var dir = new TempDirectory();
        foreach (var file in Directory.GetFiles(SampleRun.Parameters.Templates, "*.liquid"))
        {
            File.Copy(file, Path.Combine(dir.Path, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(dir.Path, "publication.json"), json);
        return dir;
    }
}
