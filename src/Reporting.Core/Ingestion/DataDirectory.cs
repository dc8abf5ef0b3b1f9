using System.Globalization;
using System.Text.RegularExpressions;

namespace Reporting.Ingestion;

public sealed record ExtractFile(string Path, string Name, Source Source, int Year);

/// <summary>The files of a data directory: <c>&lt;source&gt;_&lt;year&gt;.csv</c> extracts and <c>population.csv</c> (extracts.md).</summary>
public sealed partial record DataDirectory(string Path, IReadOnlyList<ExtractFile> Extracts, string? PopulationFile, IReadOnlyList<string> IgnoredFiles)
{
    public const string PopulationFileName = "population.csv";

    public IReadOnlyList<int> Years => Extracts.Select(e => e.Year).Distinct().Order().ToArray();

    public static DataDirectory Discover(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"Dossier de données introuvable : {path}");
        }

        var extracts = new List<ExtractFile>();
        var ignored = new List<string>();
        string? population = null;
        foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(file);
            var match = ExtractName().Match(name);
            if (name == PopulationFileName)
            {
                population = file;
            }
            else if (match.Success && SourceNames.TryParse(match.Groups[1].Value, out var source))
            {
                extracts.Add(new ExtractFile(file, name, source, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)));
            }
            else
            {
                ignored.Add(name);
            }
        }

        var ordered = extracts.OrderBy(e => e.Source.Code(), StringComparer.Ordinal).ThenBy(e => e.Year).ToArray();
        return new DataDirectory(path, ordered, population, ignored);
    }

    /// <summary>The files a run for <paramref name="year"/> reads: years N-9..N (outputs.md).</summary>
    public DataDirectory ForSeries(int year) => this with
    {
        Extracts = Extracts.Where(e => e.Year <= year && e.Year > year - 10).ToArray(),
    };

    [GeneratedRegex("^(police|justice|ase|sante)_([0-9]{4})\\.csv$", RegexOptions.CultureInvariant)]
    private static partial Regex ExtractName();
}
