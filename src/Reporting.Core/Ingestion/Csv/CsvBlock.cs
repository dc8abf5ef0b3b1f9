using System.Buffers;

namespace Reporting.Ingestion;

/// <summary>
/// A run of whole records of a file: it starts and ends on a record boundary, so that it can be parsed on its own,
/// on any thread. <see cref="FirstLine"/> is the physical line number at <see cref="Start"/>.
/// </summary>
internal sealed class CsvBlock(int index, byte[] buffer, int length, long firstLine)
{
    public int Index { get; } = index;

    public byte[] Buffer { get; } = buffer;

    public int Length { get; } = length;

    public int Start { get; set; }

    public long FirstLine { get; set; } = firstLine;

    public ReadOnlySpan<byte> Data => Buffer.AsSpan(0, Length);

    public void Release() => ArrayPool<byte>.Shared.Return(Buffer);
}
