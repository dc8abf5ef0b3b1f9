using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Reporting.Reference;

namespace Reporting.Samples;

public sealed record SampleOptions(int From = 2016, int To = 2025, int Seed = 20260415, int Scale = 1)
{
    public const string TruthFolder = "simulation";
    public const string TruthFile = "verite.csv";
}

/// <summary>
/// How the simulated victims are seen: each source independently, with its own probability (police rising over the
/// years). Public so that the capture-recapture coverage test simulates the very populations the samples come from.
/// </summary>
public static class SampleDetection
{
    public static double Police(int year) => 0.055 + (0.004 * (year - 2016));

    public const double Ase = 0.14;

    public const double Sante = 0.05;

    /// <summary>Police records offences only: a victim of "other" exploitation alone (15 % of victims) is never seen by it.</summary>
    public const double PoliceRecordable = 0.85;

    /// <summary>The number of minor victims simulated for a year at scale 1.</summary>
    public static int Victims(int year) => (int)Math.Round(2600 * Math.Pow(1.10, year - 2016));
}

/// <summary>What the generator wrote: files and the simulated truth per year.</summary>
public sealed record SampleSummary(IReadOnlyList<string> Files, IReadOnlyList<SimulatedYear> Truth);

/// <param name="Victims">true number of minor victims (ESM) in the simulated population</param>
public sealed record SimulatedYear(int Year, int Victims, int SeenByPolice, int SeenByAse, int SeenBySante, int SeenByAny);

/// <summary>
/// Synthetic extracts: realistic, never real. A simulated population of minor victims per year, each detected by each
/// victim source independently with its own probability (so that capture-recapture under independence holds and its
/// estimate can be checked against <c>simulation/verite.csv</c>), plus adult victims, out-of-scope offences, justice
/// authors, and a few deliberate defects for the quality report. Deterministic for a given seed and scale.
/// </summary>
public static class SampleGenerator
{
    private static readonly string[] OutOfScopeNatinf = ["7875", "7151", "27747", "25513", "20021", "10023", "7158", "32456"];

    public static SampleSummary Generate(string outDir, SampleOptions options, Geography geography)
    {
        Directory.CreateDirectory(outDir);
        var truthDir = Path.Combine(outDir, SampleOptions.TruthFolder);
        Directory.CreateDirectory(truthDir);
        var files = new List<string>();
        var truth = new List<SimulatedYear>();
        var world = new World(geography, options);
        for (var year = options.From; year <= options.To; year++)
        {
            var y = world.SimulateYear(year);
            truth.Add(y.Truth);
            foreach (var (name, content, encoding) in y.Files)
            {
                var path = Path.Combine(outDir, name);
                File.WriteAllBytes(path, encoding.GetBytes(content));
                files.Add(path);
            }
        }

        var population = Path.Combine(outDir, "population.csv");
        File.WriteAllText(population, world.PopulationCsv(), new UTF8Encoding(false));
        files.Add(population);
        var truthCsv = new StringBuilder("annee;victimes_mineures_simulees;vues_police;vues_ase;vues_sante;vues_au_moins_une\n");
        foreach (var t in truth)
        {
            truthCsv.Append(CultureInfo.InvariantCulture, $"{t.Year};{t.Victims};{t.SeenByPolice};{t.SeenByAse};{t.SeenBySante};{t.SeenByAny}\n");
        }

        var truthPath = Path.Combine(truthDir, SampleOptions.TruthFile);
        File.WriteAllText(truthPath, truthCsv.ToString(), new UTF8Encoding(false));
        files.Add(truthPath);
        return new SampleSummary(files, truth);
    }

    /// <summary>One of <paramref name="choices"/>, drawn in proportion to its weight (one draw).</summary>
    private static T Weighted<T>(Random random, IReadOnlyList<T> choices, Func<T, double> weight)
    {
        var x = random.NextDouble() * choices.Sum(weight);
        foreach (var c in choices)
        {
            x -= weight(c);
            if (x < 0)
            {
                return c;
            }
        }

        return choices[^1];
    }

