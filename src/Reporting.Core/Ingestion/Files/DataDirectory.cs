using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Reporting.Ingestion;

/// <summary>The files of a data directory: <c>&lt;source&gt;_&lt;year&gt;.csv</c> extracts and <c>population.csv</c> (extracts.md).</summary>
/// <param name="IgnoredFiles">names that follow neither pattern, made printable</param>
public sealed partial record DataDirectory(string Path, IReadOnlyList<ExtractFile> Extracts, string? PopulationFile, IReadOnlyList<string> IgnoredFiles)
{
    public const string PopulationFileName = "population.csv";

    /// <summary>
    /// Entries named like an extract or <c>population.csv</c> that are not regular files (a directory, a named pipe, a
    /// device, a link to one of them or to nothing): each is a failure of the run, and none is ever opened (opening a named
    /// pipe waits for a writer forever; a device such as <c>/dev/zero</c> never ends).
    /// </summary>
    public IReadOnlyList<FileFailure> Refused { get; init; } = [];

    public IReadOnlyList<int> Years => Extracts.Select(e => e.Year).Distinct().Order().ToArray();

    public static DataDirectory Discover(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"Dossier de données introuvable : {Printable(path)}");
        }

        var extracts = new List<ExtractFile>();
        var ignored = new List<string>();
        var refused = new List<FileFailure>();
        string? population = null;

        // Every entry, not only files: a directory or a pipe named like an extract must be said, not skipped or opened.
        foreach (var entry in Directory.EnumerateFileSystemEntries(path).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(entry);
            var printable = Printable(name);
            var match = ExtractName().Match(name);
            var isExtract = match.Success && SourceNames.TryParse(match.Groups[1].Value, out _);
            if (name != PopulationFileName && !isExtract)
            {
                if (!Directory.Exists(entry))
                {
                    ignored.Add(printable);
                }

                continue;
            }

            var kind = FileKinds.Of(entry);
            if (kind != FileKind.Regular)
            {
                refused.Add(new FileFailure(printable, Rule.NotRegularFile, FileKinds.Describe(kind, new FileInfo(entry).LinkTarget is not null) + ", non lu"));
            }
            else if (name == PopulationFileName)
            {
                population = entry;
            }
            else
            {
                SourceNames.TryParse(match.Groups[1].Value, out var source);
                extracts.Add(new ExtractFile(entry, printable, source, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)));
            }
        }

        var ordered = extracts.OrderBy(e => e.Source.Code(), StringComparer.Ordinal).ThenBy(e => e.Year).ToArray();
        return new DataDirectory(path, ordered, population, ignored) { Refused = refused };
    }

    /// <summary>The files a run for <paramref name="year"/> reads: years N-9..N (outputs.md).</summary>
    public DataDirectory ForSeries(int year) => this with
    {
        Extracts = Extracts.Where(e => e.Year <= year && e.Year > year - 10).ToArray(),
    };

    /// <summary>
    /// A file name as a message or a report may print it: a control or invisible formatting character (a line break in a
    /// name would break the quality report's list; a right-to-left override would disguise the name) is written as an
    /// escape, <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\u202E</c>, and a backslash as <c>\\</c> so that no name reads as
    /// another's escape.
    /// </summary>
    public static string Printable(string name)
    {
        if (!name.Any(NeedsEscape))
        {
            return name;
        }

        var sb = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            _ = c switch
            {
                '\\' => sb.Append(@"\\"),
                '\n' => sb.Append(@"\n"),
                '\r' => sb.Append(@"\r"),
                '\t' => sb.Append(@"\t"),
                _ when NeedsEscape(c) => sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    private static bool NeedsEscape(char c) => c == '\\'
        || char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    // \z, not $: "$" also matches before a final line feed, and "police_2025.csv\n" is not an extract's name.
    [GeneratedRegex("^(police|justice|ase|sante)_([0-9]{4})\\.csv\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExtractName();
}
