using Reporting.Estimation;

namespace Reporting.Tests.Estimation;

public sealed class ModelSpecParserTests
{
    private static readonly string[] Names = ["LA", "NG", "PFNCA", "GO", "GP"];

    [Theory]
    [InlineData("stepwise", ModelSelection.Stepwise)]
    [InlineData("STEPWISE", ModelSelection.Stepwise)]
    [InlineData("", ModelSelection.Stepwise)]
    [InlineData("independence", ModelSelection.Independence)]
    [InlineData("indépendance", ModelSelection.Independence)]
    [InlineData("Mt", ModelSelection.Independence)]
    public void Reads_the_keywords(string text, ModelSelection expected)
    {
        Assert.Equal(expected, ModelSpecParser.Parse(text, Names).Spec!.Selection);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("[1, 2]")]
    [InlineData("LA:NG")]
    [InlineData("la:ng")]
    [InlineData("NG:LA")]
    [InlineData("1:NG")]
    public void Reads_one_term_by_index_or_name(string text)
    {
        var spec = ModelSpecParser.Parse(text, Names).Spec!;

        Assert.Equal(ModelSelection.Fixed, spec.Selection);
        Assert.Equal(new[] { new ListPair(0, 1) }, spec.Interactions);
    }

    [Theory]
    [InlineData("LA:NG,NG:GP")]
    [InlineData("[1,2][2,5]")]
    [InlineData("[1,2],[2,5]")]
    [InlineData("1:2 + 2:5")]
    [InlineData("NG:GP,LA:NG,LA:NG")]
    public void Reads_several_terms_sorted_without_duplicates(string text)
    {
        var spec = ModelSpecParser.Parse(text, Names).Spec!;

        Assert.Equal(new[] { new ListPair(0, 1), new ListPair(1, 4) }, spec.Interactions);
        Assert.Equal("LA:NG,NG:GP", spec.Describe(Names));
    }

    [Theory]
    [InlineData("LA:XX", "« XX » inconnue")]
    [InlineData("[1,6]", "« 6 » inconnue")]
    [InlineData("[1,1]", "deux listes différentes")]
    [InlineData("[1,2,3]", "il faut deux listes")]
    [InlineData("LA", "il faut deux listes")]
    public void Explains_what_is_wrong(string text, string fragment)
    {
        var result = ModelSpecParser.Parse(text, Names);

        Assert.False(result.Succeeded);
        Assert.Contains(fragment, result.Error);
    }
}