    private sealed record YearOutput(SimulatedYear Truth, IReadOnlyList<(string Name, string Content, Encoding Encoding)> Files);

    private enum Cat
    {
        Prost,
        Prox,
        Teh,
        Autre,
    }

    private sealed record Victim(string Key, string Dep, char Sex, int Age, IReadOnlyList<Cat> Categories);

    /// <summary>
    /// How the courts deal with the authors of one form: the offence codes (with <c>victime_mineure</c>), the prosecutor's
    /// orientation, the judgment within the year and the sentences. The proportions are orders of magnitude of the
    /// ministry of justice's statistics on sexual offences (SDSE, Références statistiques Justice: most dismissals of
    /// sexual offences are for an offence not made out; prosecution and firm prison dominate pimping and trafficking), not
    /// its figures; the penalisation of clients of minors is "marginalement appliquée": more dismissals, alternatives
    /// (awareness courses), suspended sentences and fines.
    /// </summary>
    /// <param name="Offences">NATINF code, <c>victime_mineure</c>, weight</param>
    /// <param name="Sentences">firm prison, suspended prison, fine, other: weights</param>
    private sealed record JusticeProfile(
        (string Code, string Minor, double Weight)[] Offences,
        double Dismissal,
        double Alternative,
        double Conviction,
        double Acquittal,
        double[] Sentences,
        int MinQuantum,
        int MaxQuantum)
    {
        private static readonly string[] SentenceCodes = ["EMPRISONNEMENT_FERME", "EMPRISONNEMENT_SURSIS", "AMENDE", "AUTRE"];

        /// <summary>Clients of minors: 23367 and 23820 (through an electronic communications network) are the digital codes.</summary>
        public static readonly JusticeProfile Clients = new(
            [("23364", "", 4), ("23365", "", 1), ("23366", "", 0.5), ("23367", "", 2.5), ("23368", "", 0.5), ("23820", "O", 0.5)],
            Dismissal: 0.40, Alternative: 0.15, Conviction: 0.60, Acquittal: 0.10, Sentences: [0.25, 0.45, 0.20, 0.10], MinQuantum: 3, MaxQuantum: 24);

        public static readonly JusticeProfile Pimping = new(
            [("23338", "O", 1), ("23339", "O", 1), ("7261", "O", 1), ("7261", "N", 0.5), ("7261", "", 0.5), ("7262", "O", 0.5), ("7262", "N", 0.5)],
            Dismissal: 0.18, Alternative: 0.05, Conviction: 0.65, Acquittal: 0.08, Sentences: [0.65, 0.25, 0.05, 0.05], MinQuantum: 6, MaxQuantum: 84);

        /// <summary>23776: the victim was put in contact through an electronic communications network.</summary>
        public static readonly JusticeProfile Trafficking = new(
            [("23770", "O", 1), ("23770", "N", 1), ("23772", "O", 1), ("23772", "N", 1), ("23782", "O", 1), ("23776", "O", 1), ("23776", "N", 0.5)],
            Dismissal: 0.15, Alternative: 0.02, Conviction: 0.55, Acquittal: 0.10, Sentences: [0.75, 0.20, 0.02, 0.03], MinQuantum: 12, MaxQuantum: 120);

        /// <summary>Authors of offences outside the nomenclature: out of scope, counted by code in the quality report.</summary>
        public static readonly JusticeProfile OutOfScope = new(
            [.. OutOfScopeNatinf.Select(c => (c, string.Empty, 1d))],
            Dismissal: 0.30, Alternative: 0.20, Conviction: 0.70, Acquittal: 0.05, Sentences: [0.30, 0.35, 0.25, 0.10], MinQuantum: 2, MaxQuantum: 36);

        public (string Code, string Minor) Offence(Random random)
        {
            var (code, minor, _) = Weighted(random, Offences, o => o.Weight);
            return (code, minor);
        }

        public string Sentence(Random random) => Weighted(random, [.. SentenceCodes.Zip(Sentences)], s => s.Second).First;

        /// <summary>Months of firm prison, for a firm prison sentence only.</summary>
        public string Quantum(string sentence, Random random) => sentence == SentenceCodes[0]
            ? random.Next(MinQuantum, MaxQuantum + 1).ToString(CultureInfo.InvariantCulture)
            : string.Empty;
    }

