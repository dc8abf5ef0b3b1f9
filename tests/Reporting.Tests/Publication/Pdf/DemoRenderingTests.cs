using System.Diagnostics;
using Reporting.Publication.Pdf;
using Xunit.Abstractions;

namespace Reporting.Tests.Publication.Pdf;

public sealed class DemoRenderingTests(ITestOutputHelper output)
{
    [Fact]
    public void Renders_the_demo_document_to_a_file_to_look_at()
    {
        var watch = Stopwatch.StartNew();
        var pdf = PdfRenderer.Render(DemoDocument.Build());
        watch.Stop();

        var path = Path.Combine(AppContext.BaseDirectory, "publication-demo", "demo.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, pdf);
        output.WriteLine($"{path}: {pdf.Length} bytes in {watch.ElapsedMilliseconds} ms");

        var page = PdfRenderer.Render(TestDocuments.With(new Heading(1, "1. Une page de texte"), TestDocuments.Filler("Texte", 40)));
        output.WriteLine($"one page of text: {page.Length} bytes");

        using var document = PdfReadBack.Open(pdf);
        Assert.True(document.NumberOfPages >= 4);
    }
}
