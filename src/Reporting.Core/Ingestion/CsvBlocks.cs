using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
            var (lineFeeds, hasQuoteOrCr) = Survey(data);
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
            nextLine += hasQuoteOrCr ? LineBreaks(data[..cut]) : lineFeeds - data[cut..].Count((byte)'\n');
            return block;
        }
    }

    public void Dispose() => stream.Dispose();

    /// <summary>
    /// Line breaks as CsvHelper counts lines (its raw row): CRLF, CR or LF, inside quotes too, blank lines included.
    /// A block never ends between a CR and its LF, so blocks can be counted one by one.
    /// </summary>
    public static long LineBreaks(ReadOnlySpan<byte> data)
    {
        long breaks = data.Count((byte)'\n');
        var cr = data.Count((byte)'\r');
        return cr == 0 ? breaks : breaks + cr - data.Count("\r\n"u8);
    }

    /// <summary>
    /// One look at each byte of a block: its line feeds, and whether it holds a quote or a carriage return (then line
    /// ends and record ends need the slower, exact count).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (long LineFeeds, bool HasQuoteOrCr) Survey(ReadOnlySpan<byte> data)
    {
        long lineFeeds = 0;
        var special = false;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var origin = ref MemoryMarshal.GetReference(data);
            var lf = Vector256.Create((byte)'\n');
            var cr = Vector256.Create((byte)'\r');
            var quote = Vector256.Create((byte)'"');
            var any = Vector256<byte>.Zero;
            for (; i + Vector256<byte>.Count <= data.Length; i += Vector256<byte>.Count)
            {
                var v = Vector256.LoadUnsafe(ref origin, (nuint)i);
                lineFeeds += BitOperations.PopCount(Vector256.Equals(v, lf).ExtractMostSignificantBits());
                any |= Vector256.Equals(v, cr) | Vector256.Equals(v, quote);
            }

            special = any != Vector256<byte>.Zero;
        }

        foreach (var b in data[i..])
        {
            lineFeeds += b == '\n' ? 1 : 0;
            special |= b is (byte)'\r' or (byte)'"';
        }

        return (lineFeeds, special);
    }

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

/// <summary>Runs work over the blocks of a file, on every core or on one.</summary>
internal static class Blocks
{
    /// <summary>
    /// Each block once, to <paramref name="body"/> with the state of the thread that took it; <paramref name="done"/> receives
    /// each thread's state at the end. One thread reads the blocks ahead into a short queue while the others work: the
    /// workers never wait on each other for the file, and no more than a few blocks are in memory.
    /// </summary>
    public static void ForEach<TLocal>(CsvBlock first, CsvBlocks rest, int threads, Func<TLocal> init, Func<CsvBlock, TLocal, TLocal> body, Action<TLocal> done)
    {
        if (threads <= 1)
        {
            var local = init();
            foreach (var block in All(first, rest))
            {
                try
                {
                    local = body(block, local);
                }
                finally
                {
                    block.Release();
                }
            }

            done(local);
            return;
        }

        using var cancel = new CancellationTokenSource();
        using var queue = new BlockingCollection<CsvBlock>(boundedCapacity: threads);
        // The reader has a thread of its own: it blocks on the file and on the queue, and must never wait for a pool thread
        // that the workers (or the run's other work) hold.
        var reader = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var block in All(first, rest))
                    {
                        queue.Add(block, cancel.Token);
                    }
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Exception? failure = null;
        try
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
            {
                var local = init();
                foreach (var block in queue.GetConsumingEnumerable())
                {
                    try
                    {
                        local = body(block, local);
                    }
                    finally
                    {
                        block.Release();
                    }
                }

                done(local);
            });
        }
        catch (AggregateException e)
        {
            // A worker failed: stop the reader, which may be waiting for room in the queue.
            failure = e;
            cancel.Cancel();
        }

        try
        {
            reader.Wait();
        }
        catch (AggregateException e)
        {
            failure ??= e;
        }

        if (failure is not null)
        {
            // A read error is the file's (the caller reports it unreadable); anything else is a bug, rethrown as it was.
            var inner = ((AggregateException)failure).Flatten().InnerExceptions;
            ExceptionDispatchInfo.Throw(inner.FirstOrDefault(x => x is IOException) ?? inner[0]);
        }
    }

    private static IEnumerable<CsvBlock> All(CsvBlock first, CsvBlocks rest)
    {
        yield return first;
        while (rest.Next() is { } block)
        {
            yield return block;
        }
    }
}
