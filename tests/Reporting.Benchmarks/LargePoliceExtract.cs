using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Reporting.Harmonisation;
using Reporting.Reference;

namespace Reporting.Benchmarks;

/// <param name="Lines">data lines of the file (the header excluded)</param>
/// <param name="InScopeVictims">victims with at least one offence of the nomenclature</param>
public sealed record LargeExtractOptions(int Lines = 5_000_000, int InScopeVictims = 3_000, int Year = 2025, int Seed = 20260501)
{
    /// <summary>Bumped whenever the generator changes, so that a cached file from an older generator is rebuilt.</summary>
    public const int GeneratorVersion = 2;

    public string Stamp => string.Create(CultureInfo.InvariantCulture, $"v{GeneratorVersion} lines={Lines} victims={InScopeVictims} year={Year} seed={Seed}");
}

/// <summary>
/// A synthetic police extract shaped like a whole victim database: every offence recorded in a year, of which the engine
/// keeps a few thousand lines. Out-of-scope lines are the bulk (thefts, assaults… any NATINF outside the nomenclature);
/// in-scope victims are minors and adults on the nomenclature's codes, some of them with other, out-of-scope offences
/// under the same <c>id_victime</c> anywhere in the file (so that key propagation has to look at out-of-scope lines), some
/// lines without a key, and a few defective lines so that validation has errors to report. Deterministic for a seed.
/// About 30 % of out-of-scope lines carry a key: that gives the ~76 bytes a line of the 381 MB / 5 M lines file.
/// </summary>
public static class LargePoliceExtract
{
    private const string Header = "id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage";

