using System.Globalization;
using System.Text;
using Reporting.Harmonisation;
using Reporting.Ingestion;
using Reporting.Reference;
using Reporting.Tests.Support;

namespace Reporting.Tests.Ingestion;

/// <summary>
/// What reading keeps must not grow with the out-of-scope lines (the memory rule): the result of reading holds
/// the in-scope lines and the keys their ids need, nothing per out-of-scope line. Memory itself is measured by the
/// benchmark (tests/Reporting.Benchmarks), not asserted here: a process-wide measure in a test is noise.
/// </summary>
public sealed class BoundedMemoryTests : IDisposable
{
    private const string PoliceHeader = "id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData(50_000)]
    [InlineData(200_000)]
    public void Reading_keeps_nothing_of_the_out_of_scope_lines(int outOfScope)
    {
        var file = Extract($"police_2024.csv", outOfScope);

        var scoped = CsvExtractReader.ReadInScope(file, Geography.Default, IngestionOptions.Default, Nomenclature.Shipped().Scope());

        // Only the ten in-scope lines, and no key: none of the out-of-scope ids is one of theirs.
        Assert.Equal(10, scoped.Lines.Count);
        Assert.Empty(scoped.Keys);
    }

    private ExtractFile Extract(string name, int outOfScope)
    {
        var year = int.Parse(name[7..11], CultureInfo.InvariantCulture);
        var sb = new StringBuilder(PoliceHeader).Append('\n');
        for (var i = 0; i < outOfScope; i++)
        {
            var key = i % 3 == 0 ? Keys.Of(i) : string.Empty;
            sb.Append(CultureInfo.InvariantCulture, $"P{i};O{i};PN;;{year}-03-04;7875;75;F;34;{key}\n");
        }

        for (var i = 0; i < 10; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Q{i};V{i};GN;;{year}-05-06;23364;13;F;15;{Keys.Of(1_000_000 + i)}\n");
        }

        return new ExtractFile(dir.Write(name, sb.ToString()), name, Source.Police, year);
    }
}
