using System.Text.RegularExpressions;
using Reporting.Harmonisation;
using Reporting.Indicators;
using Reporting.Publication.Narrative;
using Reporting.Tests.Support;

namespace Reporting.Tests.Publication.Narrative;

/// <summary>
/// Every template rendered with each of its figures, in turn, in each state a figure can take that is not a number —
/// hidden, not available, not applicable, after a series break — all others published: the sentence must be chosen
/// for the state, never a status phrase pasted where the number goes ("non disponible mineurs", "de sans objet").
/// The templates' variables are read from the templates themselves, so a new figure is covered without a new test. A
/// template that words several figures by a key (<c>{% case cle %}</c>: the readings) is rendered branch by branch, as
/// <c>lectures:carte</c>.
/// </summary>
public sealed partial class TemplateStateTests
{
    private static readonly TemplateSet Templates = TemplateSet.Load(SampleRun.Parameters.Templates);

    private static readonly (string Name, CellStatus Status, bool Break)[] States =
    [
        ("secret", CellStatus.Confidential, false),
        ("non disponible", CellStatus.NotAvailable, false),
        ("sans objet", CellStatus.NotApplicable, false),
        ("rupture", CellStatus.NotApplicable, true),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var template in Templates.Names.Order(StringComparer.Ordinal).SelectMany(Branches))
        {
            foreach (var figure in FiguresOf(template))
            {
                foreach (var state in States)
                {
                    data.Add(template, figure, state.Name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_figure_that_is_not_a_number_gets_a_sentence_of_its_own(string template, string figure, string state)
    {
        var (_, status, isBreak) = States.Single(s => s.Name == state);
        var values = Published(template);
        values[figure] = Figure.Of(new Cell(new CellKey(IndicatorCodes.MinorVictims, 2025, Level.France, "FR", Category.All, Availability.AllSources), null, status, isBreak ? [NoteIds.Break("toutes", "ESM", 2025)] : []));

        var text = string.Join("\n", Templates.Render(template.Split(':')[0], values));

        Assert.DoesNotMatch(PastedStatus(), text);
    }

    /// <summary>A status phrase followed by a word (not « pour », which reads), or after « de », « à », « soit ».</summary>
    [GeneratedRegex(@"(non publié \(secret statistique\)|non disponible|sans objet) (?!pour\b)[\p{Ll}\d]|\b(de|à|soit|est de|entre) (non publié|non disponible|sans objet)|^(Non publié|Non disponible|Sans objet|non publié|non disponible|sans objet)", RegexOptions.Multiline)]
    private static partial Regex PastedStatus();

    private static IEnumerable<string> FiguresOf(string template) =>
        FigureUse().Matches(Source(template)).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Distinct(StringComparer.Ordinal);

    /// <summary>Every variable of the template: figures published, conditions true, numbers as years, words as words.</summary>
    private static Dictionary<string, object?> Published(string template)
    {
        var source = Source(template);
        var figures = FiguresOf(template).ToHashSet(StringComparer.Ordinal);
        var conditions = Condition().Matches(source).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (template.Split(':') is [_, var key])
        {
            values["cle"] = key;
        }

        foreach (Match m in AnyVariable().Matches(source))
        {
            var name = m.Groups[1].Value;
            values[name] = figures.Contains(name)
                ? Figure.Of(new Cell(new CellKey(IndicatorCodes.Rate, 2025, Level.France, "FR", Category.All, Availability.AllSources), 12.5m, CellStatus.Published, []))
                : conditions.Contains(name) ? true
                : name.StartsWith("annee", StringComparison.Ordinal) || name.StartsWith("premiere", StringComparison.Ordinal) || name.StartsWith("seuil", StringComparison.Ordinal) || name.StartsWith("mse", StringComparison.Ordinal) || name == "protection" ? 2024
                : "mot";
        }

        return values;
    }

    /// <summary>A template's text, or the text of one branch of its <c>case</c> (<c>lectures:carte</c>).</summary>
    private static string Source(string template)
    {
        var parts = template.Split(':');
        var source = File.ReadAllText(Path.Combine(SampleRun.Parameters.Templates, parts[0] + ".liquid"));
        if (parts.Length == 1)
        {
            return source;
        }

        var start = source.IndexOf($"{{% when \"{parts[1]}\" %}}", StringComparison.Ordinal);
        var end = source.IndexOf("{% when", start + 1, StringComparison.Ordinal);
        return source[start..(end < 0 ? source.IndexOf("{% endcase", start, StringComparison.Ordinal) : end)];
    }

    /// <summary>The template, or each branch of its <c>case</c>.</summary>
    private static IEnumerable<string> Branches(string template)
    {
        var keys = When().Matches(Source(template)).Select(m => m.Groups[1].Value).ToArray();
        return keys.Length == 0 ? [template] : keys.Select(k => $"{template}:{k}");
    }

    [GeneratedRegex(@"\{%\s*when\s+""([\w-]+)""\s*%\}")]
    private static partial Regex When();

    /// <summary>A figure: filtered (<c>{{ x | nombre }}</c>) or asked about (<c>x.Published</c>).</summary>
    [GeneratedRegex(@"\{\{\s*(\w+)\s*\||\b(\w+)\.(?:Published|Secret|NotApplicable|IsBreak|Value)\b")]
    private static partial Regex FigureUse();

    /// <summary>A flag: a bare name in a condition.</summary>
    [GeneratedRegex(@"(?:\{%\s*(?:els)?if|\band|\bor)\s+(?:not\s+)?(\w+)\s*(?=%\}|and\b|or\b)")]
    private static partial Regex Condition();

    [GeneratedRegex(@"(?:\{\{\s*|\{%\s*(?:els)?if\s+(?:not\s+)?|\{%\s*case\s+|\band\s+|\bor\s+)(\w+)")]
    private static partial Regex AnyVariable();
}