    public static void Write(string path, LargeExtractOptions options, Nomenclature nomenclature, Geography geography)
    {
        var rng = new Random(options.Seed);
        var deps = geography.Departements.Select(d => d.Code).ToArray();
        var depWeights = geography.Departements.Select(d => Math.Pow(d.ApproxPopulationThousands, 1.25)).ToArray();
        var depCumulative = Cumulative(depWeights);
        var natinfInScope = nomenclature.Entries.Where(e => e.System == "NATINF").ToArray();
        var minorCodes = natinfInScope.Where(e => e.MinorRequired != MinorRequirement.None).Select(e => e.Code).ToArray();
        var otherCodes = natinfInScope.Where(e => e.MinorRequired == MinorRequirement.None).Select(e => e.Code).ToArray();
        var outOfScopeCodes = OutOfScopeCodes(rng, natinfInScope.Select(e => e.Code).ToHashSet(StringComparer.Ordinal));

        // The special lines (in-scope victims, their other offences, defects) get random positions; every other position
        // is an ordinary out-of-scope line, generated on the fly so that the generator holds no more than the special lines.
        var special = new List<(int Position, string Line)>();
        var counter = 0;
        for (var v = 0; v < options.InScopeVictims; v++)
        {
            var n = ++counter;
            var minor = rng.NextDouble() < 0.7;
            var age = minor ? rng.Next(10, 18) : rng.Next(18, 50);
            var keyed = rng.NextDouble() < 0.85;
            var key = keyed ? KeyOf(options.Seed, n) : string.Empty;
            var id = string.Create(CultureInfo.InvariantCulture, $"V{options.Year}-{n}");
            var dep = deps[Pick(rng, depCumulative)];
            var sex = rng.NextDouble() < 0.85 ? "F" : "M";
            var inScopeLines = rng.NextDouble() < 0.3 ? 2 : 1;
            var otherOffences = rng.NextDouble() < 0.4;

            // Other offences of the same victim (below) are sometimes the only lines with the key.
            var keyOnlyElsewhere = keyed && otherOffences && rng.NextDouble() < 0.25;
            for (var k = 0; k < inScopeLines; k++)
            {
                var code = minor && rng.NextDouble() < 0.6 ? minorCodes[rng.Next(minorCodes.Length)] : otherCodes[rng.Next(otherCodes.Length)];
                var shownAge = rng.NextDouble() < 0.04 ? string.Empty : age.ToString(CultureInfo.InvariantCulture);

                // A second line of the victim sometimes lacks the key: it takes it from another line of the same id.
                var lineKey = !keyOnlyElsewhere && (k == 0 || rng.NextDouble() < 0.6) ? key : string.Empty;
                special.Add((rng.Next(options.Lines), Line(rng, options.Year, id, code, dep, sex, shownAge, lineKey)));
            }

            // Other offences of the same victim: out of scope, anywhere in the file (before or after its in-scope lines).
            if (otherOffences)
            {
                for (var k = rng.Next(1, 4); k > 0; k--)
                {
                    var code = outOfScopeCodes[rng.Next(outOfScopeCodes.Length)];
                    special.Add((rng.Next(options.Lines), Line(rng, options.Year, id, code, dep, sex, age.ToString(CultureInfo.InvariantCulture), keyed ? key : string.Empty)));
                }
            }
        }

        // Defects: about 2 lines in 10,000, far under the 5 % that would stop the run.
        for (var d = 0; d < options.Lines / 5_000; d++)
        {
            var n = ++counter;
            var line = Line(rng, options.Year, string.Create(CultureInfo.InvariantCulture, $"X{options.Year}-{n}"), outOfScopeCodes[rng.Next(outOfScopeCodes.Length)], deps[Pick(rng, depCumulative)], "F", "30", string.Empty);
            var fields = line.Split(';');
            switch (d % 5)
            {
                case 0: fields[4] = "31/02/" + options.Year.ToString(CultureInfo.InvariantCulture); break;
                case 1: fields[6] = "20"; break;
                case 2: fields[7] = "X"; break;
                case 3: fields[8] = "150"; break;
                default: fields[5] += "a"; break;
            }

            special.Add((rng.Next(options.Lines), string.Join(';', fields)));
        }

        // Special lines replace ordinary ones at their positions; ties keep their generation order (stable sort).
        var ordered = special.Select((s, i) => (s.Position, i, s.Line)).OrderBy(s => s.Position).ThenBy(s => s.i).ToArray();
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.NewLine = "\n";
        writer.WriteLine(Header);
        var next = 0;
        var written = 0;
        for (var position = 0; written < options.Lines; position++)
        {
            var any = false;
            while (next < ordered.Length && ordered[next].Position == position && written < options.Lines)
            {
                writer.WriteLine(ordered[next++].Line);
                written++;
                any = true;
            }

            if (!any)
            {
                var n = ++counter;
                var key = rng.NextDouble() < 0.3 ? KeyOf(options.Seed, n) : string.Empty;
                var age = rng.NextDouble() < 0.05 ? string.Empty : rng.Next(0, 95).ToString(CultureInfo.InvariantCulture);
                writer.WriteLine(Line(rng, options.Year, string.Create(CultureInfo.InvariantCulture, $"O{options.Year}-{n}"), outOfScopeCodes[rng.Next(outOfScopeCodes.Length)], deps[Pick(rng, depCumulative)], rng.NextDouble() < 0.5 ? "F" : "M", age, key));
                written++;
            }
        }
    }

    private static string Line(Random rng, int year, string id, string natinf, string dep, string sex, string age, string key)
    {
        var recorded = new DateOnly(year, 1, 1).AddDays(rng.Next(0, DateTime.IsLeapYear(year) ? 366 : 365));
        var facts = rng.NextDouble() < 0.25 ? recorded.AddDays(-rng.Next(0, 300)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
        var service = rng.NextDouble() < 0.6 ? "PN" : "GN";
        return string.Create(CultureInfo.InvariantCulture, $"P{year}{rng.Next(0, 10_000_000):D7};{id};{service};{facts};{recorded:yyyy-MM-dd};{natinf};{dep};{sex};{age};{key}");
    }

    /// <summary>Three hundred NATINF codes outside the nomenclature, standing for every other offence of the database.</summary>
    private static string[] OutOfScopeCodes(Random rng, HashSet<string> inScope)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        while (codes.Count < 300)
        {
            var code = rng.Next(100, 33_000).ToString(CultureInfo.InvariantCulture);
            if (!inScope.Contains(code))
            {
                codes.Add(code);
            }
        }

        return codes.ToArray();
    }

    private static string KeyOf(int seed, int person) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}:{person}"))));

    private static double[] Cumulative(double[] weights)
    {
        var result = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            result[i] = sum;
        }

        return result;
    }

    private static int Pick(Random rng, double[] cumulative)
    {
        var x = rng.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }
}
