using System.Collections.Immutable;
using System.Globalization;

namespace Reporting.Estimation;

/// <summary>One problem found in a lists file: the 1-based line and what is wrong, in French.</summary>
public readonly record struct CsvIssue(int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        Line > 0 ? $"ligne {Line.ToString(CultureInfo.InvariantCulture)} : {Message}" : Message;
}

/// <summary>Outcome of reading a lists file: either a table or the list of problems found.</summary>
public sealed record ListTableParseResult(ListTable? Table, ImmutableArray<CsvIssue> Issues)
{
    /// <summary>True when the file was read without problem.</summary>
    public bool Succeeded => Table is not null;

    /// <summary>All problems, one per line, ready to print (no stack trace).</summary>
    public string ErrorMessage => string.Join(Environment.NewLine, Issues.Select(i => i.ToString()));
}

/// <summary>Thrown by <see cref="ListTableCsv.Load"/> when the data are invalid; the message lists every problem.</summary>
public sealed class ListTableFormatException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public ListTableFormatException(string source, ImmutableArray<CsvIssue> issues)
        : base($"{source} : " + string.Join(Environment.NewLine, issues.Select(i => i.ToString())))
    {
        Issues = issues;
    }

    /// <summary>Problems found, by line.</summary>
    public ImmutableArray<CsvIssue> Issues { get; }
}

/// <summary>
/// Reads the lists format of the spec (spec/mse/README.md): a header with one column per list then
/// <c>count</c>, then one row per observed pattern with 0/1 flags and a non-negative integer count.
/// Separator <c>,</c> or <c>;</c> (taken from the header). Missing patterns count 0; a pattern given
/// twice is summed (as SparseMSE's <c>tidylists</c> does), so one row per individual is also accepted.
/// </summary>
public static class ListTableCsv
{
    private const int MaxIssues = 20;

    /// <summary>Reads a file; I/O errors are reported as issues too, so the caller has one path for bad input.</summary>
    public static ListTableParseResult ParseFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failure(new CsvIssue(0, $"impossible de lire le fichier « {path} » : {e.Message}"));
        }

        return Parse(text);
    }

    /// <summary>Reads a file and throws <see cref="ListTableFormatException"/> on bad data.</summary>
    public static ListTable Load(string path)
    {
        var result = ParseFile(path);
        return result.Table ?? throw new ListTableFormatException(path, result.Issues);
    }

    /// <summary>Parses the text of a lists file.</summary>
    public static ListTableParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        int headerIndex = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerIndex < 0)
        {
            return Failure(new CsvIssue(0, "fichier vide : un en-tête (une colonne par liste puis « count ») est attendu"));
        }

        char separator = lines[headerIndex].Contains(';') ? ';' : ',';
        var header = ReadHeader(lines[headerIndex], headerIndex + 1, separator, out var headerIssue);
        if (header is null)
        {
            return Failure(headerIssue!.Value);
        }

        return ReadRows(lines, headerIndex, separator, header.Value);
    }

    private static ImmutableArray<string>? ReadHeader(string line, int lineNumber, char separator, out CsvIssue? issue)
    {
        issue = null;
        var fields = SplitFields(line, separator);
        if (!string.Equals(fields[^1], "count", StringComparison.OrdinalIgnoreCase))
        {
            issue = new CsvIssue(lineNumber, $"la dernière colonne de l'en-tête doit s'appeler « count », trouvé « {fields[^1]} »");
            return null;
        }

        var names = fields[..^1];
        if (names.Length is < ListTable.MinLists or > ListTable.MaxLists)
        {
            issue = new CsvIssue(lineNumber,
                $"il faut entre {ListTable.MinLists} et {ListTable.MaxLists} listes avant « count », trouvé {names.Length}");
            return null;
        }

        int empty = Array.FindIndex(names, string.IsNullOrWhiteSpace);
        if (empty >= 0)
        {
            issue = new CsvIssue(lineNumber, $"la colonne {empty + 1} de l'en-tête n'a pas de nom");
            return null;
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            issue = new CsvIssue(lineNumber, $"la liste « {duplicate.Key} » figure deux fois dans l'en-tête");
            return null;
        }

        return names.ToImmutableArray();
    }

    private static ListTableParseResult ReadRows(string[] lines, int headerIndex, char separator, ImmutableArray<string> names)
    {
        int t = names.Length;
        var counts = new long[1 << t];
        var issues = ImmutableArray.CreateBuilder<CsvIssue>();
        for (int i = headerIndex + 1; i < lines.Length && issues.Count < MaxIssues; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var row = ReadRow(SplitFields(lines[i], separator), names, i + 1);
            if (row.Issue is { } rowIssue)
            {
                issues.Add(rowIssue);
                continue;
            }

            try
            {
                counts[row.Pattern] = checked(counts[row.Pattern] + row.Count);
            }
            catch (OverflowException)
            {
                issues.Add(new CsvIssue(i + 1, "le total des effectifs dépasse la capacité d'un entier 64 bits"));
            }
        }

        if (issues.Count > 0)
        {
            return new ListTableParseResult(null, issues.ToImmutable());
        }

        return new ListTableParseResult(ListTable.Create(names, counts), ImmutableArray<CsvIssue>.Empty);
    }

    private readonly record struct Row(int Pattern, long Count, CsvIssue? Issue);

    private static Row ReadRow(string[] fields, ImmutableArray<string> names, int lineNumber)
    {
        int t = names.Length;
        if (fields.Length != t + 1)
        {
            return Problem(lineNumber, $"{fields.Length} champs au lieu de {t + 1} ({t} listes puis « count »)");
        }

        int pattern = 0;
        for (int j = 0; j < t; j++)
        {
            switch (fields[j])
            {
                case "1":
                    pattern |= 1 << j;
                    break;
                case "0":
                    break;
                default:
                    return Problem(lineNumber, $"la colonne « {names[j]} » vaut « {fields[j]} », attendu 0 ou 1");
            }
        }

        if (pattern == 0)
        {
            return Problem(lineNumber, "motif tout à zéro : les non-observés ne figurent pas dans les données (ils sont estimés)");
        }

        if (!long.TryParse(fields[t], NumberStyles.None, CultureInfo.InvariantCulture, out long count))
        {
            return Problem(lineNumber, $"l'effectif « {fields[t]} » n'est pas un entier positif ou nul");
        }

        return new Row(pattern, count, null);
    }

    private static Row Problem(int lineNumber, string message) => new(0, 0, new CsvIssue(lineNumber, message));

    private static string[] SplitFields(string line, char separator) =>
        line.Split(separator).Select(f => f.Trim().Trim('"').Trim()).ToArray();

    private static ListTableParseResult Failure(CsvIssue issue) => new(null, ImmutableArray.Create(issue));
}
