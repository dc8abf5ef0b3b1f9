using Reporting.Reference;
using Reporting.Samples;

namespace Reporting.Tests.Support;

/// <summary>The committed samples of the repository (data-samples/), found from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Reporting.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Reporting.sln not found above the test folder.");
        }
    }

    public static string DataSamples => Path.Combine(Root, "data-samples");

    public static void GenerateDefaultSamples(string outDir) => SampleGenerator.Generate(outDir, new SampleOptions(), Geography.Default);
}
