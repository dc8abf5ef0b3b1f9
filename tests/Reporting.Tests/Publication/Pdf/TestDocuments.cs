using System.Globalization;
using Reporting.Publication.Pdf;
using SkiaSharp;

namespace Reporting.Tests.Publication.Pdf;

/// <summary>Small documents built for one layout rule each.</summary>
internal static class TestDocuments
{
    public const string Title = "Publication d’essai";

    public static Document With(params Block[] blocks) =>
        new(new DocumentInfo(Title, "Tests", "Mise en page", ["essai"]), new RunningText(Title, "Source : tests"), blocks);

    public static string N(int i) => i.ToString("000", CultureInfo.InvariantCulture);

    /// <summary>A paragraph of about <paramref name="lines"/> body lines, tagged so it can be found again.</summary>
    public static Paragraph Filler(string tag, int lines) =>
        new(tag + " " + string.Join(" ", Enumerable.Repeat("texte de remplissage pour occuper la ligne entière", lines * 2)));

    /// <summary>A drawing that writes its tag in the middle of its rectangle, to find it in the PDF.</summary>
    public static Action<SKCanvas, SKRect> Drawing(string tag) => (canvas, area) =>
    {
        using var font = new SKFont(PublicationFonts.Typeface(FontFace.Regular), 9);
        using var paint = new SKPaint { Color = Palette.Accent };
        using var frame = new SKPaint { Color = Palette.Rule, Style = SKPaintStyle.Stroke };
        canvas.DrawRect(area, frame);
        canvas.DrawText(tag, area.MidX, area.MidY, font, paint);
    };
}
