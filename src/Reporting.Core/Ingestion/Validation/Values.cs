using System.Globalization;

namespace Reporting.Ingestion;

/// <summary>Parsers for the value formats of the data contract, culture-invariant and strict.</summary>
public static class Values
{
    /// <summary><c>YYYY-MM-DD</c> or <c>DD/MM/YYYY</c>, and a date that exists.</summary>
    public static DateOnly? ParseDate(string raw)
    {
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        return DateOnly.TryParseExact(raw, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fr) ? fr : null;
    }

    /// <summary>Whole years 0..120 (extracts.md); empty is handled by the caller as unknown.</summary>
    public static int? ParseAge(string raw) => ParseNonNegative(raw) is { } age && age <= 120 ? (int)age : null;

    public static long? ParseNonNegative(string raw)
    {
        if (raw.Length == 0 || raw.Length > 18)
        {
            return null;
        }

        long value = 0;
        foreach (var c in raw)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>64 lowercase hexadecimal characters: the pseudonymous key of the trusted third party.</summary>
    public static bool IsKey(string raw)
    {
        if (raw.Length != 64)
        {
            return false;
        }

        foreach (var c in raw)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    public static Sex ParseSex(string value) => value switch
    {
        "F" => Sex.Female,
        "M" => Sex.Male,
        _ => Sex.Unknown,
    };
}
