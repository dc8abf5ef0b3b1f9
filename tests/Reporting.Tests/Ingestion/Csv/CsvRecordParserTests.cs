using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Reporting.Ingestion;
using Reporting.Tests.Support;

namespace Reporting.Tests.Ingestion;

/// <summary>
/// The byte parser against CsvHelper 33, which the engine used before: on random files made of the characters that
/// matter (delimiter, quote, CR, LF, space, letters), both must give the same records, fields, malformed fields and
/// line numbers. Then the same files cut into small blocks must give the same records again.
/// </summary>
public sealed class CsvRecordParserTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reads_random_files_exactly_as_CsvHelper(int seed)
    {
        var text = RandomCsv(new Random(seed), seed % 4 == 0 ? "ab;\"\r\n " : "ab;\"\n;;ab");

        Assert.Equal(WithCsvHelper(text), WithParser(Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData("a;b\r\nc;d")]
    [InlineData("a;b\rc;d\r")]
    [InlineData("\n\n\r\na;\"b\nc\";d\n\r\n")]
    [InlineData("\"a\"\"b\";\"\";\"\"\"\"\n")]
    [InlineData("a\"b;\"a\"b;\"a\"b\"\n\"x\"\n")]
    [InlineData("\"unterminated;a\nb")]
    [InlineData("\"\n")]
    [InlineData("a;\n;b\n;\n")]
    [InlineData("\"a\r\nb\";c\r\nd;\"e\rf\"\r\n")]
    [InlineData("   \n a ; \"b\" \n")]
    public void Reads_the_edge_cases_exactly_as_CsvHelper(string text) =>
        Assert.Equal(WithCsvHelper(text), WithParser(Encoding.ASCII.GetBytes(text)));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Blocks_cut_anywhere_give_the_same_records_and_line_numbers(int seed)
    {
        var text = RandomCsv(new Random(seed), seed % 3 == 0 ? "ab;\"\r\n " : "abcd;;\n");
        var path = dir.Write($"f{seed}.csv", text, Encoding.ASCII);
        var whole = WithParser(Encoding.ASCII.GetBytes(text));

        foreach (var size in new[] { 1, 7, 64, 1000 })
        {
            var records = new List<string>();
            using var blocks = new CsvBlocks(path, size);
            while (blocks.Next() is { } block)
            {
                records.AddRange(Records(block.Data, block.Start, block.FirstLine));
                block.Release();
            }

            Assert.Equal(whole, records);
        }
    }

    private static string RandomCsv(Random rng, string alphabet)
    {
        var sb = new StringBuilder();
        var length = rng.Next(0, 400);
        for (var i = 0; i < length; i++)
        {
            sb.Append(alphabet[rng.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }

    /// <summary>One string per record: its line, its fields (value, or value and "!" when malformed).</summary>
    private static List<string> WithCsvHelper(string text)
    {
        var bad = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ";",
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            DetectDelimiter = false,
            Mode = CsvMode.RFC4180,
            BadDataFound = _ => bad = true,
        };
        var records = new List<string>();
        using var parser = new CsvParser(new StringReader(text), config);
        while (parser.Read())
        {
            var fields = new List<string>();
            for (var i = 0; i < parser.Count; i++)
            {
                bad = false;
                var value = parser[i];
                fields.Add(bad ? value + "!" : value);
            }

            records.Add($"{parser.RawRow}: {string.Join("|", fields)}");
        }

        return records;
    }

    private static List<string> WithParser(byte[] bytes) => Records(bytes, 0, 1);

    private static List<string> Records(ReadOnlySpan<byte> data, int start, long firstLine)
    {
        var records = new List<string>();
        var fields = new FieldSpan[4];
        var line = firstLine;
        var position = start;
        while (CsvRecordParser.Read(data, position, final: true, ref fields, out var count, out var next, out var breaks) == RecordStatus.Record)
        {
            var recordLine = line + breaks;
            line = recordLine + 1;
            position = next;
            var values = new List<string>();
            var scratch = new byte[8];
            var used = 0;
            for (var i = 0; i < count; i++)
            {
                var malformed = CsvRecordParser.IsMalformed(data, fields[i]);
                var value = malformed
                    ? CsvRecordParser.MalformedValue(data, fields[i], ref scratch, ref used)
                    : CsvRecordParser.Value(data, fields[i], ref scratch, ref used);
                values.Add(Encoding.ASCII.GetString(value) + (malformed ? "!" : string.Empty));
            }

            records.Add($"{recordLine}: {string.Join("|", values)}");
        }

        return records;
    }
}
