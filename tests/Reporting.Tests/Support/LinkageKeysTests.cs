using System.IO.Compression;
using Reporting.Publication;

namespace Reporting.Tests.Support;

/// <summary>The scanner the no-key-in-any-output test relies on finds what it must, and only that.</summary>
public sealed class LinkageKeysTests : IDisposable
{
    private const string Key = "0123456789abcdef0123456789abcdef00112233445566778899aabbccddeeff";

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData("cle : " + Key + " ;", true)]
    [InlineData("moitié : 00112233445566778899AABBCCDDEEFF.", true)]
    [InlineData("au milieu : 9abcdef0123456789abcdef001122334 fin", true)]
    [InlineData("31 caractères : 00112233445566778899aabbccddeef", false)]
    [InlineData("une autre clé : ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100", false)]
    public void Finds_a_key_or_any_32_characters_of_it_and_nothing_else(string output, bool leaks)
    {
        var keys = Keys();

        Assert.Equal(1, keys.Count);
        Assert.Equal(leaks, keys.Leaks(System.Text.Encoding.UTF8.GetBytes(output)));
    }

    [Fact]
    public void Looks_inside_the_parts_of_a_workbook()
    {
        var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Optimal).Open());
            writer.Write($"<si><t>{Key}</t></si>");
        }

        var parts = LinkageKeys.Parts(new OutputFile("tableaux-2025.xlsx", zipped.ToArray())).ToArray();

        Assert.False(Keys().Leaks(parts[0].Bytes));
        Assert.Contains(parts, p => p.Part == "tableaux-2025.xlsx:xl/sharedStrings.xml" && Keys().Leaks(p.Bytes));
    }

    private LinkageKeys Keys()
    {
        var extract = System.IO.Path.Combine(dir.Path, "police_2025.csv");
        File.WriteAllText(extract, $"id;cle_chainage;age\n1;{Key};15\n2;{Key.ToUpperInvariant()};16\n");
        return LinkageKeys.Of([extract]);
    }
}
