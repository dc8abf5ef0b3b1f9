using System.Globalization;
using System.Runtime.CompilerServices;

namespace Reporting.Ingestion;

/// <summary>
/// One thread's validation of pass 2: the records of each block it takes, numbered by physical line, validated with its own
/// workspace; what becomes of a valid line is its sink's (<see cref="Accept"/>).
/// </summary>
internal abstract class LineWorker(LineValidator validator)
{
    protected LineWorkspace Workspace { get; } = new(validator.Schema.Columns.Count);

    protected LineValidator Validator { get; } = validator;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BlockOutcome Validate(CsvBlock block)
    {
        var outcome = new BlockOutcome();
        var data = block.Data;
        var position = block.Start;
        var line = block.FirstLine;
        var w = Workspace;
        int breaks;
        while (CsvRecordParser.Read(data, position, final: true, ref w.Fields, out var count, out var next, out breaks, out var plain) == RecordStatus.Record)
        {
            // A record is reported at the line where it starts (the parser counts to its last line, as CsvHelper
            // does): only a record with quotes can hold line breaks, so only then are the blank lines before it
            // counted apart.
            var blank = plain ? breaks : LineBreaks.Count(data[position..w.Fields[0].Start]);
            var inner = breaks - blank;
            var recordLine = checked((int)(line + blank));
            line += breaks + 1L;
            position = next;
            outcome.Blank += blank;
            // A quote still open at the end of the file takes the file's last line end into the record: that line end
            // starts no line.
            var last = w.Fields[count - 1];
            var lines = last.Start + last.Length == data.Length && data[^1] is (byte)'\r' or (byte)'\n' ? inner : inner + 1;
            if (lines > 1)
            {
                MultiLine(outcome, recordLine, checked((int)lines));
                continue;
            }

            outcome.Read++;
            if (!Validator.Validate(data, count, recordLine, w, outcome.Issues, plain))
            {
                outcome.Rejected++;
                continue;
            }

            Accept(data, recordLine, outcome, plain);
        }

        // The blank lines after the last record (the parser's end of data).
        outcome.Blank += breaks;
        return outcome;
    }

    /// <summary>
    /// No contract value holds a line break (codes, dates, ids, numbers): a record over several physical lines is a
    /// quote left open, which swallows the lines after it. It is rejected whole, and every line it covers counts as read
    /// and rejected, so that a stray quote that swallows much of a file makes the file fail on the error share.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MultiLine(BlockOutcome outcome, int firstLine, int lines)
    {
        outcome.Read += lines;
        outcome.Rejected += lines;
        outcome.Issues.Add(new LineIssue(
            Validator.File,
            firstLine,
            "*",
            Rule.UnclosedQuote,
            string.Create(CultureInfo.InvariantCulture, $"l'enregistrement couvre {lines} lignes physiques (lignes {firstLine} à {firstLine + lines - 1})")));
        if (outcome.LongestMultiLineRecord is null || lines > outcome.LongestMultiLineRecord.Lines)
        {
            outcome.LongestMultiLineRecord = new RecordSpan(firstLine, lines);
        }
    }

    /// <param name="plain">the record has nothing to unquote or trim (see <see cref="CsvRecordParser"/>)</param>
    protected abstract void Accept(ReadOnlySpan<byte> data, int line, BlockOutcome outcome, bool plain);
}
