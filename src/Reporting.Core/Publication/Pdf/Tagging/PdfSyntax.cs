using System.Globalization;
using System.Text;

namespace Reporting.Publication.Pdf.Tagging;

/// <summary>How the writer spells PDF values.</summary>
internal static class PdfSyntax
{
    /// <summary>
    /// A text string (ISO 32000-1, 7.9.2.2): a literal string when every character is printable ASCII, otherwise
    /// UTF-16BE with its byte order mark, in hexadecimal so that no byte needs escaping.
    /// </summary>
    public static string Text(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
        {
            return "(" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal) + ")";
        }

        var hex = new StringBuilder("<FEFF", 6 + (text.Length * 4));
        foreach (var b in Encoding.BigEndianUnicode.GetBytes(text))
        {
            hex.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return hex.Append('>').ToString();
    }

    public static string Ref(int number) => string.Create(CultureInfo.InvariantCulture, $"{number} 0 R");

    public static string Number(float value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A date in the PDF's form, in UTC (<c>D:20260630000000+00'00'</c>).</summary>
    public static string Date(DateTime utc) => "D:" + utc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+00'00'";
}
