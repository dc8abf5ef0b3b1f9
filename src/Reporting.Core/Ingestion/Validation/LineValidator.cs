using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Reporting.Reference;

namespace Reporting.Ingestion;

/// <summary>
/// Every rule of the data contract for one line, applied to its bytes (extracts.md). The common values (ASCII dates,
/// codes, keys) are checked where they lie, without a string; anything unusual (non-ASCII at a value's ends, a date of
/// another shape) goes through the same string rules as before (<see cref="Values"/>), so both paths decide alike.
/// Issues, rare, are the only strings made for an invalid line.
/// <para>
/// Here: the validator's tables, the values of a validated line and the rule across columns (the sentence). The byte
/// path is in <c>LineValidator.Bytes.cs</c>, the decoded path in <c>LineValidator.Text.cs</c>, the issues in
/// <c>LineValidator.Issues.cs</c>.
/// </para>
/// </summary>
internal sealed partial class LineValidator
{
    private static readonly SearchValues<byte> LowerHex = SearchValues.Create("0123456789abcdef"u8);
    private static readonly string[] Sexes = ["F", "M", "I"];

    private readonly string file;
    private readonly ExtractSchema schema;
    private readonly ColumnSpec[] columns;
    private readonly ColumnKind[] kinds;
    private readonly int[] positions;
    private readonly HeaderMap header;
    private readonly int? fileYear;
    private readonly Encoding encoding;
    private readonly Geography geography;
    private readonly DepartementCodes departements;
    private readonly ListValues[] lists;
    private readonly bool[] required;
    private readonly DateOnly[] daysOfFileYear;
    private readonly int firstDayOfYear;
    private readonly int lastDayOfYear;
    private readonly int referenceColumn;
    private readonly int stepColumn;
    private readonly int sentenceColumn;
    private readonly long[] minimum;
    private readonly long[] maximum;
    private readonly long[] plausible;

    public LineValidator(string file, ExtractSchema schema, HeaderMap header, int? fileYear, Encoding encoding, Geography geography)
    {
        this.file = file;
        this.schema = schema;
        this.header = header;
        this.fileYear = fileYear;
        this.encoding = encoding;
        this.geography = geography;
        columns = schema.Columns.ToArray();
        kinds = columns.Select(c => c.Kind).ToArray();
        positions = header.IndexOfColumn;
        departements = DepartementCodes.For(geography);
        lists = columns.Select(c => new ListValues(c.Choices ?? [])).ToArray();
        required = columns.Select(c => c.ValueRequired).ToArray();
        if (columns.FirstOrDefault(c => c.Kind is ColumnKind.Integer or ColumnKind.NonNegativeInteger && c.Bounds is null) is { } unbounded)
        {
            throw new InvalidOperationException($"The integer column {unbounded.Name} of the {schema.FileKind} schema has no bounds.");
        }

        minimum = columns.Select(c => c.Bounds?.Minimum ?? long.MinValue).ToArray();
        maximum = columns.Select(c => c.Bounds?.Maximum ?? long.MaxValue).ToArray();
        plausible = columns.Select(c => c.Bounds?.Plausible ?? long.MaxValue).ToArray();
        daysOfFileYear = DaysOf(fileYear);
        if (fileYear is { } y and >= 1 and <= 9999)
        {
            (firstDayOfYear, lastDayOfYear) = (new DateOnly(y, 1, 1).DayNumber, new DateOnly(y, 12, 31).DayNumber);
        }
        else
        {
            (firstDayOfYear, lastDayOfYear) = (int.MinValue, int.MaxValue);
        }
        referenceColumn = IndexOf(schema.ReferenceDateColumn);
        var justice = schema == ExtractSchema.Justice;
        stepColumn = justice ? IndexOf("etape") : -1;
        sentenceColumn = justice ? IndexOf("peine") : -1;
    }

    public ExtractSchema Schema => schema;

    /// <summary>The file's name as issues give it.</summary>
    public string File => file;

    public HeaderMap Header => header;

    public Encoding Encoding => encoding;

    public int IndexOf(string? column) => column is null ? -1 : Array.FindIndex(columns, c => c.Name == column);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEmpty(LineWorkspace w, int column)
    {
        ref var v = ref w.Values[column];
        return (v.Flags & ValueFlags.Decoded) != 0 ? w.Texts[column]!.Length == 0 : v.Length == 0;
    }

    /// <summary>
    /// The value as the string reader had it: trimmed and decoded with the file's encoding; the département with its
    /// leading zero, the NATINF without leading zeros; empty when absent.
    /// </summary>
    public string GetString(ReadOnlySpan<byte> data, LineWorkspace w, int column)
    {
        ref var v = ref w.Values[column];
        if ((v.Flags & ValueFlags.Decoded) != 0)
        {
            return w.Texts[column]!;
        }

        if (v.Length == 0)
        {
            return string.Empty;
        }

        return kinds[column] switch
        {
            ColumnKind.Departement => departements.Code((int)v.Number),
            ColumnKind.Choice => columns[column].Choices![(int)v.Number],
            ColumnKind.Sex => Sexes[v.Number],
            ColumnKind.Natinf => v.Number.ToString(CultureInfo.InvariantCulture),
            _ => encoding.GetString(Bytes(data, w, v)),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> data, LineWorkspace w, in ColumnValue v) =>
        (v.Flags & ValueFlags.InScratch) != 0 ? w.Scratch.AsSpan(v.Start, v.Length) : data.Slice(v.Start, v.Length);

    /// <summary>The value as written (trimmed), for an issue: an issue quotes what the file says, not its normal form.</summary>
    private string Raw(ReadOnlySpan<byte> data, LineWorkspace w, in ColumnValue v) => encoding.GetString(Bytes(data, w, v));

    /// <summary>A conviction carries its sentence, and only a conviction does (extracts.md, justice).</summary>
    private void CheckSentence(ReadOnlySpan<byte> data, int line, LineWorkspace w)
    {
        foreach (var issue in w.LineIssues)
        {
            if (issue.Column is "peine" or "etape")
            {
                // The value itself is already wrong: one finding per fault.
                return;
            }
        }

        var step = GetString(data, w, stepColumn);
        var sentence = GetString(data, w, sentenceColumn);
        if (step == "CONDAMNATION" && sentence.Length == 0)
        {
            w.LineIssues.Add(new LineIssue(file, line, "peine", Rule.ConvictionWithoutSentence, null));
        }
        else if (step.Length > 0 && step != "CONDAMNATION" && sentence.Length > 0)
        {
            w.LineIssues.Add(new LineIssue(file, line, "peine", Rule.SentenceWithoutConviction, sentence));
        }
    }
}