    private sealed class World(Geography geography, SampleOptions options)
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(false);
        private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        private static readonly int[] MinorAges = [9, 10, 11, 12, 13, 14, 15, 16, 17];
        private static readonly double[] MinorAgeWeights = [1, 1, 3, 5, 10, 15, 20, 22, 23];

        private readonly Random rng = new(options.Seed);
        private readonly double[] depWeights = geography.Departements.Select(d => Math.Pow(d.ApproxPopulationThousands, 1.25)).ToArray();
        private int personCounter;

        private int Scale => options.Scale;

        public string PopulationCsv()
        {
            var csv = new StringBuilder("annee;departement;population_0_17\n");
            for (var year = options.From; year <= options.To; year++)
            {
                foreach (var d in geography.Departements)
                {
                    // About 21 % of residents are under 18, slowly falling; the figure is synthetic.
                    var share = 0.215 - (0.0008 * (year - 2016));
                    var value = (long)Math.Round(d.ApproxPopulationThousands * 1000 * share * (1 + (0.002 * Hash(d.Code, year))));
                    csv.Append(CultureInfo.InvariantCulture, $"{year};{d.Code};{value}\n");
                }
            }

            return csv.ToString();
        }

        public YearOutput SimulateYear(int year)
        {
            var i = year - 2016;
            var victims = Enumerable.Range(0, Scale * SampleDetection.Victims(year)).Select(_ => NewVictim()).ToArray();
            var pPolice = SampleDetection.Police(year);
            var pAse = SampleDetection.Ase;
            var pSante = SampleDetection.Sante;
            var police = new List<string[]>();
            var ase = new List<string[]>();
            var sante = new List<string[]>();
            int seenPolice = 0, seenAse = 0, seenSante = 0, seenAny = 0;
            foreach (var v in victims)
            {
                // Police records only offences: a victim of "other" exploitation alone has no NATINF of the nomenclature.
                var byPolice = rng.NextDouble() < pPolice && v.Categories.Any(c => c != Cat.Autre);
                var byAse = rng.NextDouble() < pAse;
                var bySante = rng.NextDouble() < pSante;
                if (byPolice)
                {
                    seenPolice++;
                    police.AddRange(PoliceLines(year, v));
                }

                if (byAse)
                {
                    seenAse++;
                    ase.AddRange(AseLines(year, v));
                }

                if (bySante)
                {
                    seenSante++;
                    sante.AddRange(SanteLines(year, v, v.Categories[0] switch { Cat.Prost => "01", Cat.Prox => "02", Cat.Teh => "03", _ => "04" }));
                }

                seenAny += byPolice || byAse || bySante ? 1 : 0;
            }

            // Minors at risk of prostitution: ESM-RISQUE, not victims; ASE codes them from 2022, hospitals always could.
            for (var r = 0; r < Scale * (int)Math.Round(900 * Math.Pow(1.08, i)); r++)
            {
                var v = NewVictim();
                if (year >= 2022 && rng.NextDouble() < 0.3)
                {
                    ase.AddRange(AseLines(year, v, risk: true));
                }

                if (rng.NextDouble() < 0.06)
                {
                    sante.AddRange(SanteLines(year, v, "05"));
                }
            }

            for (var a = 0; a < Scale * (int)Math.Round(750 * Math.Pow(1.07, i)); a++)
            {
                police.AddRange(AdultPoliceLines(year));
            }

            for (var o = 0; o < Scale * 900; o++)
            {
                police.Add(OutOfScopePoliceLine(year));
            }

            ReplayFormerJusticeDraws(i);
            var justice = JusticeLines(year, i);
            AddDefects(year, police, ase, sante, justice);

            var files = new List<(string, string, Encoding)>
            {
                ($"police_{year}.csv", Csv("id_procedure;id_victime;service;date_faits;date_enregistrement;natinf;departement;sexe;age;cle_chainage", police, "\n"), Utf8),
                ($"justice_{year}.csv", Csv("id_affaire;id_personne;date_decision;departement;natinf;etape;peine;quantum_mois;victime_mineure;sexe;age", justice, "\n"), Utf8),
                AseFile(year, ase),
                ($"sante_{year}.csv", Csv("id_sejour;cle_chainage;departement;date_entree;type_prise_en_charge;motif_reperage;diag_principal;sexe;age", sante, "\n"), Utf8),
            };
            return new YearOutput(new SimulatedYear(year, victims.Length, seenPolice, seenAse, seenSante, seenAny), files);
        }

