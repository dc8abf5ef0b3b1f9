using System.Text;

namespace Reporting.Publication.Pdf;

/// <summary>
/// Skia writes the document's dates with the machine's UTC offset (<c>D:20260630000000+14'00'</c> under
/// <c>TZ=Pacific/Kiritimati</c>), so the same run gave other bytes on another server. The dates are the publication
/// date at midnight UTC: their offset is rewritten to <c>+00'00'</c> in place — the same length, so the
/// cross-reference table stays right.
/// </summary>
internal static class PdfDates
{
    private static readonly byte[][] Keys = [Encoding.ASCII.GetBytes("/CreationDate (D:"), Encoding.ASCII.GetBytes("/ModDate (D:")];

    private static readonly byte[] Utc = Encoding.ASCII.GetBytes("+00'00'");

    public static byte[] InUtc(byte[] pdf)
    {
        foreach (var key in Keys)
        {
            var from = 0;
            while (pdf.AsSpan(from).IndexOf(key) is var found and >= 0)
            {
                var offset = from + found + key.Length + 14;
                if (offset + Utc.Length <= pdf.Length && pdf[offset] is (byte)'+' or (byte)'-' && pdf[offset + 3] == '\'' && pdf[offset + 6] == '\'')
                {
                    Utc.CopyTo(pdf.AsSpan(offset));
                }

                from = offset;
            }
        }

        return pdf;
    }
}
