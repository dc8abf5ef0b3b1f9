using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Ingestion;
using Reporting.Linkage;
using Reporting.Reference;

namespace Reporting.Tests.Indicators;

/// <summary>
/// The "first line" rules of the counting (outputs.md), which the builder decides from one sort per year: each case puts
/// the deciding line where a plain file order would get it wrong.
/// </summary>
public sealed class IndicatorBuilderTests
{
    private static readonly int[] Years = [2019];

    [Fact]
    public void Departement_ties_on_date_and_source_go_to_the_smaller_code_in_ordinal_order()
    {
        // Given: one police person, two lines of the same day, 2B met first in the file; 21 < 2A < 2B ordinally.
        var set = Build(
            Line(1, Source.Police, "2B", "2019-04-02"),
            Line(1, Source.Police, "21", "2019-04-02"));

        Assert.Equal(1m, Count("DEP", "21", "police"));
        Assert.Equal(0m, Count("DEP", "2B", "police"));

        decimal? Count(string level, string territory, string source) =>
            set.Get(IndicatorCodes.MinorVictims, 2019, level == "DEP" ? Level.Departement : Level.France, territory, Category.Prostitution, source).Value;
    }

    [Fact]
    public void For_all_sources_a_tie_on_the_date_goes_to_police_then_ase_then_sante_whatever_the_file_order()
    {
        // Given: the ASE line comes first in the linked order (files are read ase, justice, police, sante).
        var set = Build(
            Line(1, Source.Ase, "13", "2019-04-02"),
            Line(1, Source.Police, "75", "2019-04-02"));

        Assert.Equal(1m, set.Get(IndicatorCodes.MinorVictims, 2019, Level.Departement, "75", Category.Prostitution, "toutes").Value);
        Assert.Equal(0m, set.Get(IndicatorCodes.MinorVictims, 2019, Level.Departement, "13", Category.Prostitution, "toutes").Value);
        Assert.Equal(1m, set.Get(IndicatorCodes.MinorVictims, 2019, Level.Departement, "13", Category.Prostitution, "ase").Value);
    }

    [Fact]
    public void The_first_known_sex_is_taken_by_date_then_file_order_and_the_earliest_line_decides_even_in_another_category()
    {
        // Given: the latest line (first in the file) says F; of the two earlier lines of the same day, the first in the file
        // says M; the earliest line of all is in another category and another département, and still decides the département.
        var set = Build(
            Line(1, Source.Police, "75", "2019-09-01", Sex.Female),
            Line(1, Source.Police, "75", "2019-03-01", Sex.Male),
            Line(1, Source.Police, "75", "2019-03-01", Sex.Female),
            Line(1, Source.Police, "69", "2019-01-15", Sex.Female, Category.Trafficking));

        Assert.Equal(0m, set.Get(IndicatorCodes.ShareGirls, 2019, Level.France, "FR", Category.Prostitution, "police").Value);
        Assert.Equal(1m, set.Get(IndicatorCodes.MinorVictims, 2019, Level.Departement, "69", Category.Prostitution, "police").Value);
        Assert.Equal(100m, set.Get(IndicatorCodes.ShareGirls, 2019, Level.France, "FR", Category.Trafficking, "police").Value);
        Assert.Equal(100m, set.Get(IndicatorCodes.ShareGirls, 2019, Level.France, "FR", Category.All, "police").Value);
    }

    private static PersonLine Line(int person, Source source, string dep, string date, Sex sex = Sex.Female, string category = Category.Prostitution) =>
        new(source, 2019, person, Keyed: true, dep, DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), category, CountsForMinors: true, CountedNowhere: false, sex, 15, null);

    private static IndicatorSet Build(params PersonLine[] lines)
    {
        var nomenclature = Nomenclature.Shipped();
        var availability = new Availability(nomenclature, new HashSet<(Source, int)> { (Source.Police, 2019), (Source.Ase, 2019), (Source.Sante, 2019) });
        var breaks = SeriesBreaks.Build([], availability, Years);
        return new IndicatorBuilder(Geography.Default, availability, breaks).Build(new LinkedData(lines, [], []), [], Years);
    }
}