        private (string, string, Encoding) AseFile(int year, List<string[]> ase)
        {
            const string header = "id_enfant;cle_chainage;departement;date_information;motif;decision;sexe;age";
            if (year != 2023)
            {
                return ($"ase_{year}.csv", Csv(header, ase, "\n"), Utf8);
            }

            // One council exported from a spreadsheet: Windows-1252, CRLF, a free-text column the contract does not know.
            var notes = new[] { "Évaluation en cours", "Fugue; mise à l'abri", "Suivi éducatif renforcé", string.Empty };
            var rows = ase.Select((r, k) => r.Append(Quote(notes[k % notes.Length])).ToArray()).ToList();
            return ($"ase_{year}.csv", Csv(header + ";observations", rows, "\r\n"), Windows1252);
        }

        private static string Quote(string value) => value.Contains(';', StringComparison.Ordinal) ? $"\"{value}\"" : value;

        private Victim NewVictim()
        {
            var n = Interlocked.Increment(ref personCounter);
            var dep = geography.Departements[Pick(depWeights)].Code;
            var sex = rng.NextDouble() < 0.86 ? 'F' : 'M';
            var age = MinorAges[Pick(MinorAgeWeights)];
            var first = (Cat)Pick([0.45, 0.30, 0.10, 0.15]);
            var categories = new List<Cat> { first };
            if (rng.NextDouble() < 0.25 && first is Cat.Prost or Cat.Prox)
            {
                categories.Add(first == Cat.Prost ? Cat.Prox : Cat.Prost);
            }

            return new Victim(KeyOf(n), dep, sex, age, categories);
        }

        private string KeyOf(int person)
        {
            var bytes = SHA256.HashData(Encoding.ASCII.GetBytes($"{options.Seed}:{person}"));
            return Convert.ToHexStringLower(bytes);
        }

        private IEnumerable<string[]> PoliceLines(int year, Victim v)
        {
            var date = RandomDate(year);
            var facts = date.AddDays(-rng.Next(0, 200));
            var proc = $"P{year}{rng.Next(0, 10_000_000):D7}";
            var id = $"V{year}-{Interlocked.Increment(ref personCounter)}";
            var dep = rng.NextDouble() < 0.93 ? v.Dep : OtherDep();
            var service = rng.NextDouble() < 0.6 ? "PN" : "GN";
            var keyed = rng.NextDouble() < 0.9;
            var lines = new List<string[]>();
            var k = 0;
            foreach (var c in v.Categories.Where(c => c != Cat.Autre))
            {
                var natinf = c switch
                {
                    Cat.Prost => Choose("23364", "23364", "23365", "23367"),
                    Cat.Prox => v.Age >= 15 ? Choose("23338", "23338", "7261") : "23339",
                    // 23776: the victim was put in contact through an electronic communications network (a digital code).
                    _ => Choose("23770", "23772", "23782", "23776"),
                };
                var age = rng.NextDouble() < 0.04 ? string.Empty : v.Age.ToString(CultureInfo.InvariantCulture);
                // A second line of the same victim sometimes lacks the key: it joins the keyed line through id_victime.
                var key = keyed && (k == 0 || rng.NextDouble() < 0.7) ? v.Key : string.Empty;
                lines.Add([proc, id, service, Iso(facts), Iso(date), natinf, dep, v.Sex.ToString(), age, key]);
                k++;
            }

            return lines;
        }

