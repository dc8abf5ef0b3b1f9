using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Reporting.Ingestion;

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
