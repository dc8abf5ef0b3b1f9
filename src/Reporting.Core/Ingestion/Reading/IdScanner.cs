using System.Runtime.CompilerServices;
using System.Text;

namespace Reporting.Ingestion;

/// <summary>
/// Pass 1 of an extract: the ids of the lines that may be in scope, so that pass 2 keeps the key of an out-of-scope line
/// only for those ids (outputs.md: a key-less line takes the key another valid line of its id carries, in scope or not).
/// The set only has to contain every id of a valid in-scope line; an extra id costs nothing but a kept key, so the
/// line is not validated here, and an id is stored in a coarse form that does not depend on the file's encoding.
/// </summary>
internal sealed class IdScanner
{
    private readonly int idField;
    private readonly int codeField;
    private readonly int fieldCount;
    private readonly ExtractScope scope;
    private readonly Source source;

    public IdScanner(ExtractSchema schema, HeaderMap header, ExtractScope scope, Source source)
    {
        var columns = schema.Columns.Select(c => c.Name).ToList();
        idField = header.IndexOfColumn[columns.IndexOf(schema.PersonIdColumn!)];
        codeField = header.IndexOfColumn[columns.IndexOf(ExtractSchema.CodeColumn(source))];
        fieldCount = header.FieldCount;
        this.scope = scope;
        this.source = source;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Scan(CsvBlock block, IdHashSet ids, ref FieldSpan[] fields)
    {
        var data = block.Data;
        var position = block.Start;
        var scratch = new byte[64];
        // Only the fields up to the id and the code are placed: the rest of a plain line is only searched for its end.
        var needed = Math.Max(idField, codeField) + 1;
        while (CsvRecordParser.Read(data, position, final: true, ref fields, out var count, out var next, out _, out var plain, needed) == RecordStatus.Record)
        {
            position = next;
            if (plain ? count < needed : count != fieldCount)
            {
                // An error line passes nothing (outputs.md); a plain line's whole count is not known here, and an extra
                // id costs nothing.
                continue;
            }

            if (plain)
            {
                // The usual record: fields are their values, nothing to unquote or trim; a NATINF is a number or an error.
                var code = data.Slice(fields[codeField].Start, fields[codeField].Length);
                var inScope = ExtractScope.HasNatinf(source)
                    ? LineValidator.TryDigits(code, out var natinf) && scope.Contains(source, natinf)
                    : MaybeInScope(code);
                if (inScope)
                {
                    ids.Add(IdHashSet.Hash(data.Slice(fields[idField].Start, fields[idField].Length)));
                }

                continue;
            }

            if (CsvRecordParser.IsMalformed(data, fields[codeField]) || CsvRecordParser.IsMalformed(data, fields[idField]))
            {
                continue;
            }

            var used = 0;
            if (MaybeInScope(CsvRecordParser.Value(data, fields[codeField], ref scratch, ref used)))
            {
                ids.Add(IdHashSet.Hash(Coarse(CsvRecordParser.Value(data, fields[idField], ref scratch, ref used))));
            }
        }
    }

    /// <summary>
    /// The id without the bytes that trimming might remove in some encoding: ASCII white space, and any non-ASCII byte at
    /// either end (part of a no-break space in UTF-8 or Windows-1252, or not). Equal ids have equal coarse forms.
    /// </summary>
    public static ReadOnlySpan<byte> Coarse(ReadOnlySpan<byte> id)
    {
        var first = 0;
        var last = id.Length - 1;
        while (first <= last && Loose(id[first]))
        {
            first++;
        }

        while (last >= first && Loose(id[last]))
        {
            last--;
        }

        return id[first..(last + 1)];
    }

    private static bool Loose(byte b) => b == ' ' || (b >= 0x09 && b <= 0x0D) || b >= 0x80;

    /// <summary>
    /// Whether the code may be in scope once trimmed and decoded: surely not when it is plain ASCII and outside the scope,
    /// or not a number where a NATINF is expected (then the line is an error); possibly when a non-ASCII byte makes
    /// the answer depend on the encoding.
    /// </summary>
    private bool MaybeInScope(ReadOnlySpan<byte> code)
    {
        var first = 0;
        var last = code.Length - 1;
        while (first <= last && (code[first] == ' ' || code[first] is >= 0x09 and <= 0x0D))
        {
            first++;
        }

        while (last >= first && (code[last] == ' ' || code[last] is >= 0x09 and <= 0x0D))
        {
            last--;
        }

        var trimmed = code[first..(last + 1)];
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (trimmed[0] >= 0x80 || trimmed[^1] >= 0x80)
        {
            return true;
        }

        if (ExtractScope.HasNatinf(source))
        {
            return LineValidator.TryDigits(trimmed, out var natinf) && scope.Contains(source, natinf);
        }

        if (!Ascii.IsValid(trimmed))
        {
            return true;
        }

        Span<char> chars = trimmed.Length <= 128 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        Ascii.ToUtf16(trimmed, chars, out _);
        return scope.Contains(source, chars);
    }
}
