using System.Globalization;
using Reporting.Indicators;

namespace Reporting.Review;

/// <summary>
/// <c>--min-change</c>: the smallest change worth listing, one number read two ways. For a percentage, a share, a
/// change or a rate per 100,000 it is in points (2.4 → 0.0 is 2.4 points, not −100 %); for a count of persons, an
/// estimate or a mean it is in percent of the old value. A change of status (a cell hidden, published, not available)
/// is always listed. In the published text, where the kind of a number is not written, a number with decimals
/// (<c>10,8</c>) is taken as a rate or a percentage and a whole number (<c>1 519</c>) as a count.
/// </summary>
public sealed record ChangeThreshold(decimal MinChange)
{
    public static ChangeThreshold None { get; } = new(0m);

    /// <summary>Whether the indicator's changes are measured in points.</summary>
    public static bool InPoints(IndicatorKind kind) => kind is IndicatorKind.Rate or IndicatorKind.Share or IndicatorKind.Change;

    /// <summary>Whether a change of a cell of this kind is large enough to be listed.</summary>
    public bool Keeps(IndicatorKind kind, decimal old, decimal @new) => MinChange <= 0 || Size(InPoints(kind), old, @new) >= MinChange;

    /// <summary>Whether a replacement in the text is large enough: anything but a number changing by less than the threshold.</summary>
    public bool Keeps(Substitution s)
    {
        if (MinChange <= 0 || ParseNumber(s.Old) is not { } old || ParseNumber(s.New) is not { } @new)
        {
            return true;
        }

        return Size(HasDecimals(s.Old) || HasDecimals(s.New), old, @new) >= MinChange;
    }

    /// <summary>A changed line is listed when one of its replacements is; a line that appeared or disappeared always is.</summary>
    public bool Keeps(TextChange change) => change.Old is null || change.New is null || change.Substitutions.Count == 0 || change.Substitutions.Any(Keeps);

    private static decimal Size(bool points, decimal old, decimal @new) => points
        ? Math.Abs(@new - old)
        : old == 0 ? decimal.MaxValue : Math.Abs((@new - old) * 100m / old);

    private static bool HasDecimals(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('.', StringComparison.Ordinal);

    /// <summary>A number as the publications print it (<c>1 519</c>, <c>10,8</c>, <c>-3,1</c>) or the workbook stores it (<c>10.8</c>).</summary>
    public static decimal? ParseNumber(string text)
    {
        var plain = text.Replace("\u202F", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        return plain.Length > 0 && decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }
}
