using Reporting.Reference;

namespace Reporting.Tests.Reference;

public sealed class PlaceNameTests
{
    [Theory]
    [InlineData("01", "dans l'Ain", "l'Ain", "de l'Ain")]
    [InlineData("13", "dans les Bouches-du-Rhône", "les Bouches-du-Rhône", "des Bouches-du-Rhône")]
    [InlineData("07", "en Ardèche", "l'Ardèche", "de l'Ardèche")]
    [InlineData("59", "dans le Nord", "le Nord", "du Nord")]
    [InlineData("80", "dans la Somme", "la Somme", "de la Somme")]
    [InlineData("75", "à Paris", "Paris", "de Paris")]
    [InlineData("974", "à La Réunion", "La Réunion", "de La Réunion")]
    [InlineData("2A", "en Corse-du-Sud", "la Corse-du-Sud", "de la Corse-du-Sud")]
    public void A_departement_is_said_with_its_article_and_preposition(string code, string inIt, string withArticle, string of)
    {
        var place = Geography.Default[code].Place;

        Assert.Equal(inIt, place.In);
        Assert.Equal(withArticle, place.WithArticle);
        Assert.Equal(of, place.Of);
    }

    [Theory]
    [InlineData("44", "dans le Grand Est")]
    [InlineData("32", "dans les Hauts-de-France")]
    [InlineData("52", "dans les Pays de la Loire")]
    [InlineData("11", "en Île-de-France")]
    [InlineData("04", "à La Réunion")]
    [InlineData("06", "à Mayotte")]
    public void A_region_is_said_with_its_preposition(string code, string inIt) =>
        Assert.Equal(inIt, Geography.Default.GetRegion(code).Place.In);

    /// <summary>Every one of the 119 names: a preposition French uses, the name itself after it, and the article its type says.</summary>
    [Fact]
    public void Every_name_has_a_locative_consistent_with_its_type()
    {
        var places = Geography.Default.Departements.Select(d => d.Place).Concat(Geography.Default.Regions.Select(r => r.Place)).ToArray();

        Assert.Equal(119, places.Length);
        Assert.All(places, p =>
        {
            Assert.Matches("^(dans (le |la |les |l')|en |à )", p.In);
            Assert.EndsWith(p.Name, p.In, StringComparison.Ordinal);
            Assert.True(!p.In.StartsWith("dans", StringComparison.Ordinal) || p.In == "dans " + p.WithArticle, p.Name);
        });
        Assert.True(Geography.Default.Regions.Where(r => r.IsSingleDepartement).All(r => r.Code.StartsWith('0')), "only overseas regions hold one département");
    }
}