        private IEnumerable<string[]> AdultPoliceLines(int year)
        {
            var n = Interlocked.Increment(ref personCounter);
            var date = RandomDate(year);
            var dep = geography.Departements[Pick(depWeights)].Code;
            var natinf = Choose("7261", "7261", "7262", "7265", "23770", "23772", "23778", "23817", "7266");
            var age = rng.Next(18, 46).ToString(CultureInfo.InvariantCulture);
            var key = rng.NextDouble() < 0.85 ? KeyOf(n) : string.Empty;
            yield return [$"P{year}{rng.Next(0, 10_000_000):D7}", $"A{year}-{n}", rng.NextDouble() < 0.6 ? "PN" : "GN", Iso(date.AddDays(-rng.Next(0, 300))), Iso(date), natinf, dep, rng.NextDouble() < 0.8 ? "F" : "M", age, key];
        }

        private string[] OutOfScopePoliceLine(int year)
        {
            var n = Interlocked.Increment(ref personCounter);
            var date = RandomDate(year);
            var dep = geography.Departements[Pick(depWeights)].Code;
            var age = rng.Next(3, 90).ToString(CultureInfo.InvariantCulture);
            return [$"P{year}{rng.Next(0, 10_000_000):D7}", $"O{year}-{n}", rng.NextDouble() < 0.6 ? "PN" : "GN", string.Empty, Iso(date), Choose(OutOfScopeNatinf), dep, rng.NextDouble() < 0.5 ? "F" : "M", age, rng.NextDouble() < 0.8 ? KeyOf(n) : string.Empty];
        }

        private IEnumerable<string[]> AseLines(int year, Victim v, bool risk = false)
        {
            var id = $"E{year}-{Interlocked.Increment(ref personCounter)}";
            var dep = rng.NextDouble() < 0.95 ? v.Dep : OtherDep();
            var key = rng.NextDouble() < 0.88 ? v.Key : string.Empty;
            var decision = Choose("MESURE_ADMINISTRATIVE", "MESURE_JUDICIAIRE", "MESURE_JUDICIAIRE", "SANS_SUITE", "EN_COURS");
            IEnumerable<string> motifs = risk
                ? ["RISQ_PROST"]
                : year < 2019
                    ? ["EXPL"]
                    : v.Categories.Select(c => c switch { Cat.Prost => "PROST", Cat.Prox => "PROX", Cat.Teh => "TEH", _ => "EXPL_SEX" });
            foreach (var motif in motifs)
            {
                var date = RandomDate(year);
                yield return [id, key, dep, Fr(date), motif, decision, v.Sex.ToString(), v.Age.ToString(CultureInfo.InvariantCulture)];
            }
        }

        private IEnumerable<string[]> SanteLines(int year, Victim v, string motif)
        {
            var stays = rng.NextDouble() < 0.15 ? 2 : 1;
            var key = rng.NextDouble() < 0.93 ? v.Key : string.Empty;
            for (var s = 0; s < stays; s++)
            {
                var diag = Choose("T74.2", "T74.8", "Z61.4", string.Empty);
                var age = rng.NextDouble() < 0.03 ? string.Empty : v.Age.ToString(CultureInfo.InvariantCulture);
                yield return [$"S{year}-{Interlocked.Increment(ref personCounter)}", key, rng.NextDouble() < 0.9 ? v.Dep : OtherDep(), Iso(RandomDate(year)), Choose("HOSPITALISATION", "URGENCES", "UAPED", "UAPED"), motif, diag, v.Sex.ToString(), age];
            }
        }

