using System.Collections.Immutable;
using System.Globalization;

namespace Reporting.Estimation;

/// <summary>How the log-linear model is chosen.</summary>
public enum ModelSelection
{
    /// <summary>Main effects only (independence of the lists, "Mt" in Rcapture).</summary>
    Independence,

    /// <summary>Main effects plus the two-list interactions given by the user.</summary>
    Fixed,

    /// <summary>SparseMSE stepwise rule (Chan, Silverman &amp; Vincent 2021), threshold p = 0.02.</summary>
    Stepwise,
}

/// <summary>A requested model: a selection rule, and for <see cref="ModelSelection.Fixed"/> its interactions.</summary>
public sealed record ModelSpec(ModelSelection Selection, ImmutableArray<ListPair> Interactions)
{
    /// <summary>Main effects only.</summary>
    public static ModelSpec Independence { get; } = new(ModelSelection.Independence, ImmutableArray<ListPair>.Empty);

    /// <summary>SparseMSE stepwise selection from main effects.</summary>
    public static ModelSpec Stepwise { get; } = new(ModelSelection.Stepwise, ImmutableArray<ListPair>.Empty);

    /// <summary>Main effects plus the given interactions (sorted, duplicates removed).</summary>
    public static ModelSpec WithInteractions(IEnumerable<ListPair> pairs)
    {
        var sorted = pairs.Distinct().Order().ToImmutableArray();
        return sorted.IsEmpty ? Independence : new ModelSpec(ModelSelection.Fixed, sorted);
    }

    /// <summary>Structural equality: same rule and same interactions (ImmutableArray alone compares by reference).</summary>
    public bool Equals(ModelSpec? other) =>
        other is not null && Selection == other.Selection && Interactions.SequenceEqual(other.Interactions);

    /// <inheritdoc />
    public override int GetHashCode() =>
        Interactions.Aggregate(Selection.GetHashCode(), (hash, pair) => HashCode.Combine(hash, pair));

    /// <summary>Text of the spec as the user could type it back, e.g. "stepwise" or "LA:NG,NG:GP".</summary>
    public string Describe(IReadOnlyList<string> listNames) => Selection switch
    {
        ModelSelection.Independence => "independence",
        ModelSelection.Stepwise => "stepwise",
        _ => string.Join(",", Interactions.Select(p => p.Name(listNames))),
    };
}

/// <summary>Outcome of parsing a model spec: the spec or an error message in French.</summary>
public sealed record ModelSpecParseResult(ModelSpec? Spec, string? Error)
{
    /// <summary>True when the text was understood.</summary>
    public bool Succeeded => Spec is not null;
}

/// <summary>
/// Parses the <c>--model</c> argument: <c>stepwise</c>, <c>independence</c> (also <c>main</c>,
/// <c>Mt</c>, <c>indépendance</c>), or interaction terms: <c>[1,2]</c>, <c>[1,2][3,4]</c>,
/// <c>LA:NG,NG:GP</c>, <c>1:2+3:4</c>. A list is named by its exact name, its 1-based index, or
/// its name ignoring case when that is unambiguous.
/// </summary>
public static class ModelSpecParser
{
    private static readonly string[] IndependenceWords = ["independence", "indépendance", "independance", "main", "mt"];

    /// <summary>Parses <paramref name="text"/> against the list names of the table to be fitted.</summary>
    public static ModelSpecParseResult Parse(string? text, IReadOnlyList<string> listNames)
    {
        ArgumentNullException.ThrowIfNull(listNames);
        string trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0 || trimmed.Equals("stepwise", StringComparison.OrdinalIgnoreCase))
        {
            return new ModelSpecParseResult(ModelSpec.Stepwise, null);
        }

        if (IndependenceWords.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
        {
            return new ModelSpecParseResult(ModelSpec.Independence, null);
        }

        var pairs = new List<ListPair>();
        foreach (var term in SplitTerms(trimmed))
        {
            var pair = ParseTerm(term, listNames, out string? error);
            if (pair is null)
            {
                return new ModelSpecParseResult(null, error);
            }

            pairs.Add(pair.Value);
        }

        return pairs.Count == 0
            ? new ModelSpecParseResult(null, $"modèle « {trimmed} » non reconnu : attendu stepwise, independence ou des termes comme [1,2] ou A:B")
            : new ModelSpecParseResult(ModelSpec.WithInteractions(pairs), null);
    }

    /// <summary>
    /// Cuts the text into two-list terms, each "a,b" (from brackets) or "a:b". Commas inside brackets
    /// separate the two lists; outside brackets they separate terms.
    /// </summary>
    private static IEnumerable<string> SplitTerms(string text)
    {
        var current = new System.Text.StringBuilder();
        bool inBracket = false;
        foreach (char c in text)
        {
            if (c == '[')
            {
                inBracket = true;
            }
            else if (c == ']')
            {
                inBracket = false;
                yield return current.ToString();
                current.Clear();
            }
            else if (!inBracket && (c == ',' || c == '+' || c == ';' || char.IsWhiteSpace(c)))
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0 || inBracket)
        {
            yield return current.ToString();
        }
    }

    private static ListPair? ParseTerm(string term, IReadOnlyList<string> listNames, out string? error)
    {
        var parts = term.Split([',', ':'], StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            error = $"terme « {term} » invalide : il faut deux listes, par exemple [1,2] ou A:B";
            return null;
        }

        int? a = ResolveList(parts[0], listNames, out error);
        if (a is null)
        {
            return null;
        }

        int? b = ResolveList(parts[1], listNames, out error);
        if (b is null)
        {
            return null;
        }

        if (a == b)
        {
            error = $"terme « {term} » invalide : une interaction relie deux listes différentes";
            return null;
        }

        return new ListPair(a.Value, b.Value);
    }

    private static int? ResolveList(string token, IReadOnlyList<string> listNames, out string? error)
    {
        error = null;
        int exact = IndexOf(listNames, token, StringComparison.Ordinal);
        if (exact >= 0)
        {
            return exact;
        }

        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int oneBased)
            && oneBased >= 1 && oneBased <= listNames.Count)
        {
            return oneBased - 1;
        }

        var loose = Enumerable.Range(0, listNames.Count)
            .Where(i => string.Equals(listNames[i], token, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (loose.Count == 1)
        {
            return loose[0];
        }

        error = $"liste « {token} » inconnue : listes disponibles {string.Join(", ", listNames)} (ou leur numéro de 1 à {listNames.Count})";
        return null;
    }

    private static int IndexOf(IReadOnlyList<string> names, string token, StringComparison comparison)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], token, comparison))
            {
                return i;
            }
        }

        return -1;
    }
}
