using System.Globalization;
using Reporting.Reference;

namespace Reporting.Ingestion;

/// <summary>Reads a data directory: each extract's kept lines to the sink, the population table, and the report.</summary>
public static class ExtractLoader
{
    /// <summary>
    /// The run's reading: every line of every extract validated, and only what the run needs kept — each file's
    /// in-scope lines and the keys of its out-of-scope lines for ids with in-scope lines (see <see cref="ScopedExtract"/>),
    /// given to <paramref name="sink"/> file by file in the directory's order (a file that cannot be read gives nothing).
    /// </summary>
    public static IngestionReport Load(
        DataDirectory directory,
        Geography geography,
        IngestionOptions options,
        ExtractScope scope,
        Action<ScopedExtract> sink,
        out IReadOnlyList<PopulationRow> population)
    {
        var files = new List<FileReport>();

        // The sink takes each extract in order, on one thread, while the next one is read: reading leaves a core idle
        // at times (a file's start and end, between its two passes), and the sink's work for in-scope lines fills it.
        Task pending = Task.CompletedTask;
        foreach (var extract in directory.Extracts)
        {
            var scoped = CsvExtractReader.ReadInScope(extract, geography, options, scope);
            files.Add(scoped.Report);
            Wait(pending);
            pending = scoped.Report.Failure is null
                ? Task.Factory.StartNew(() => sink(scoped), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                : Task.CompletedTask;
        }

        Wait(pending);
        return Finish(directory, geography, options, files, out population);
    }

    /// <summary>The population table, and the failures that stop the run, after the extracts.</summary>
    private static IngestionReport Finish(DataDirectory directory, Geography geography, IngestionOptions options, List<FileReport> files, out IReadOnlyList<PopulationRow> population)
    {
        var rows = new List<PopulationRow>();
        if (directory.PopulationFile is { } populationPath)
        {
            files.Add(ReadPopulation(populationPath, geography, options, rows));
        }

        var failures = directory.Refused.Concat(files.Where(f => f.Failure is not null).Select(f => f.Failure!)).ToList();
        if (directory.Extracts.Count == 0)
        {
            failures.Add(new FileFailure(DataDirectory.Printable(directory.Path), Rule.NoExtract, "aucun fichier <source>_<année>.csv"));
        }

        population = rows;
        return new IngestionReport(files, directory.IgnoredFiles, failures);
    }

    /// <summary>The sink's own exception, not the task's wrapper: a bug there must read as it was thrown.</summary>
    private static void Wait(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    private static FileReport ReadPopulation(string path, Geography geography, IngestionOptions options, List<PopulationRow> rows)
    {
        var name = DataDirectory.Printable(Path.GetFileName(path));
        var read = new List<(PopulationRow Row, int Line, string Raw)>();

        // The schema bounds both integers (ExtractSchema.Population): the parses below cannot overflow.
        var report = CsvExtractReader.Read(path, name, ExtractSchema.Population, null, geography, options, row => read.Add((
            new PopulationRow(int.Parse(row["annee"], CultureInfo.InvariantCulture), row["departement"], long.Parse(row["population_0_17"], CultureInfo.InvariantCulture)),
            row.LineNumber,
            row["population_0_17"])));

        // A population of zero would make the rate infinite: the row is rejected, and the rate becomes "not available",
        // as for a missing row. Two rows for the same year and département: neither value can be preferred, so every one
        // of them is rejected. One finding per line: a zero row is reported as zero even when it is also a duplicate.
        var duplicated = read.GroupBy(r => (r.Row.Year, r.Row.Departement)).Where(g => g.Count() > 1).SelectMany(g => g).ToHashSet();
        var issues = new List<LineIssue>();
        foreach (var r in read)
        {
            if (r.Row.Population == 0)
            {
                issues.Add(new LineIssue(name, r.Line, "population_0_17", Rule.ZeroPopulation, r.Raw));
            }
            else if (duplicated.Contains(r))
            {
                issues.Add(new LineIssue(name, r.Line, "departement", Rule.DuplicatePopulation, string.Create(CultureInfo.InvariantCulture, $"{r.Row.Year} {r.Row.Departement}")));
            }
            else
            {
                rows.Add(r.Row);
            }
        }

        if (issues.Count == 0)
        {
            return report;
        }

        var rejected = report.LinesRejected + issues.Count;
        return report with
        {
            LinesKept = report.LinesKept - issues.Count,
            LinesRejected = rejected,
            Issues = report.Issues.Concat(issues).OrderBy(i => i.Line).ToArray(),
            Failure = report.Failure ?? CsvExtractReader.ErrorShareFailure(name, report.LinesRead, rejected, options, report.LongestMultiLineRecord),
        };
    }
}
