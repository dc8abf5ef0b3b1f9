using Reporting.Harmonisation;
using Reporting.Tests.Support;

namespace Reporting.Tests.Harmonisation;

/// <summary>Issue #11: a nomenclature given with --nomenclature that maps nothing, or a code valid on no day, is a broken configuration.</summary>
public sealed class NomenclatureTests : IDisposable
{
    private const string Header = "systeme;code;categorie;mineur_requis;valide_du;valide_au;libelle";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData(Header)]
    [InlineData(Header + "\n")]
    [InlineData(Header + "\r\n\r\n")]
    public void A_header_without_any_row_is_refused_naming_the_file_the_line_and_the_rule(string content)
    {
        var path = dir.Write("nomenclature-test.csv", content);

        var e = Assert.Throws<NomenclatureException>(() => Nomenclature.FromFile(path));

        Assert.Equal("nomenclature-test.csv, ligne 1 : nomenclature vide, l'en-tête n'est suivi d'aucune ligne de correspondance", e.Message);
    }

    [Fact]
    public void A_validity_that_ends_before_it_starts_is_refused_naming_the_file_the_line_and_the_rule()
    {
        var path = dir.Write("nomenclature-test.csv", Header + "\nNATINF;23364;ESM-PROST;O;;;A\nNATINF;23365;ESM-PROST;O;2021-01-01;31/12/2020;B\n");

        var e = Assert.Throws<NomenclatureException>(() => Nomenclature.FromFile(path));

        Assert.Equal("nomenclature-test.csv, ligne 3, colonne valide_au : période de validité vide, valide_au « 31/12/2020 » est antérieur à valide_du « 2021-01-01 »", e.Message);
    }

    [Fact]
    public void A_validity_of_one_day_or_open_at_either_end_is_accepted()
    {
        var path = dir.Write("nomenclature-test.csv", Header + "\nNATINF;23364;ESM-PROST;O;2021-01-01;2021-01-01;A\nNATINF;23365;ESM-PROST;O;;2020-12-31;B\nNATINF;23366;ESM-PROST;O;2021-01-01;;C\n");

        var nomenclature = Nomenclature.FromFile(path);

        Assert.Equal(3, nomenclature.Entries.Count);
        Assert.True(nomenclature.Entries[0].IsValidOn(new DateOnly(2021, 1, 1)));
    }
}
