using System.Diagnostics;
using System.Globalization;
using System.Text;
using Reporting.Estimation;

namespace Reporting.Simulation;

/// <summary>
/// <c>dotnet run -c Release --project tests/Reporting.Simulation -- [--replicates 200] [--seed 20260419] [--samples-scales 1,10] [--out docs/simulation-capture-recapture.md]</c>:
/// populations of known size, three lists, keys missing at random given the list; the uncorrected and the corrected
/// estimators (stepwise, 95 % interval) side by side, written as a Markdown table; then the samples' own generator at
/// the scales given (<see cref="SamplesCheck"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var replicates = 200;
        var seed = 20260419;
        var output = "docs/simulation-capture-recapture.md";
        int[] samplesScales = [1, 10];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--replicates": replicates = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--out": output = args[i + 1]; break;
                case "--samples-scales": samplesScales = [.. args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                default:
                    Console.Error.WriteLine($"option inconnue : {args[i]}");
                    return 64;
            }
        }

        var clock = Stopwatch.StartNew();
        var rows = Scenario.All().Select((s, index) =>
        {
            var result = Study.Run(s, replicates, seed + (1000 * index));
            Console.WriteLine(result.Row());
            return result;
        }).ToArray();
        var markdown = Report.Markdown(rows, replicates, seed) + "\n" + SamplesCheck.Markdown(samplesScales);
        File.WriteAllText(output, markdown, new UTF8Encoding(false));
        Console.WriteLine($"{output} ({clock.Elapsed.TotalSeconds:0} s)");
        return 0;
    }
}

/// <summary>One population design.</summary>
/// <param name="Size">a label: « département » or « national »</param>
/// <param name="Detection">each list's detection probability</param>
/// <param name="OddsRatio">the police–ASE odds ratio: 1 none, 3 positive pair, 1/3 negative pair</param>
/// <param name="Heterogeneous">two equal groups whose detection probabilities are 1.6 and 0.4 times the list's (the same persons easy to see for every list)</param>
/// <param name="MissingKeys">the share of detections without a key, the same for every list</param>
public sealed record Scenario(string Size, int Total, double[] Detection, double OddsRatio, bool Heterogeneous, double MissingKeys)
{
    public string Dependence => OddsRatio switch { > 1 => "positive pair", < 1 => "negative pair", _ => "none" };

    public static IEnumerable<Scenario> All()
    {
        var sizes = new (string Name, int Total, double[] Detection)[]
        {
            ("département", 800, [0.20, 0.30, 0.15]),
            ("national", 6000, [0.08, 0.14, 0.05]),
        };
        foreach (var (name, total, detection) in sizes)
        {
            foreach (var odds in new[] { 1.0, 3.0, 1 / 3.0 })
            {
                foreach (var missing in new[] { 0.0, 0.1, 0.3 })
                {
                    yield return new Scenario(name, total, detection, odds, false, missing);
                }
            }
        }

        foreach (var missing in new[] { 0.0, 0.1, 0.3 })
        {
            yield return new Scenario("national", 6000, [0.08, 0.14, 0.05], 1.0, true, missing);
        }
    }
}

/// <summary>The replicates of one scenario and their summary.</summary>
public sealed record StudyResult(Scenario Scenario, Summary Uncorrected, Summary Corrected)
{
    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenario.Size,-11} N={Scenario.Total,5} dép={Scenario.Dependence,-14} hét={(Scenario.Heterogeneous ? "oui" : "non"),-3} clés manquantes {Scenario.MissingKeys:P0}: biais {Uncorrected.Bias:P1} → {Corrected.Bias:P1}, couverture {Uncorrected.Coverage:P1} → {Corrected.Coverage:P1}");
}

