using System.Text;

namespace Reporting.Cli.Syntax;

/// <summary>
/// « Vouliez-vous dire … ? »: the candidates nearest to what was typed, compared without case, accents, dashes or
/// spaces (<c>bouches du rhone</c> is <c>Bouches-du-Rhône</c>), by edit distance with transpositions (<c>--yeras</c>
/// is one step from <c>--years</c>), or a candidate the input begins (<c>figure</c> for <c>figures</c>).
/// </summary>
public static class Nearest
{
    /// <summary>The nearest candidates (ties kept, in the candidates' order); none when nothing is close enough.</summary>
    public static IReadOnlyList<string> Among(string typed, IEnumerable<string> candidates)
    {
        var key = Fold(typed);
        if (key.Length == 0)
        {
            return [];
        }

        var scored = candidates.Distinct(StringComparer.Ordinal).Select(c => (Candidate: c, Distance: Distance(key, Fold(c)))).ToArray();
        var tolerance = Math.Max(1, (key.Length + 2) / 3);
        var close = scored.Where(s => s.Distance <= tolerance).ToArray();
        if (close.Length == 0)
        {
            // An abbreviation: the candidate starts with what was typed (« seine » for the Seine départements).
            return key.Length >= 3 ? [.. scored.Where(s => Fold(s.Candidate).StartsWith(key, StringComparison.Ordinal)).Select(s => s.Candidate).Take(5)] : [];
        }

        var best = close.Min(s => s.Distance);
        return [.. close.Where(s => s.Distance == best).Select(s => s.Candidate).Take(5)];
    }

    /// <summary>The phrase to add to an error message: empty, or « — vouliez-vous dire « x » ? ».</summary>
    public static string Phrase(string typed, IEnumerable<string> candidates)
    {
        var near = Among(typed, candidates);
        return near.Count == 0 ? string.Empty : " — vouliez-vous dire " + string.Join(" ou ", near.Select(n => $"« {n} »")) + " ?";
    }

    /// <summary>Lower case, no accent, letters and digits only: how names are compared when typed at a terminal.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var c = char.ToLowerInvariant(ch);
            var plain = c switch
            {
                'à' or 'â' or 'ä' or 'á' => "a",
                'ç' => "c",
                'é' or 'è' or 'ê' or 'ë' => "e",
                'î' or 'ï' or 'í' => "i",
                'ô' or 'ö' or 'ó' => "o",
                'ù' or 'û' or 'ü' or 'ú' => "u",
                'ÿ' => "y",
                'œ' => "oe",
                'æ' => "ae",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => string.Empty,
            };
            folded.Append(plain);
        }

        return folded.ToString();
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
