using System.Globalization;
using System.Text;
using Reporting.Ingestion;

namespace Reporting.Tests.Ingestion;

/// <summary>
/// The byte path's dates (<c>LineValidator.TryDate</c>) against the string rule (<see cref="Values.ParseDate"/>), which
/// decides whenever the byte path says no: both must accept the same values and read the same day.
/// </summary>
public sealed class LineValidatorDateTests
{
    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("29/02/2024", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("0001-01-01", true)]
    [InlineData("9999-12-31", true)]
    [InlineData("2024-1-05", false)]
    [InlineData("2024/01/05", false)]
    [InlineData("05-01-2024", false)]
    [InlineData("2024-13-01", false)]
    [InlineData("31/04/2024", false)]
    [InlineData("2024-01-0a", false)]
    public void Reads_dates_as_the_string_rule_does(string raw, bool valid)
    {
        // Given: the string rule, which decides whenever the byte path says no.
        Assert.Equal(valid, Values.ParseDate(raw) is not null);

        // Then: the byte path accepts only what the string rule accepts, with the same day.
        var fast = LineValidator.TryDate(Encoding.ASCII.GetBytes(raw), out var date);
        Assert.True(!fast || Values.ParseDate(raw) == date);
        Assert.Equal(valid, fast);
    }

    [Fact]
    public void Reads_every_day_of_two_years_in_both_shapes_as_the_string_rule_does()
    {
        for (var d = new DateOnly(2023, 1, 1); d.Year < 2025; d = d.AddDays(1))
        {
            foreach (var raw in new[] { d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) })
            {
                Assert.True(LineValidator.TryDate(Encoding.ASCII.GetBytes(raw), out var date));
                Assert.Equal(Values.ParseDate(raw), date);
            }
        }
    }
}
