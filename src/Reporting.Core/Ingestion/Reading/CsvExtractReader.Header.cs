using System.Text;

namespace Reporting.Ingestion;

// The header: the first record of the file, read from the first block that has one.
public static partial class CsvExtractReader
{
    /// <summary>
    /// Reads the header at the start of <paramref name="block"/> and moves the block's start past it. A UTF-8 byte-order
    /// mark is skipped, as a UTF-8 reader does, and also on a file read as Windows-1252 (a mark followed by invalid UTF-8
    /// further on): the mark is never text.
    /// </summary>
    /// <param name="found">false when the block holds only blank lines (then the result is null)</param>
    /// <param name="blankLines">when nothing was found, the block's blank lines (the header's own are in its map)</param>
    /// <param name="headerLines">the physical lines the header covers</param>
    private static HeaderMap? Header(CsvBlock block, Encoding encoding, string displayName, ExtractSchema schema, out bool found, out long blankLines, out int headerLines)
    {
        var data = block.Data;
        var start = block.Index == 0 && data.StartsWith("\uFEFF"u8) ? 3 : 0;
        var fields = new FieldSpan[32];
        var status = CsvRecordParser.Read(data, start, final: true, ref fields, out var count, out var next, out var breaks);
        found = status == RecordStatus.Record;
        headerLines = 0;
        blankLines = breaks;
        if (!found)
        {
            return null;
        }

        var before = LineBreaks.Count(data[start..fields[0].Start]);
        blankLines = 0;
        var last = fields[count - 1];
        var openToTheEnd = last.Start + last.Length == data.Length && data[^1] is (byte)'\r' or (byte)'\n';
        headerLines = checked((int)(breaks - before + (openToTheEnd ? 0 : 1)));

        var scratch = new byte[256];
        var used = 0;
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            var bytes = CsvRecordParser.IsMalformed(data, fields[i])
                ? CsvRecordParser.MalformedValue(data, fields[i], ref scratch, ref used)
                : CsvRecordParser.Value(data, fields[i], ref scratch, ref used);
            names[i] = encoding.GetString(bytes);
        }

        block.Start = next;
        block.FirstLine += breaks + 1;
        return HeaderMap.Build(displayName, schema, names, checked((int)before));
    }
}
