
namespace Reporting.Ingestion;

/// <summary>The header of a file: where each schema column is, and what stops the file or deserves a warning.</summary>
internal sealed class HeaderMap
{
    private HeaderMap(int[] indexOfColumn, int fieldCount, FileFailure? failure, IReadOnlyList<FileWarning> warnings)
    {
        IndexOfColumn = indexOfColumn;
        FieldCount = fieldCount;
        Failure = failure;
        Warnings = warnings;
    }

    /// <summary>For each schema column, its position in the file, or -1 when an optional column is absent.</summary>
    public int[] IndexOfColumn { get; }

    public int FieldCount { get; }

    public FileFailure? Failure { get; }

    public IReadOnlyList<FileWarning> Warnings { get; }

    /// <summary>Blank lines before the header, for the file's line accounting (FileReport).</summary>
    public int BlankLinesBefore { get; private set; }

    public static HeaderMap Build(string file, ExtractSchema schema, IReadOnlyList<string> header, int blankLinesBefore = 0)
    {
        var map = BuildMap(file, schema, header);
        map.BlankLinesBefore = blankLinesBefore;
        return map;
    }

    private static HeaderMap BuildMap(string file, ExtractSchema schema, IReadOnlyList<string> header)
    {
        // Column names are case-insensitive and trimmed; order is free (extracts.md).
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var duplicate = names.Where(n => n.Length > 0).GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return new HeaderMap([], 0, new FileFailure(file, Rule.DuplicateColumn, $"colonne « {duplicate.Key} »"), []);
        }

        var index = schema.Columns.Select(c => Array.IndexOf(names, c.Name)).ToArray();
        var missing = schema.Columns.Where((c, i) => c.HeaderRequired && index[i] < 0).Select(c => c.Name).ToArray();
        if (missing.Length > 0)
        {
            var detail = missing.Length == 1 ? $"colonne « {missing[0]} »" : "colonnes " + string.Join(", ", missing.Select(m => $"« {m} »"));
            return new HeaderMap([], 0, new FileFailure(file, Rule.MissingColumn, detail), []);
        }

        var known = schema.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var warnings = names
            .Where(n => !known.Contains(n))
            .Select(n => new FileWarning(Rule.UnknownColumn, $"colonne « {n} »"))
            .ToArray();
        return new HeaderMap(index, header.Count, null, warnings);
    }
}
