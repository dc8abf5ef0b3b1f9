using System.Buffers;

namespace Reporting.Ingestion;

/// <summary>
/// Reads a file as a sequence of <see cref="CsvBlock"/>s of about <see cref="BlockSize"/> bytes, each cut after the last
/// record that ends in it. Only this cut is sequential (and cheap: a search for the last line feed, when no quote came
/// before it); parsing and validating the blocks is left to the caller, in parallel. Memory stays at a few blocks
/// whatever the size of the file.
/// </summary>
internal sealed class CsvBlocks : IDisposable
{
    /// <summary>With its slack, a block takes a 1 MiB array of the shared pool (the pool rounds sizes up to a power of two).</summary>
    public const int BlockSize = (1 << 20) - Slack;

    /// <summary>Spare bytes after the data of a block, so that a 32-byte vector load near its end stays in the array.</summary>
    private const int Slack = 64;

    private readonly FileStream stream;
    private byte[] carry = new byte[4096];
    private int carryLength;
    private long nextLine = 1;
    private bool endOfFile;
    private int index;
    private int blockSize;

    /// <param name="blockSize">tests cut small files into many blocks with a small size</param>
    public CsvBlocks(string path, int blockSize = BlockSize)
    {
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        this.blockSize = blockSize;
    }

    /// <summary>The next block, or null at the end of the file. Not thread-safe: one caller at a time.</summary>
    public CsvBlock? Next()
    {
        while (true)
        {
            if (endOfFile && carryLength == 0)
            {
                return null;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(blockSize, carryLength * 2) + Slack);
            carry.AsSpan(0, carryLength).CopyTo(buffer);
            var length = carryLength;
            var capacity = buffer.Length - Slack;
            while (!endOfFile && length < capacity)
            {
                var n = stream.Read(buffer, length, capacity - length);
                if (n == 0)
                {
                    endOfFile = true;
                }

                length += n;
            }

            var data = buffer.AsSpan(0, length);
            var (lineFeeds, hasQuoteOrCr) = LineBreaks.Survey(data);
            var cut = endOfFile ? length : Cut(data, hasQuoteOrCr);
            if (cut == 0)
            {
                // Not one whole record in the buffer: a record longer than a block. Read on with a larger one.
                Keep(data);
                ArrayPool<byte>.Shared.Return(buffer);
                blockSize *= 2;
                continue;
            }

            // The bytes after the cut start the next block: copied now, before this block goes to another thread.
            Keep(data[cut..]);
            var block = new CsvBlock(index++, buffer, cut, nextLine);
            nextLine += hasQuoteOrCr ? LineBreaks.Count(data[..cut]) : lineFeeds - data[cut..].Count((byte)'\n');
            return block;
        }
    }

    public void Dispose() => stream.Dispose();



    private void Keep(ReadOnlySpan<byte> rest)
    {
        if (carry.Length < rest.Length)
        {
            carry = new byte[Math.Max(rest.Length, carry.Length * 2)];
        }

        rest.CopyTo(carry);
        carryLength = rest.Length;
    }

    /// <summary>
    /// Where the last record that surely ends in <paramref name="data"/> ends. With no quote before the last line feed,
    /// every line feed ends a record or a blank line; otherwise the records are walked from the start (a quoted field
    /// may hold line ends), which only files with quotes pay for.
    /// </summary>
    private static int Cut(ReadOnlySpan<byte> data, bool hasQuoteOrCr)
    {
        var lastLf = data.LastIndexOf((byte)'\n');
        if (lastLf >= 0 && (!hasQuoteOrCr || data[..lastLf].IndexOf((byte)'"') < 0))
        {
            return lastLf + 1;
        }

        var fields = new FieldSpan[16];
        var cut = 0;
        var position = 0;
        while (CsvRecordParser.Read(data, position, final: false, ref fields, out _, out var next, out _) == RecordStatus.Record)
        {
            position = next;
            cut = next;
        }

        return cut;
    }
}
