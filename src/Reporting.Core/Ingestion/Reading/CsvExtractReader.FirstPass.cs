using System.Text;

namespace Reporting.Ingestion;

// Pass 1: the file's encoding, and the ids of the lines that may be in scope.
public static partial class CsvExtractReader
{
    private sealed record FirstPassResult(bool IsUtf8, IdHashSet? Ids);

    private static FirstPassResult FirstPass(string path, string displayName, ExtractSchema schema, ExtractScope? scope, Source source, bool idScan, Encoding encoding, int threads, int blockSize)
    {
        using var blocks = new CsvBlocks(path, blockSize);
        var first = blocks.Next();
        IdScanner? scanner = null;
        var ids = idScan ? new IdHashSet() : null;
        var isUtf8 = true;
        if (idScan)
        {
            HeaderMap? header = null;
            while (first is not null && (header = Header(first, encoding, displayName, schema, out var found, out _, out _)) is null && !found)
            {
                // Nothing but blank lines in this block (valid UTF-8): the header is further on.
                first.Release();
                first = blocks.Next();
            }

            if (header is { Failure: null })
            {
                scanner = new IdScanner(schema, header, scope!, source);
            }
        }

        if (first is null)
        {
            return new FirstPassResult(isUtf8, ids);
        }

        var gate = new object();
        Blocks.ForEach(
            first,
            blocks,
            threads,
            () => (Utf8: true, Ids: idScan ? new IdHashSet() : null, Fields: new FieldSpan[32]),
            (block, local) =>
            {
                // A block ends after a line end (ASCII), so it never cuts a multi-byte character: checked block by block.
                local.Utf8 &= System.Text.Unicode.Utf8.IsValid(block.Data);
                if (scanner is not null)
                {
                    scanner.Scan(block, local.Ids!, ref local.Fields);
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    isUtf8 &= local.Utf8;
                    ids?.UnionWith(local.Ids!);
                }
            });
        return new FirstPassResult(isUtf8, ids);
    }
}
