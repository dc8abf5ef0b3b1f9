using System.Globalization;
using System.Text;

namespace Reporting.Publication.Html;

/// <summary>
/// A small HTML writer: escaped text and attributes, elements opened and closed in order, LF line ends. Nothing here
/// knows the publication; the renderers say what to write.
/// </summary>
public sealed class Markup
{
    private readonly StringBuilder sb = new();

    public Markup Raw(string html)
    {
        sb.Append(html);
        return this;
    }

    /// <summary>Published words, in French typography (<see cref="Narrative.FrenchTypography"/>), escaped.</summary>
    public Markup Text(string text)
    {
        sb.Append(Escape(Narrative.FrenchTypography.Apply(text)));
        return this;
    }

    /// <summary>An opening tag; attributes whose value is null are left out, an empty value is written bare.</summary>
    public Markup Open(string tag, params (string Name, string? Value)[] attributes)
    {
        sb.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            sb.Append(' ').Append(name);
            if (value.Length > 0)
            {
                sb.Append("=\"").Append(Escape(value)).Append('"');
            }
        }

        sb.Append('>');
        return this;
    }

    public Markup Close(string tag)
    {
        sb.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public Markup Element(string tag, string text, params (string Name, string? Value)[] attributes) => Open(tag, attributes).Text(text).Close(tag);

    public Markup Line()
    {
        sb.Append('\n');
        return this;
    }

    public override string ToString() => sb.ToString();

    public byte[] ToUtf8() => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(sb.ToString());

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"") < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
    }

    /// <summary>SVG coordinates: invariant, at most two decimals, so that a rerun writes the same bytes.</summary>
    public static string N(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
