using Reporting.Harmonisation;
using Reporting.Ingestion;
using Reporting.Reference;
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

    [Fact]
    public void The_shipped_nomenclature_is_2026_2_and_flags_exactly_the_three_codes_that_name_a_network()
    {
        var nomenclature = Nomenclature.Shipped();

        Assert.Equal("2026-2", nomenclature.Version);
        Assert.True(nomenclature.FlagsDigital);
        Assert.Equal(["23367", "23776", "23820"], nomenclature.Entries.Where(e => e.Digital).Select(e => e.Code).Order(StringComparer.Ordinal));
        Assert.True(nomenclature.HasDigitalCode(Source.Police, Category.All, 2025));
        Assert.True(nomenclature.HasDigitalCode(Source.Justice, Category.Trafficking, 2025));
        Assert.False(nomenclature.HasDigitalCode(Source.Justice, Category.Pimping, 2025));
        Assert.False(nomenclature.HasDigitalCode(Source.Ase, Category.Prostitution, 2025));
    }

    [Fact]
    public void The_previous_version_still_reads_with_the_same_mapping_and_says_nothing_of_the_digital_dimension()
    {
        var path = dir.Write(Nomenclature.PreviousFile, ReferenceData.ReadText(Nomenclature.PreviousFile));

        var previous = Nomenclature.FromFile(path);
        var shipped = Nomenclature.Shipped();

        Assert.Equal("2026-1", previous.Version);
        Assert.False(previous.FlagsDigital);
        Assert.DoesNotContain(previous.Entries, e => e.Digital);
        Assert.False(previous.HasDigitalCode(Source.Police, Category.Prostitution, 2025));
        Assert.Equal(shipped.Entries.Select(e => e with { Digital = false }), previous.Entries);
    }

    [Fact]
    public void Columns_are_read_by_their_names_in_any_order()
    {
        var path = dir.Write("nomenclature-test.csv", "libelle;numerique;code;systeme;categorie;valide_au;valide_du;mineur_requis\nA;O;23367;NATINF;ESM-PROST;;;O\nB;N;PROST;ASE;ESM-PROST;;2019-01-01;N\n");

        var nomenclature = Nomenclature.FromFile(path);

        Assert.Equal(
            [
                new NomenclatureEntry("NATINF", "23367", "ESM-PROST", MinorRequirement.Under18, null, null, "A") { Digital = true },
                new NomenclatureEntry("ASE", "PROST", "ESM-PROST", MinorRequirement.None, new DateOnly(2019, 1, 1), null, "B"),
            ],
            nomenclature.Entries);
    }

    [Theory]
    [InlineData("NATINF;23367;ESM-PROST;O;;;oui;A", "nomenclature-test.csv, ligne 2, colonne numerique : « oui » n'est pas O ou N")]
    [InlineData("NATINF;23367;ESM-PROST;O;;;;A", "nomenclature-test.csv, ligne 2, colonne numerique : valeur vide, O ou N attendu")]
    [InlineData("ASE;PROST;ESM-PROST;N;;;O;A", "nomenclature-test.csv, ligne 2, colonne numerique : « O » réservé aux codes NATINF, dont la qualification pénale peut viser un réseau de communications électroniques")]
    public void A_bad_digital_flag_is_refused_naming_the_file_the_line_and_the_rule(string row, string message)
    {
        var path = dir.Write("nomenclature-test.csv", Header.Replace("libelle", "numerique;libelle", StringComparison.Ordinal) + "\n" + row + "\n");

        var e = Assert.Throws<NomenclatureException>(() => Nomenclature.FromFile(path));

        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("systeme;code;categorie;mineur_requis;valide_du;valide_au;numerik;libelle", "nomenclature-test.csv, ligne 1 : colonne inconnue « numerik » (colonnes attendues : systeme;code;categorie;mineur_requis;valide_du;valide_au;libelle, et facultativement numerique)")]
    [InlineData("systeme;code;categorie;mineur_requis;valide_du;libelle", "nomenclature-test.csv, ligne 1 : colonne « valide_au » absente (colonnes attendues : systeme;code;categorie;mineur_requis;valide_du;valide_au;libelle, et facultativement numerique)")]
    [InlineData("systeme;code;categorie;mineur_requis;valide_du;valide_au;libelle;code", "nomenclature-test.csv, ligne 1 : colonne « code » présente deux fois")]
    public void A_header_that_names_an_unknown_a_missing_or_a_repeated_column_is_refused(string header, string message)
    {
        var path = dir.Write("nomenclature-test.csv", header + "\nNATINF;23364;ESM-PROST;O;;;N;A\n");

        var e = Assert.Throws<NomenclatureException>(() => Nomenclature.FromFile(path));

        Assert.Equal(message, e.Message);
    }
}