        /// <summary>
        /// The justice lines were once drawn from the shared generator; they now have their own (<see cref="JusticeLines"/>).
        /// The shared generator still makes the draws they made, value for value, so that the victim files of the
        /// following years stay as they were: capture-recapture and disclosure tests are written against them.
        /// </summary>
        private void ReplayFormerJusticeDraws(int i)
        {
            void Authors(int count, int codes, int minorChoices)
            {
                for (var a = 0; a < count; a++)
                {
                    rng.Next(0, 1_000_000);
                    Pick(depWeights);
                    rng.Next(codes);
                    if (minorChoices > 0)
                    {
                        rng.Next(minorChoices);
                    }

                    rng.NextDouble();
                    rng.Next(19, 66);
                    rng.Next(0, 251);
                    if (rng.NextDouble() < 0.15)
                    {
                        rng.Next(2);
                        continue;
                    }

                    rng.Next(30, 110);
                    if (rng.NextDouble() < 0.75 && rng.Next(5) < 2)
                    {
                        rng.Next(3, 85);
                    }
                }
            }

            Authors(Scale * (int)Math.Round(70 * Math.Pow(1.14, i)), 4, 0);
            Authors(Scale * (int)Math.Round(90 * Math.Pow(1.09, i)), 5, 4);
            Authors(Scale * (int)Math.Round(20 * Math.Pow(1.08, i)), 3, 3);
            Authors(Scale * 40, OutOfScopeNatinf.Length, 0);
        }

        /// <summary>
        /// Authors and their penal chain in the year, from the justice generator (seeded by the options' seed and the year):
        /// the prosecutor's orientation (dismissal, alternative, prosecution), then for the prosecuted a judgment in the
        /// year or not yet (conviction, acquittal), each convicted person's sentence. The same number of authors per year
        /// as the former generator, each taking one number of the shared person counter.
        /// </summary>
        private List<string[]> JusticeLines(int year, int i)
        {
            var jrng = new Random(unchecked((options.Seed * 397) ^ year));
            string Pick(params (string Value, double Weight)[] choices) => Weighted(jrng, choices, c => c.Weight).Value;

            DateOnly Date(int lastDay = 250) => new DateOnly(year, 1, 1).AddDays(jrng.Next(0, lastDay + 1));
            var lastOfYear = new DateOnly(year, 12, 31);
            var lines = new List<string[]>();
            void Authors(int count, JusticeProfile profile)
            {
                for (var a = 0; a < count; a++)
                {
                    var person = $"J{year}-{Interlocked.Increment(ref personCounter)}";
                    var affaire = $"AF{year}{jrng.Next(0, 1_000_000):D6}";
                    var dep = geography.Departements[PickWith(jrng, depWeights)].Code;
                    var (code, minor) = profile.Offence(jrng);
                    var sex = jrng.NextDouble() < 0.92 ? "M" : "F";
                    var age = jrng.Next(19, 66).ToString(CultureInfo.InvariantCulture);
                    string[] Line(string caseId, DateOnly d, string natinf, string step, string sentence = "", string quantum = "") =>
                        [caseId, person, Iso(d), dep, natinf, step, sentence, quantum, minor, sex, age];
                    var first = Date();

                    // A few persons have a second case in the year, dismissed, besides the one followed below.
                    if (jrng.NextDouble() < 0.05)
                    {
                        lines.Add(Line($"AF{year}{jrng.Next(0, 1_000_000):D6}", Date(), profile.Offence(jrng).Code, "CLASSEMENT"));
                    }

                    // A judgment in the year may follow a prosecution of the year before: no orientation line this year.
                    var prosecutedBefore = jrng.NextDouble() < 0.10;
                    var orientation = prosecutedBefore ? "POURSUITE" : Pick(("CLASSEMENT", profile.Dismissal), ("ALTERNATIVE", profile.Alternative), ("POURSUITE", 1 - profile.Dismissal - profile.Alternative));
                    if (!prosecutedBefore)
                    {
                        lines.Add(Line(affaire, first, code, orientation));
                    }

                    if (orientation != "POURSUITE")
                    {
                        continue;
                    }

                    var judged = first.AddDays(jrng.Next(30, 110));
                    var judgment = Pick(("CONDAMNATION", profile.Conviction), ("RELAXE", profile.Acquittal), (string.Empty, 1 - profile.Conviction - profile.Acquittal));
                    if (judgment == "RELAXE")
                    {
                        lines.Add(Line(affaire, judged, code, "RELAXE"));
                    }
                    else if (judgment == "CONDAMNATION")
                    {
                        var sentence = profile.Sentence(jrng);
                        lines.Add(Line(affaire, judged, code, "CONDAMNATION", sentence, profile.Quantum(sentence, jrng)));

                        // Some are convicted twice in the year, with another sentence (another case, or the same case's
                        // other offence): the most severe of the two classes them.
                        if (jrng.NextDouble() < 0.06)
                        {
                            var other = profile.Sentence(jrng);
                            while (other == sentence)
                            {
                                other = profile.Sentence(jrng);
                            }

                            var later = judged.AddDays(jrng.Next(0, 20));
                            lines.Add(Line(affaire, later > lastOfYear ? lastOfYear : later, code, "CONDAMNATION", other, profile.Quantum(other, jrng)));
                        }
                    }
                }
            }

            Authors(Scale * (int)Math.Round(70 * Math.Pow(1.14, i)), JusticeProfile.Clients);
            Authors(Scale * (int)Math.Round(90 * Math.Pow(1.09, i)), JusticeProfile.Pimping);
            Authors(Scale * (int)Math.Round(20 * Math.Pow(1.08, i)), JusticeProfile.Trafficking);
            Authors(Scale * 40, JusticeProfile.OutOfScope);
            return lines;
        }

