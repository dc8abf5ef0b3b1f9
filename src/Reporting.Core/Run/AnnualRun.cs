using System.Globalization;
using Reporting.Compute;
using Reporting.Indicators;
using Reporting.Publication;
using Reporting.Publication.Narrative;
using Reporting.Quality;

namespace Reporting.Run;

/// <summary>What a run produced: the files to publish, or the failures that stop it (and then nothing is published).</summary>
public sealed record RunOutcome(IReadOnlyList<string> Failures, IReadOnlyList<OutputFile> Files, Edition? Edition, QualityReport? Quality)
{
    public IndicatorSet? Indicators => Edition?.Indicators;

    public IReadOnlyList<Estimation.YearEstimate> Estimates => Edition?.Estimates ?? [];

    /// <summary>What the operator should see before publishing (also in the quality report).</summary>
    public IReadOnlyList<string> Warnings => Edition?.Warnings ?? [];

    public bool Succeeded => Failures.Count == 0;
}

/// <summary>
/// The annual run: compute the edition (<see cref="AnnualComputation"/>), render each output from it
/// (<see cref="EditionRenderer"/>), then the manifest of them all. Writing is left to <see cref="RunFolder"/>.
/// </summary>
public static class AnnualRun
{
    /// <param name="log">one line per stage (the command line prints them)</param>
    /// <param name="progress">the rendering's steps, for a progress display: no console here, the caller draws it</param>
    public static RunOutcome Execute(string dataDirectory, RunParameters parameters, TextWriter? log = null, Renderings renderings = Renderings.All, IProgress<RenderStep>? progress = null)
    {
        var computed = AnnualComputation.Compute(dataDirectory, parameters, log);
        return computed.Edition is { } edition
            ? Render(edition, parameters, log, renderings, progress)
            : new RunOutcome(computed.Failures, [], null, computed.Quality);
    }

    /// <summary>The files of a computed edition, the manifest last.</summary>
    public static RunOutcome Render(Edition edition, RunParameters parameters, TextWriter? log = null, Renderings renderings = Renderings.All, IProgress<RenderStep>? progress = null)
    {
        // Everything from here renders finished figures: the benchmark times the run with and without it from this line.
        log?.WriteLine("Écriture des publications : rapport, fiches départementales, classeur…");
        List<OutputFile> files;
        try
        {
            files = [.. EditionRenderer.Render(edition, TemplateSet.Load(parameters.Templates), renderings, progress)];
        }
        catch (TemplateException e)
        {
            return new RunOutcome([e.Message], [], null, edition.Quality);
        }

        files.Add(new OutputFile("manifest.json", Manifest.Write(edition, files)));
        return new RunOutcome([], files, edition, edition.Quality);
    }

    /// <summary>The year's folder name.</summary>
    public static string FolderName(int year) => year.ToString(CultureInfo.InvariantCulture);
}
