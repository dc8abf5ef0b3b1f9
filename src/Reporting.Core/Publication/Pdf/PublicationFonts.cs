using System.Reflection;
using SkiaSharp;

namespace Reporting.Publication.Pdf;

/// <summary>The three faces a publication uses; there is no bold italic (nothing in the bulletin needs it).</summary>
public enum FontFace
{
    Regular,
    Bold,
    Italic,
}

/// <summary>
/// The shipped Noto Sans subsets (see <c>tools/subset-fonts.sh</c>), loaded from the assembly's resources.
/// Nothing here asks the machine for a font: a CI machine without any font renders the same PDF.
/// </summary>
public static class PublicationFonts
{
    /// <summary>The family name the subsets keep (Noto Sans has no Reserved Font Name).</summary>
    public const string FamilyName = "Noto Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("NotoSans-Regular.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("NotoSans-Bold.ttf"));
    private static readonly Lazy<SKTypeface> ItalicFace = new(() => Load("NotoSans-Italic.ttf"));

    public static SKTypeface Typeface(FontFace face) => face switch
    {
        FontFace.Regular => RegularFace.Value,
        FontFace.Bold => BoldFace.Value,
        FontFace.Italic => ItalicFace.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(face), face, "Unknown font face."),
    };

    private static SKTypeface Load(string file)
    {
        var name = "Reporting.Publication.Fonts." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from the assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        using var data = SKData.CreateCopy(memory.ToArray());
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The font resource {name} is not a font Skia can read.");
    }
}
