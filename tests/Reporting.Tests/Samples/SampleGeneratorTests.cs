using System.Security.Cryptography;
using Reporting.Reference;
using Reporting.Samples;
using Reporting.Tests.Support;

namespace Reporting.Tests.Samples;

public sealed class SampleGeneratorTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void The_committed_samples_are_exactly_what_the_generator_makes()
    {
        var fresh = Path.Combine(dir.Path, "fresh");
        RepositoryPaths.GenerateDefaultSamples(fresh);

        var committed = Digests(RepositoryPaths.DataSamples);
        var regenerated = Digests(fresh);

        Assert.Equal(regenerated, committed);
    }

    [Fact]
    public void Samples_cover_ten_years_four_sources_and_all_departements()
    {
        var files = Directory.GetFiles(RepositoryPaths.DataSamples).Select(Path.GetFileName).ToHashSet();
        foreach (var year in Enumerable.Range(2016, 10))
        {
            foreach (var source in new[] { "police", "justice", "ase", "sante" })
            {
                Assert.Contains($"{source}_{year}.csv", files);
            }
        }

        var population = File.ReadAllLines(Path.Combine(RepositoryPaths.DataSamples, "population.csv")).Skip(1).ToArray();
        Assert.Equal(101 * 10, population.Length);
        Assert.Equal(101, population.Select(l => l.Split(';')[1]).Distinct().Count());
        var size = Directory.EnumerateFiles(RepositoryPaths.DataSamples, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(size < 10 * 1024 * 1024, $"data-samples weighs {size} bytes");
    }

    [Fact]
    public void Validate_on_the_samples_reports_the_deliberate_defects_and_nothing_else()
    {
        var result = CliRunner.Run("validate", "--data", RepositoryPaths.DataSamples, "--out", Path.Combine(dir.Path, "out"));

        Assert.Equal(1, result.ExitCode);
        var findings = result.Stdout.Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
        Assert.Equal(
            [
                "avertissement : encodage_windows_1252 (fichier non UTF-8, lu en Windows-1252) : les accents ont été lus en Windows-1252",
                "avertissement : colonne_inconnue (colonne inconnue, ignorée) : colonne « observations »",
                "rejet : peine_manquante (condamnation sans peine) : 2",
                "rejet : annee_hors_fichier (date de référence hors de l'année du fichier) : 1",
                "rejet : age_invalide (âge invalide (entier de 0 à 120 ou vide)) : 1",
                "rejet : date_invalide (date invalide (AAAA-MM-JJ ou JJ/MM/AAAA attendu)) : 1",
                "rejet : sexe_invalide (sexe hors liste (F, M, I ou vide)) : 1",
                "avertissement : departement_sans_zero (code département sans zéro initial, normalisé) : 8",
                "rejet : cle_invalide (clé de chaînage mal formée (64 caractères hexadécimaux minuscules attendus)) : 1",
                "rejet : departement_invalide (code département inconnu) : 1",
            ],
            findings);
    }

    [Fact]
    public void Scale_multiplies_the_data()
    {
        var one = Path.Combine(dir.Path, "one");
        var three = Path.Combine(dir.Path, "three");
        SampleGenerator.Generate(one, new SampleOptions(2020, 2020, 5, 1), Geography.Default);
        SampleGenerator.Generate(three, new SampleOptions(2020, 2020, 5, 3), Geography.Default);

        var lines1 = File.ReadAllLines(Path.Combine(one, "police_2020.csv")).Length - 1;
        var lines3 = File.ReadAllLines(Path.Combine(three, "police_2020.csv")).Length - 1;
        Assert.InRange(lines3, 2.7 * lines1, 3.3 * lines1);
    }

    private static SortedDictionary<string, string> Digests(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
