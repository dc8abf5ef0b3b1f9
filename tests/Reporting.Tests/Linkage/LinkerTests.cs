using Reporting.Harmonisation;
using Reporting.Ingestion;
using Reporting.Linkage;
using Reporting.Reference;
using Reporting.Tests.Support;

namespace Reporting.Tests.Linkage;

/// <summary>Key propagation and key conflicts when ingestion keeps out-of-scope lines' keys for in-scope ids only.</summary>
public sealed class LinkerTests : IDisposable
{
    private const string PoliceHeader = "id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void A_key_less_line_takes_the_first_key_of_its_id_wherever_it_is_and_conflicts_are_reported_for_in_scope_ids()
    {
        // Given: V1 keyed on an earlier out-of-scope line; V2 on a later one; V3 with its own key and another on an
        // out-of-scope line (a conflict); V4 two keys on out-of-scope lines only (nothing to report: no figure uses it).
        dir.Write("police_2024.csv", PoliceHeader + "\n"
            + $"P1;V1;PN;;2024-01-05;7875;75;F;15;{Keys.A}\n"
            + "P1;V1;PN;;2024-01-05;23364;75;F;15;\n"
            + "P2;V2;PN;;2024-02-05;23364;13;F;15;\n"
            + $"P2;V2;PN;;2024-02-05;7875;13;F;15;{Keys.B}\n"
            + $"P3;V3;PN;;2024-03-05;23364;69;F;15;{Keys.C}\n"
            + $"P3;V3;PN;;2024-03-05;7151;69;F;15;{Keys.D}\n"
            + $"P4;V4;PN;;2024-03-05;7151;69;F;15;{Keys.E}\n"
            + $"P4;V4;PN;;2024-03-05;7875;69;F;15;{Keys.Of(6)}\n");
        var nomenclature = Nomenclature.Shipped();
        var harmoniser = new Harmoniser(nomenclature);
        var linker = new Linker();

        // When
        ExtractLoader.Load(DataDirectory.Discover(dir.Path), Geography.Default, IngestionOptions.Default, nomenclature.Scope(), extract => linker.Link(extract, harmoniser.Classify), out _);
        var linked = linker.Build();

        // Then: V1 and V2 take their keys (2 inherited), V3 keeps its own; one conflict, V3's, lines 6 and 7.
        var coverage = Assert.Single(linked.Coverage);
        Assert.Equal((3, 1, 2), (coverage.InScopeLines, coverage.WithOwnKey, coverage.WithInheritedKey));
        var conflict = Assert.Single(linked.Conflicts);
        Assert.Equal([6, 7], conflict.Lines);
        Assert.All(linked.Lines, l => Assert.True(l.Keyed));
    }
}
