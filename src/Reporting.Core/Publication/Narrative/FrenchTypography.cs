using System.Text.RegularExpressions;

namespace Reporting.Publication.Narrative;

/// <summary>
/// French typography on the published text, at the one place every sentence, title, table cell and note of the report
/// and the sheets passes (the composition), so that the PDF, the web edition and the snapshot print the same
/// characters: the typographic apostrophe, a no-break space before « : » and a narrow one before « ; ! ? », no-break
/// spaces inside guillemets and between a number and its unit, and « 100 000 » grouped like every other number.
/// Numbers themselves are written by <see cref="FrenchFormat"/>.
/// </summary>
public static partial class FrenchTypography
{
    public static string Apply(string text) =>
        Units().Replace(
            Thousands().Replace(
                NarrowBefore().Replace(
                    ColonBefore().Replace(Apostrophe().Replace(text, "\u2019"), "\u00A0:"),
                    "\u202F$1"),
                "100\u202F000"),
            "\u00A0$1")
        .Replace("« ", "«\u00A0", StringComparison.Ordinal)
        .Replace(" »", "\u00A0»", StringComparison.Ordinal);

    /// <summary>An apostrophe between two letters (« l'Ain », « d'exploitation »), not a quote mark.</summary>
    [GeneratedRegex(@"(?<=\p{L})'(?=\p{L})")]
    private static partial Regex Apostrophe();

    [GeneratedRegex(@" :")]
    private static partial Regex ColonBefore();

    [GeneratedRegex(@" ([;!?])")]
    private static partial Regex NarrowBefore();

    [GeneratedRegex(@"\b100 000\b")]
    private static partial Regex Thousands();

    /// <summary>A number and its unit stay on one line: « 43,8 mois », « 15 ans », « 95 % ».</summary>
    [GeneratedRegex(@"(?<=\d) (mois\b|ans\b|%)")]
    private static partial Regex Units();
}
