using Reporting.Tests.Support;

namespace Reporting.Tests.Cli;

public sealed class EstimateCommandTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void The_uk_five_list_data_give_11313_under_the_stepwise_model()
    {
        var result = CliRunner.Run("estimate", "--lists", Path.Combine(AppContext.BaseDirectory, "Estimation", "Data", "ukdat_5.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("estimation du total : 11313", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("LA:NG, NG:GP, PFNCA:GP, LA:PFNCA, GO:GP, NG:GO", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("AIC", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Mt_on_the_hiv_data_with_terms_by_index()
    {
        var result = CliRunner.Run("estimate", "--lists", Path.Combine(AppContext.BaseDirectory, "Estimation", "Data", "hiv.csv"), "--model", "[1,2]");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("12318", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_that_cannot_support_the_model_is_refused_with_a_reason()
    {
        var path = dir.Write("t.csv", "a,b,c,count\n1,0,0,30\n0,1,0,20\n0,0,1,25\n1,0,1,5\n0,1,1,4\n");

        var result = CliRunner.Run("estimate", "--lists", path, "--model", "a:b");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("estimation du total", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_table_names_the_line()
    {
        var path = dir.Write("t.csv", "a,b,count\n1,0,30\n1,2,5\n");

        var result = CliRunner.Run("estimate", "--lists", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("3", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }
}
