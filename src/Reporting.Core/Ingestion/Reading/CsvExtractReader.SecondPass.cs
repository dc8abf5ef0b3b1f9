using System.Collections.Concurrent;
using System.Text;
using Reporting.Reference;

namespace Reporting.Ingestion;

// Pass 2: every line validated, block by block on every core, and merged in file order.
public static partial class CsvExtractReader
{
    private static FileReport SecondPass(
        string path,
        string displayName,
        ExtractSchema schema,
        int? fileYear,
        Geography geography,
        IngestionOptions options,
        Encoding encoding,
        string encodingName,
        Func<LineValidator, LineSink> sinkFor,
        IdHashSet? ids,
        int threads)
    {
        using var blocks = new CsvBlocks(path, options.BlockSize);
        var first = blocks.Next();
        HeaderMap? header = null;
        var blankLines = 0L;
        var headerLines = 0;
        while (first is not null && (header = Header(first, encoding, displayName, schema, out var found, out var blank, out headerLines)) is null && !found)
        {
            // Nothing but blank lines in this block: the header is further on.
            blankLines += blank;
            first.Release();
            first = blocks.Next();
        }

        if (first is null || header is null)
        {
            // Only blank lines: nothing is counted, as for any file refused before its lines are read (FileReport).
            first?.Release();
            return Failed(displayName, schema, fileYear, encodingName, new FileFailure(displayName, Rule.Unreadable, "fichier vide, aucune ligne d'en-tête"));
        }

        if (header.Failure is not null)
        {
            first.Release();
            return Failed(displayName, schema, fileYear, encodingName, header.Failure);
        }

        var fileWarnings = new List<FileWarning>();
        if (encoding == Windows1252)
        {
            fileWarnings.Add(new FileWarning(Rule.Windows1252, "les accents ont été lus en Windows-1252"));
        }

        fileWarnings.AddRange(header.Warnings);
        blankLines += header.BlankLinesBefore;
        var validator = new LineValidator(displayName, schema, header, fileYear, encoding, geography);
        var sink = sinkFor(validator);
        sink.Ids = ids is { Count: > 0 } ? ids : null;
        var outcomes = new ConcurrentDictionary<int, BlockOutcome>();
        Blocks.ForEach(
            first,
            blocks,
            threads,
            () => sink.NewWorker(),
            (block, worker) =>
            {
                outcomes[block.Index] = worker.Validate(block);
                return worker;
            },
            sink.Merge);

        var issues = new List<LineIssue>();
        var read = 0L;
        var rejected = 0L;
        RecordSpan? longest = null;
        foreach (var outcome in outcomes.OrderBy(o => o.Key).Select(o => o.Value))
        {
            issues.AddRange(outcome.Issues);
            read += outcome.Read;
            rejected += outcome.Rejected;
            blankLines += outcome.Blank;
            if (outcome.LongestMultiLineRecord is { } span && (longest is null || span.Lines > longest.Lines))
            {
                longest = span;
            }

            sink.Collect(outcome);
        }

        var failure = read == 0
            ? new FileFailure(displayName, Rule.EmptyExtract, EmptyExtractDetail)
            : ErrorShareFailure(displayName, checked((int)read), checked((int)rejected), options, longest);
        return new FileReport(displayName, schema.FileKind, fileYear, encodingName, checked((int)read), checked((int)(read - rejected)), checked((int)rejected), issues, fileWarnings, failure)
        {
            HeaderLines = headerLines,
            BlankLines = checked((int)blankLines),
            LongestMultiLineRecord = longest,
        };
    }

    /// <summary>
    /// A header and no data line: an export that delivered nothing. Read as zero it would publish a fall to 0 (and
    /// -100 %); a source with nothing to send sends no file, which the engine publishes as not available (x).
    /// </summary>
    private const string EmptyExtractDetail =
        "en-tête seul, sans aucune ligne de données : un export qui n'a rien livré ; une source sans données à transmettre n'envoie pas de fichier, et ses chiffres de l'année sont alors publiés « non disponibles » (x), jamais 0";
}
