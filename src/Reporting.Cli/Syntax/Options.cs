using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Reporting.Cli.Syntax;

/// <summary>
/// The kinds of option the commands take, each parsed with a French message naming the option and what it received
/// (System.CommandLine's own messages are English: the engine runs in invariant globalization, without its
/// satellite resources). A single-valued option given twice is refused by the parser (<see cref="ParseErrors"/>).
/// </summary>
public static class Options
{
    public static Option<string> Text(string name, string valueName, string description, bool required = false) => new(name)
    {
        HelpName = valueName,
        Description = description,
        Required = required,
        CustomParser = r => NotBlank(r, name),
    };

    /// <summary>Repeatable and multi-valued: <c>--dep 13 --dep 93</c>, <c>--dep 13 93</c> and <c>--dep 13,93</c> are the same.</summary>
    public static Option<string[]> Many(string name, string valueName, string description) => new(name)
    {
        HelpName = valueName,
        Description = description,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = r => [.. r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))],
    };

    public static Option<int> Int(string name, string valueName, string description, int? defaultValue = null)
    {
        var option = new Option<int>(name)
        {
            HelpName = valueName,
            Description = description,
            Required = defaultValue is null,
            CustomParser = r =>
            {
                var raw = Last(r);
                if (raw is null)
                {
                    return 0;
                }

                if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                {
                    return v;
                }

                r.AddError($"{name} : entier attendu, reçu « {raw} »");
                return 0;
            },
        };
        if (defaultValue is { } d)
        {
            option.DefaultValueFactory = _ => d;
        }

        return option;
    }

    public static Option<double> Number(string name, string valueName, string description, double defaultValue) => new(name)
    {
        HelpName = valueName,
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r =>
        {
            var raw = Last(r);
            if (raw is null)
            {
                return defaultValue;
            }

            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            {
                return v;
            }

            r.AddError($"{name} : nombre attendu (point décimal), reçu « {raw} »");
            return defaultValue;
        },
    };

    /// <summary>One value among a list, without regard to case; a wrong one is answered with the list and the nearest.</summary>
    public static Option<string> Choice(string name, string description, IReadOnlyList<string> values, string defaultValue)
    {
        var option = new Option<string>(name)
        {
            HelpName = string.Join('|', values),
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var raw = Last(r);
                if (raw is null)
                {
                    return defaultValue;
                }

                if (values.FirstOrDefault(v => string.Equals(v, raw, StringComparison.OrdinalIgnoreCase)) is { } known)
                {
                    return known;
                }

                r.AddError($"{name} : valeur inconnue « {raw} »{Nearest.Phrase(raw, values)} (valeurs possibles : {string.Join(", ", values)})");
                return defaultValue;
            },
        };
        option.CompletionSources.Add(values.ToArray());
        return option;
    }

    public static Option<bool> Flag(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.Zero,
    };

    private static string? NotBlank(ArgumentResult r, string name)
    {
        var raw = Last(r);
        if (raw is not null && string.IsNullOrWhiteSpace(raw))
        {
            r.AddError($"{name} : valeur vide");
        }

        return raw;
    }

    private static string? Last(ArgumentResult r) => r.Tokens.Count == 0 ? null : r.Tokens[^1].Value;
}
