using System.Text;
using Reporting.Reference;

namespace Reporting.Ingestion;

/// <summary>
/// Reads one extract and applies every rule of the data contract to every line. The file is read in blocks of whole
/// records, validated on every core and merged in file order, so the issues and the lines come out as a sequential
/// reading would give them. Nothing holds the whole file; bad lines become <see cref="LineIssue"/>s, never exceptions.
/// <para>
/// A run reads each file twice. Pass 1 checks the encoding and notes the ids of the lines whose code may be in scope;
/// pass 2 validates every line, keeps the in-scope ones and, of an out-of-scope line, only its count by code and, when
/// its id was noted, its key (a key-less in-scope line takes the key of another line of its id, in scope or not:
/// outputs.md). So memory follows the in-scope lines: remembering the key of every keyed line instead, as the reading
/// through CsvHelper did, grew with the whole victim database (1 GB for 5 million lines). A compact map of id hash to
/// key would only shrink that growth; pass 1 costs about a quarter of the reading (README, Performance).
/// </para>
/// </summary>
public static partial class CsvExtractReader
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 encoding unavailable.");

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Every valid line to <paramref name="sink"/>, in file order, as it is read (one thread).</summary>
    public static FileReport Read(string path, string displayName, ExtractSchema schema, int? fileYear, Geography geography, IngestionOptions options, Action<ValidRow> sink) =>
        ReadFile(path, displayName, schema, fileYear, geography, options, scope: null, source: default, validator => new RowSink(validator, sink), threads: 1);

    /// <summary>
    /// The lines of <paramref name="file"/> a run keeps (see <see cref="ScopedExtract"/>). Every line is validated; only the
    /// in-scope ones become <see cref="ExtractLine"/>s, so memory grows with the lines kept, not with the file.
    /// </summary>
    public static ScopedExtract ReadInScope(ExtractFile file, Geography geography, IngestionOptions options, ExtractScope scope)
    {
        SecondPassCompilation.Start();
        var schema = ExtractSchema.For(file.Source);
        ScopeSink? result = null;
        var report = ReadFile(file.Path, file.Name, schema, file.Year, geography, options, scope, file.Source, validator => result = new ScopeSink(validator, file, scope), threads: options.Threads);
        return result is null ? new ScopedExtract(file, report, [], [], new Dictionary<string, int>()) : result.Finish(report);
    }

    private static FileReport ReadFile(
        string path,
        string displayName,
        ExtractSchema schema,
        int? fileYear,
        Geography geography,
        IngestionOptions options,
        ExtractScope? scope,
        Source source,
        Func<LineValidator, LineSink> sinkFor,
        int threads)
    {
        Encoding encoding;
        var encodingName = "?";
        try
        {
            // The contract allows UTF-8 or Windows-1252: a UTF-16 or UTF-32 export would read as a header of unknown
            // columns. Its byte-order mark says what it is, and the failure says how to fix it.
            if (Utf16Or32(path) is { } unicode)
            {
                return Failed(displayName, schema, fileYear, unicode, new FileFailure(displayName, Rule.Unreadable, $"fichier en {unicode} : enregistrer l'extrait en UTF-8 (ou Windows-1252), comme le prévoit le contrat de données"));
            }

            // Pass 1: is the file UTF-8 (extracts.md: otherwise Windows-1252)? The same reading collects the ids of the
            // lines that may be in scope, so that pass 2 keeps the keys of out-of-scope lines for those ids only.
            var idScan = scope is not null && schema.PersonIdColumn is not null && schema.Columns.Any(c => c.Kind == ColumnKind.Key);
            var firstPass = FirstPass(path, displayName, schema, scope, source, idScan, Utf8, threads, options.BlockSize);
            encoding = firstPass.IsUtf8 ? Utf8 : Windows1252;
            encodingName = firstPass.IsUtf8 ? "UTF-8" : "Windows-1252";
            var ids = firstPass.Ids;
            if (idScan && !firstPass.IsUtf8)
            {
                // The header may read differently in Windows-1252 (a byte-order mark, a no-break space): scan again with it.
                ids = FirstPass(path, displayName, schema, scope, source, idScan, Windows1252, threads, options.BlockSize).Ids;
            }

            return SecondPass(path, displayName, schema, fileYear, geography, options, encoding, encodingName, sinkFor, ids, threads);
        }
        catch (IOException e)
        {
            return Failed(displayName, schema, fileYear, encodingName, new FileFailure(displayName, Rule.Unreadable, e.Message));
        }
    }

    private static string? Utf16Or32(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var n = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        return head[..n] switch
        {
            [0xFF, 0xFE, 0x00, 0x00] or [0x00, 0x00, 0xFE, 0xFF] => "UTF-32",
            [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => "UTF-16",
            _ => null,
        };
    }

    private static FileReport Failed(string file, ExtractSchema schema, int? year, string encoding, FileFailure failure) =>
        new(file, schema.FileKind, year, encoding, 0, 0, 0, [], [], failure);
}