/// <summary>Relative bias, relative RMSE and coverage over the replicates an estimator did not refuse.</summary>
public sealed record Summary(int Estimated, int Refused, double Bias, double Rmse, double Coverage, double MedianWidth)
{
    public static Summary Of(IReadOnlyList<(double Total, double Lower, double Upper)?> results, int truth)
    {
        var done = results.Where(r => r is not null).Select(r => r!.Value).ToArray();
        if (done.Length == 0)
        {
            return new Summary(0, results.Count, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var errors = done.Select(r => (r.Total - truth) / truth).ToArray();
        var widths = done.Select(r => (r.Upper - r.Lower) / truth).Order().ToArray();
        return new Summary(
            done.Length,
            results.Count - done.Length,
            errors.Average(),
            Math.Sqrt(errors.Select(e => e * e).Average()),
            done.Count(r => r.Lower <= truth && truth <= r.Upper) / (double)done.Length,
            widths[widths.Length / 2]);
    }
}

public static class Study
{
    private static readonly string[] Names = ["police", "ase", "sante"];

    public static StudyResult Run(Scenario scenario, int replicates, int seed)
    {
        var uncorrected = new (double, double, double)?[replicates];
        var corrected = new (double, double, double)?[replicates];
        Parallel.For(0, replicates, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, r =>
        {
            // One stream per replicate, seeded from the scenario's seed: the same table whatever the scheduling.
            var random = new Random(seed + r);
            var (observed, model) = Population(scenario, random);
            var outcome = LinkageCorrection.Estimate(observed, model, ModelSpec.Stepwise);
            uncorrected[r] = outcome.Uncorrected is MseEstimate u && double.IsFinite(u.Interval.Upper) ? (u.Total, u.Interval.Lower, u.Interval.Upper) : null;
            corrected[r] = outcome.Estimate is { } c && double.IsFinite(c.Interval.Upper) ? (c.Total, c.Interval.Lower, c.Interval.Upper) : null;
        });
        return new StudyResult(scenario, Summary.Of(uncorrected, scenario.Total), Summary.Of(corrected, scenario.Total));
    }

    /// <summary>
    /// A population of <see cref="Scenario.Total"/> persons: each one's true history drawn from the design, then a key on
    /// each of its detections with probability 1 − missing; keyed detections of a person make one record, each key-less
    /// one a record of its own.
    /// </summary>
    public static (ListTable Observed, LinkageErrorModel Model) Population(Scenario s, Random random)
    {
        var counts = new long[8];
        var persons = new long[3];
        var keyed = new long[3];
        var groups = s.Heterogeneous ? new[] { 1.6, 0.4 } : [1.0];
        var cells = groups.Select(g => CellProbabilities(s.Detection.Select(p => p * g).ToArray(), s.OddsRatio)).ToArray();
        for (var person = 0; person < s.Total; person++)
        {
            var probabilities = cells[person % cells.Length];
            var u = random.NextDouble();
            var h = 0;
            for (var acc = probabilities[0]; h < 7 && u >= acc; acc += probabilities[++h])
            {
            }

            var keys = 0;
            for (var l = 0; l < 3; l++)
            {
                if ((h & (1 << l)) == 0)
                {
                    continue;
                }

                persons[l]++;
                if (random.NextDouble() >= s.MissingKeys)
                {
                    keys |= 1 << l;
                    keyed[l]++;
                }
                else
                {
                    counts[1 << l]++;
                }
            }

            counts[keys]++;
        }

        counts[0] = 0;
        return (ListTable.Create(Names, counts), LinkageErrorModel.Estimated([.. Enumerable.Range(0, 3).Select(l => new ListKeyRate(persons[l], keyed[l]))]));
    }

    /// <summary>P(h) for independent lists times the police–ASE odds ratio on the histories with both, normalised.</summary>
    private static double[] CellProbabilities(double[] detection, double oddsRatio)
    {
        var p = new double[8];
        for (var h = 0; h < 8; h++)
        {
            p[h] = 1;
            for (var l = 0; l < 3; l++)
            {
                p[h] *= (h & (1 << l)) != 0 ? detection[l] : 1 - detection[l];
            }

            p[h] *= (h & 0b011) == 0b011 ? oddsRatio : 1;
        }

        var sum = p.Sum();
        return [.. p.Select(v => v / sum)];
    }
}
