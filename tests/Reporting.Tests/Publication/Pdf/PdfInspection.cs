using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Reporting.Tests.Publication.Pdf;

/// <summary>Walks a PDF's objects through PdfPig's tokens: fonts and XObjects of each page.</summary>
internal static class PdfInspection
{
    public static IToken? Resolve(PdfDocument document, IToken? token) =>
        token is IndirectReferenceToken reference ? Resolve(document, document.Structure.TokenScanner.Get(reference.Data)?.Data) : token;

    public static DictionaryToken? Dictionary(PdfDocument document, IToken? token) => Resolve(document, token) switch
    {
        DictionaryToken d => d,
        StreamToken s => s.StreamDictionary,
        _ => null,
    };

    public static DictionaryToken? Entry(PdfDocument document, DictionaryToken? dictionary, string key) =>
        dictionary is not null && dictionary.Data.TryGetValue(key, out var value) ? Dictionary(document, value) : null;

    /// <summary>Every font dictionary in the pages' resources (descendant fonts of Type0 fonts included).</summary>
    public static IEnumerable<DictionaryToken> Fonts(PdfDocument document)
    {
        foreach (var page in document.GetPages())
        {
            var fonts = Entry(document, Entry(document, page.Dictionary, "Resources"), "Font");
            foreach (var font in fonts?.Data.Values ?? [])
            {
                var dictionary = Dictionary(document, font)!;
                yield return dictionary;
                if (dictionary.Data.TryGetValue("DescendantFonts", out var descendants) && Resolve(document, descendants) is ArrayToken array)
                {
                    foreach (var descendant in array.Data)
                    {
                        yield return Dictionary(document, descendant)!;
                    }
                }
            }
        }
    }

    /// <summary>The subtype of every XObject the pages use, recursively through form XObjects.</summary>
    public static IEnumerable<string> XObjectSubtypes(PdfDocument document)
    {
        var pending = new Stack<DictionaryToken?>(document.GetPages().Select(p => Entry(document, p.Dictionary, "Resources")));
        var seen = 0;
        while (pending.Count > 0 && seen++ < 10_000)
        {
            var xobjects = Entry(document, pending.Pop(), "XObject");
            foreach (var xobject in xobjects?.Data.Values ?? [])
            {
                var dictionary = Dictionary(document, xobject)!;
                var subtype = dictionary.Data.TryGetValue("Subtype", out var s) && s is NameToken name ? name.Data : "?";
                yield return subtype;
                pending.Push(Entry(document, dictionary, "Resources"));
            }
        }
    }
}
