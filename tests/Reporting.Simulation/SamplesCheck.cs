using System.Globalization;
using System.Text;
using Reporting.Compute;
using Reporting.Harmonisation;
using Reporting.Reference;
using Reporting.Samples;

namespace Reporting.Simulation;

/// <summary>
/// The corrected estimator on the samples' own generator at several scales: <c>reporting samples --scale K</c> generated in
/// a temporary folder (scale 1 with the default seed is <c>data-samples</c> itself), the edition of the last year
/// computed, and each year's national estimate (all forms) against the simulated truth. At scale 1 one draw's ten-year
/// mean error carries the estimator's sampling error (about 9 % per year at this size, the study above); at scale 10
/// that error is about three times smaller, and what is left is the estimator's bias on this generator.
/// </summary>
public static class SamplesCheck
{
    public static string Markdown(IReadOnlyList<int> scales)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## The samples' generator at scales {string.Join(" and ", scales)}");
        text.AppendLine();
        text.AppendLine("`dotnet run -c Release --project tests/Reporting.Simulation -- --samples-scales 1,10` (default seed 20260415; scale 1 is `data-samples`): each year's national estimate of minor victims (all forms, toutes sources), uncorrected and corrected, against the generator's truth (`simulation/verite.csv`); the interval is the corrected one.");
        text.AppendLine();
        text.AppendLine("| scale | year | truth | uncorrected | error | corrected | error | 95 % interval | covers |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---|---|");
        var summaries = new List<string>();
        foreach (var scale in scales)
        {
            var folder = Directory.CreateTempSubdirectory("reporting-samples-").FullName;
            try
            {
                var generated = SampleGenerator.Generate(folder, new SampleOptions(Scale: scale), Geography.Default);
                var last = generated.Truth.Max(t => t.Year);
                var computed = AnnualComputation.Compute(folder, new RunParameters(last, new DateOnly(last + 1, 4, 14)));
                var edition = computed.Edition ?? throw new InvalidOperationException(string.Join("\n", computed.Failures));
                var (errors, uncorrectedErrors, covered) = (new List<double>(), new List<double>(), 0);
                foreach (var truth in generated.Truth.OrderBy(t => t.Year))
                {
                    var estimate = edition.Estimates.Single(e => e.Year == truth.Year && e.Category == Category.All).Computed
                        ?? throw new InvalidOperationException($"{truth.Year}: no estimate");
                    var total = (double)truth.Victims;
                    var (corrected, uncorrected) = (estimate.Total, estimate.UncorrectedTotal ?? estimate.Total);
                    errors.Add((corrected - total) / total);
                    uncorrectedErrors.Add((uncorrected - total) / total);
                    var covers = estimate.Interval.Lower <= total && total <= estimate.Interval.Upper;
                    covered += covers ? 1 : 0;
                    text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {scale} | {truth.Year} | {Number(total)} | {Number(uncorrected)} | {Report.Signed(uncorrectedErrors[^1])} | {Number(corrected)} | {Report.Signed(errors[^1])} | {Number(estimate.Interval.Lower)} – {Number(estimate.Interval.Upper)} | {(covers ? "yes" : "no")} |"));
                }

                summaries.Add(string.Create(CultureInfo.InvariantCulture,
                    $"- scale {scale}: mean relative error over the {errors.Count} years {Report.Signed(uncorrectedErrors.Average())} uncorrected, {Report.Signed(errors.Average())} corrected; {covered} of {errors.Count} intervals cover the truth."));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        text.AppendLine();
        foreach (var line in summaries)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    private static string Number(double value) => double.IsFinite(value) ? Math.Round(value).ToString("#,0", CultureInfo.InvariantCulture) : "∞";
}
