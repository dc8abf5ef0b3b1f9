using System.Globalization;
using System.Text;
using Reporting.Harmonisation;
using Reporting.Ingestion;
using Reporting.Reference;
using Reporting.Tests.Support;

namespace Reporting.Tests.Ingestion;

/// <summary>Measures the whole process's memory: run alone, so that no other test allocates meanwhile.</summary>
[CollectionDefinition(nameof(AllocationMeasures), DisableParallelization = true)]
public sealed class AllocationMeasures;

/// <summary>
/// What reading keeps must not grow with the out-of-scope lines (the memory rule): four times more of them, a
/// third with keys, must not keep even a few bytes each — no string, no object, no entry per out-of-scope line.
/// </summary>
[Collection(nameof(AllocationMeasures))]
public sealed class BoundedMemoryTests : IDisposable
{
    private const string PoliceHeader = "id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Reading_keeps_nothing_of_the_out_of_scope_lines()
    {
        var small = Extract("police_2024.csv", outOfScope: 50_000);
        var large = Extract("police_2023.csv", outOfScope: 200_000);
        var scope = Nomenclature.Shipped().Scope();

        // Once first, so that the shared pool of read buffers holds what it will hold (it is bounded by the blocks in flight).
        Retained(large, scope);

        var smallBytes = Retained(small, scope);
        var largeBytes = Retained(large, scope);

        // 150,000 more lines: 2 bytes each would be 300 KB.
        Assert.True(largeBytes - smallBytes < 300_000, $"{largeBytes - smallBytes:N0} bytes more kept for 150,000 more out-of-scope lines");
    }

    /// <summary>The memory the reading's result holds, once everything else it made is collected.</summary>
    private static long Retained(ExtractFile file, ExtractScope scope)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var scoped = CsvExtractReader.ReadInScope(file, Geography.Default, IngestionOptions.Default, scope);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(10, scoped.Lines.Count);
        Assert.Empty(scoped.Keys);
        GC.KeepAlive(scoped);
        return after - before;
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
