using Reporting.Estimation;

namespace Reporting.Tests.Estimation;

public sealed class ListTableCsvTests
{
    [Fact]
    public void Reads_a_published_file_with_missing_patterns_as_zero()
    {
        var table = TestData.Load("ukdat_5.csv");

        Assert.Equal(new[] { "LA", "NG", "PFNCA", "GO", "GP" }, table.ListNames);
        Assert.Equal(31, table.PatternCount);
        Assert.Equal(2744, table.ObservedTotal);
        Assert.Equal(0, table.Count(0b11111));
        Assert.Equal(18, table.Overlap(new ListPair(0, 1)));
    }

    [Fact]
    public void Accepts_semicolons_blank_lines_bom_and_sums_repeated_patterns()
    {
        var result = ListTableCsv.Parse("\uFEFFa;b;count\r\n1;0;3\r\n\r\n1;1;2\r\n1;0;4\r\n");

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(7, result.Table!.Count(0b01));
        Assert.Equal(2, result.Table.Count(0b11));
        Assert.Equal(0, result.Table.Count(0b10));
    }

    [Theory]
    [InlineData("a,b,n\n1,0,3\n", 1, "« count »")]
    [InlineData("a,count\n1,3\n", 1, "entre 2 et 8 listes")]
    [InlineData("a,a,count\n1,0,3\n", 1, "deux fois")]
    [InlineData("a,b,count\n1,0,3\n1,2,4\n", 3, "« b » vaut « 2 »")]
    [InlineData("a,b,count\n1,0,3\n0,1\n", 3, "2 champs au lieu de 3")]
    [InlineData("a,b,count\n1,0,-3\n", 2, "n'est pas un entier positif")]
    [InlineData("a,b,count\n1,0,2.5\n", 2, "n'est pas un entier positif")]
    [InlineData("a,b,count\n0,0,7\n", 2, "motif tout à zéro")]
    public void Reports_the_line_and_the_problem(string text, int line, string fragment)
    {
        var result = ListTableCsv.Parse(text);

        Assert.False(result.Succeeded);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(line, issue.Line);
        Assert.Contains(fragment, issue.Message);
        Assert.StartsWith($"ligne {line} : ", result.ErrorMessage);
    }

    [Fact]
    public void Reports_every_bad_line_at_once()
    {
        var result = ListTableCsv.Parse("a,b,count\nx,0,1\n1,0,1\n1,1,y\n");

        Assert.Equal(new[] { 2, 4 }, result.Issues.Select(i => i.Line));
    }

    [Fact]
    public void Empty_text_and_missing_file_are_issues_not_exceptions()
    {
        Assert.False(ListTableCsv.Parse("  \n").Succeeded);
        var missing = ListTableCsv.ParseFile(Path.Combine(Path.GetTempPath(), "no-such-dir-mse", "lists.csv"));
        Assert.Contains("impossible de lire", missing.ErrorMessage);
    }

    [Fact]
    public void Load_throws_a_format_exception_whose_message_has_no_stack_trace()
    {
        string path = Path.Combine(Path.GetTempPath(), $"mse-bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a,b,count\n1,0,abc\n");
        try
        {
            var e = Assert.Throws<ListTableFormatException>(() => ListTableCsv.Load(path));
            Assert.Contains("ligne 2", e.Message);
            Assert.DoesNotContain(" at ", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