        /// <summary>The deliberate defects of the samples: each shows one rule of the quality report at work.</summary>
        private static void AddDefects(int year, List<string[]> police, List<string[]> ase, List<string[]> sante, List<string[]> justice)
        {
            switch (year)
            {
                case 2017:
                    // Conflict: a minor-only offence with an adult age (the age decides).
                    police[3][5] = "23338";
                    police[3][8] = "19";
                    break;
                case 2019:
                    police[10][8] = "150";
                    police[20][7] = "X";
                    police[30][4] = "31/02/2019";
                    break;
                case 2020:
                    // A département exported as a number: the leading zero is lost.
                    foreach (var line in police.Where(l => l[6] is "01" or "02" or "06").Take(8))
                    {
                        line[6] = line[6][1..];
                    }

                    ase[5][4] = "EXPLOIT";
                    ase[6][4] = "EXPLOIT";
                    break;
                case 2021:
                    // Three lines, one defect each: a date of the previous year, and two convictions without a sentence.
                    justice[2][2] = "2020-12-31";
                    foreach (var line in justice.Where(l => l[5] == "CONDAMNATION" && !ReferenceEquals(l, justice[2])).Take(2))
                    {
                        line[6] = string.Empty;
                        line[7] = string.Empty;
                    }

                    sante[4][5] = "06";
                    break;
                case 2024:
                    sante[7][2] = "99";
                    var keyed = sante.First(l => l[1].Length > 0);
                    keyed[1] = keyed[1].ToUpperInvariant();
                    break;
            }
        }

        private static string Csv(string header, IEnumerable<string[]> rows, string newline)
        {
            var sb = new StringBuilder(header).Append(newline);
            foreach (var r in rows)
            {
                sb.Append(string.Join(';', r)).Append(newline);
            }

            return sb.ToString();
        }

        private string OtherDep() => geography.Departements[rng.Next(geography.Departements.Count)].Code;

        private DateOnly RandomDate(int year, int lastDay = 364) => new DateOnly(year, 1, 1).AddDays(rng.Next(0, lastDay + 1) % (DateTime.IsLeapYear(year) ? 366 : 365));

        private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string Fr(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        private string Choose(params string[] values) => values[rng.Next(values.Length)];

        private int Pick(double[] weights) => PickWith(rng, weights);

        private static int PickWith(Random random, double[] weights)
        {
            var x = random.NextDouble() * weights.Sum();
            for (var k = 0; k < weights.Length; k++)
            {
                x -= weights[k];
                if (x < 0)
                {
                    return k;
                }
            }

            return weights.Length - 1;
        }

        /// <summary>A small deterministic wobble (−3..3) per département and year, so that populations do not move in lockstep.</summary>
        private static double Hash(string code, int year) => (((year * 31) + code.Sum(c => c)) % 7) - 3;
    }
}
