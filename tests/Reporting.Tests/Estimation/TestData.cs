using Reporting.Estimation;

namespace Reporting.Tests.Estimation;

/// <summary>The published data sets, read from the copies shipped with the tests (Data/SOURCES.md).</summary>
internal static class TestData
{
    public static string PathOf(string fileName) =>
        Path.Combine(AppContext.BaseDirectory, "Estimation", "Data", fileName);

    public static ListTable Load(string fileName) => ListTableCsv.Load(PathOf(fileName));

    public static MseEstimate Estimate(string fileName, ModelSpec model, MseOptions? options = null)
    {
        var outcome = MseEstimator.Estimate(Load(fileName), model, options);
        return Assert.IsType<MseEstimate>(outcome);
    }

    public static ModelSpec Terms(string fileName, string terms)
    {
        var parsed = ModelSpecParser.Parse(terms, Load(fileName).ListNames);
        return parsed.Spec ?? throw new InvalidOperationException(parsed.Error);
    }

    /// <summary>Table from rows of (flags, count), e.g. ("110", 5).</summary>
    public static ListTable Table(string[] names, params (string Flags, long Count)[] rows)
    {
        var counts = new long[1 << names.Length];
        foreach (var (flags, count) in rows)
        {
            int pattern = 0;
            for (int i = 0; i < flags.Length; i++)
            {
                pattern |= flags[i] == '1' ? 1 << i : 0;
            }

            counts[pattern] += count;
        }

        return ListTable.Create(names, counts);
    }
}
