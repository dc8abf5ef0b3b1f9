using Reporting.Publication.Narrative;
using Reporting.Publication.Pdf;

namespace Reporting.Tests.Publication.Narrative;

public sealed class FrenchFormatTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(7, "7")]
    [InlineData(2143, "2\u202F143")]
    [InlineData(11313, "11\u202F313")]
    [InlineData(1234567, "1\u202F234\u202F567")]
    [InlineData(-2143, "\u22122\u202F143")]
    public void Integers_take_a_narrow_no_break_space_between_thousands(int value, string expected) =>
        Assert.Equal(expected, FrenchFormat.Integer(value));

    [Theory]
    [InlineData("12.5", "12,5")]
    [InlineData("12.25", "12,3")]
    [InlineData("-12.25", "\u221212,3")]
    [InlineData("1234.5", "1\u202F234,5")]
    [InlineData("0", "0,0")]
    public void Decimals_take_a_comma_and_round_half_away_from_zero(string value, string expected) =>
        Assert.Equal(expected, FrenchFormat.Decimal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("-3.1", "\u22123,1\u00A0%")]
    [InlineData("8.2", "+8,2\u00A0%")]
    [InlineData("0", "0,0\u00A0%")]
    public void A_signed_change_takes_the_minus_sign_never_the_hyphen(string value, string expected) =>
        Assert.Equal(expected, FrenchFormat.SignedPercent(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(FontFace.Regular)]
    [InlineData(FontFace.Bold)]
    [InlineData(FontFace.Italic)]
    public void Every_shipped_face_has_a_glyph_of_its_own_for_the_minus_sign(FontFace face)
    {
        using var font = new SkiaSharp.SKFont(PublicationFonts.Typeface(face), 10);

        Assert.True(PublicationFonts.Typeface(face).ContainsGlyphs(FrenchFormat.Minus));
        // Its own glyph: not the plus, not the hyphen, not the missing-glyph box (glyph 0).
        Assert.DoesNotContain(font.GetGlyphs(FrenchFormat.Minus)[0], new ushort[] { 0, font.GetGlyphs("+")[0], font.GetGlyphs("-")[0] });
    }

    [Fact]
    public void Percent_follows_a_no_break_space() => Assert.Equal("8,2\u00A0%", FrenchFormat.Percent(8.2m));

    [Theory]
    [InlineData(2026, 4, 14, "14 avril 2026")]
    [InlineData(2026, 8, 1, "1ᵉʳ août 2026")]
    [InlineData(2025, 12, 31, "31 décembre 2025")]
    public void Dates_are_written_in_french(int y, int m, int d, string expected) =>
        Assert.Equal(expected, FrenchFormat.Date(new DateOnly(y, m, d)));
}
