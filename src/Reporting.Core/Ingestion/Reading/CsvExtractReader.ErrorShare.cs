using System.Globalization;

namespace Reporting.Ingestion;

// The share of lines in error that stops a run, and how its message writes it.
public static partial class CsvExtractReader
{
    /// <summary>
    /// More than the set share of a file's non-blank lines in error stops the run (extracts.md). The share is printed with as
    /// many decimals as it takes to read over the threshold (5,05 % against 5 %, never "5,0 %"); when a quote left open
    /// made a record of several lines, the message names the line where the longest one starts.
    /// </summary>
    public static FileFailure? ErrorShareFailure(string file, int linesRead, int linesRejected, IngestionOptions options, RecordSpan? longestMultiLineRecord = null)
    {
        if (linesRead == 0 || linesRejected <= options.MaxErrorShare * linesRead)
        {
            return null;
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"{linesRejected} lignes en erreur sur {linesRead} ({SharePercent(linesRejected, linesRead, options.MaxErrorShare)}), seuil {ThresholdPercent(options.MaxErrorShare)}");
        if (longestMultiLineRecord is { } span)
        {
            detail += string.Create(CultureInfo.InvariantCulture, $" ; un guillemet non fermé ligne {span.FirstLine} a emporté {span.Lines} lignes physiques (lignes {span.FirstLine} à {span.LastLine})");
        }

        return new FileFailure(file, Rule.TooManyErrors, detail);
    }

    /// <summary>
    /// The share in percent, truncated (never rounded up) to the fewest decimals, from one, that still read over the
    /// threshold: a share over it never prints as equal to it or under it.
    /// </summary>
    internal static string SharePercent(int rejected, int read, double threshold)
    {
        var share = rejected * 100m / read;
        var limit = double.IsFinite(threshold) && Math.Abs(threshold) < 1e9 ? (decimal)threshold * 100m : decimal.MinValue;
        var decimals = 1;
        while (decimals < 12 && Math.Round(share, decimals, MidpointRounding.ToZero) <= limit)
        {
            decimals++;
        }

        return Percent(Math.Round(share, decimals, MidpointRounding.ToZero), decimals);
    }

    /// <summary>The threshold in percent with the decimals it has (5 %, 5,5 %, 0,25 %), never rounded.</summary>
    internal static string ThresholdPercent(double threshold)
    {
        if (!double.IsFinite(threshold) || Math.Abs(threshold) >= 1e9)
        {
            return threshold.ToString(CultureInfo.InvariantCulture);
        }

        var percent = (decimal)threshold * 100m;
        var decimals = 0;
        while (decimals < 12 && Math.Round(percent, decimals) != percent)
        {
            decimals++;
        }

        return Percent(percent, decimals);
    }

    /// <summary>French writing of a percentage, as the publications write it (FrenchFormat): decimal comma, no-break space before %.</summary>
    private static string Percent(decimal percent, int decimals) =>
        percent.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture).Replace('.', ',') + "\u00A0%";
}
