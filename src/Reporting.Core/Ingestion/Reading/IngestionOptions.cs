namespace Reporting.Ingestion;

public sealed record IngestionOptions(double MaxErrorShare = 0.05)
{
    public static readonly IngestionOptions Default = new();

    /// <summary>Bytes read at a time; tests make it small to cut small files into many blocks.</summary>
    internal int BlockSize { get; init; } = CsvBlocks.BlockSize;

    /// <summary>Threads that validate blocks at once; the benchmark's profile measures one.</summary>
    internal int Threads { get; init; } = Environment.ProcessorCount;
}
