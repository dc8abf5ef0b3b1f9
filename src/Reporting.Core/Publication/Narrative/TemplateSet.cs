using System.Globalization;
using Fluid;
using Fluid.Values;

namespace Reporting.Publication.Narrative;

/// <summary>A template that cannot be parsed or rendered: the message names the template, the line and what is missing.</summary>
public sealed class TemplateException(string message) : Exception(message);

/// <summary>
/// The editable French wording of the publications (<c>templates/*.liquid</c>, Liquid through Fluid): the statistics
/// service changes sentences without touching code. Filters write French numbers and follow the sign of a change;
/// a variable that does not exist is an error, never an empty string.
/// </summary>
public sealed class TemplateSet
{
    /// <summary>Under this absolute change in %, a change is worded as stability (a choice stated in the methodology).</summary>
    public const decimal StabilityThreshold = 1.0m;

    private static readonly FluidParser Parser = new();

    private readonly Dictionary<string, (IFluidTemplate Template, string Source)> templates;
    private readonly TemplateOptions options;

    private TemplateSet(Dictionary<string, (IFluidTemplate, string)> templates, PublicationIdentity identity)
    {
        this.templates = templates;
        Identity = identity;
        options = new TemplateOptions { StrictFilters = true, CultureInfo = CultureInfo.InvariantCulture };
        options.Undefined = name => throw new UndefinedValueException(name);
        options.MemberAccessStrategy.Register<Figure>();
        options.Filters.AddFilter("nombre", (input, _, _) => Text(input, f => f.Text()));
        options.Filters.AddFilter("pourcent", (input, _, _) => Text(input, f => f.Text(percent: true)));
        options.Filters.AddFilter("evolution", (input, _, _) => Text(input, Change));

        // A published percentage said in tenths for words ("about five in ten"): its rounding, not a new figure.
        options.Filters.AddFilter("sur_dix", (input, _, _) => Text(input, f => f.Value is { } v
            ? FrenchFormat.Integer(Math.Round(v / 10, MidpointRounding.AwayFromZero))
            : Vocabulary.StatusWords(f.Status)));
        // The end of a sentence whose subject is a figure that is not published: « le nombre … n'est pas publié (secret
        // statistique) », « la part … n'est pas publiée », for its state; a published figure has no such sentence.
        options.Filters.AddFilter("n_est_pas", (input, _, _) => Text(input, f => Missing(f, feminine: false)));
        options.Filters.AddFilter("n_est_pas_f", (input, _, _) => Text(input, f => Missing(f, feminine: true)));

        // The sentence that replaces « Par rapport à 2024, c'est une hausse de … » when the change is not published.
        options.Filters.AddFilter("evolution_absente", (input, arguments, _) => Text(input, f =>
            $"L'évolution {arguments.At(0).ToStringValue()} {arguments.At(1).ToStringValue()} " + f.Status switch
            {
                Indicators.CellStatus.Confidential => "n'est pas publiée (secret statistique).",
                Indicators.CellStatus.NotApplicable when f.IsBreak => "n'est pas calculée : la série est rompue.",
                Indicators.CellStatus.NotApplicable => "n'est pas calculable, faute de mineur repéré au départ.",
                _ => "n'est pas disponible.",
            }));
        // A count with its noun agreeing: « aucun classement », « un classement », « 86 classements » (feminine: « aucune »,
        // « une »). For noun phrases only; a verb that must agree, or take « ne », is chosen in the template.
        options.Filters.AddFilter("effectif", (input, arguments, _) => Text(input, f => Counted(f, arguments.At(0).ToStringValue(), arguments.At(1).ToStringValue(), feminine: false)));
        options.Filters.AddFilter("effectif_f", (input, arguments, _) => Text(input, f => Counted(f, arguments.At(0).ToStringValue(), arguments.At(1).ToStringValue(), feminine: true)));
        options.Filters.AddFilter("date_fr", (input, _, _) => new StringValue(
            DateOnly.TryParseExact(input.ToStringValue(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? FrenchFormat.Date(d) : input.ToStringValue()));
    }

    public IReadOnlyCollection<string> Names => templates.Keys;

    /// <summary>Who publishes and how the publication is cited (<c>publication.json</c> beside the templates).</summary>
    public PublicationIdentity Identity { get; }

    public static TemplateSet Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new TemplateException($"dossier de modèles introuvable : {directory}");
        }

        var parsed = new Dictionary<string, (IFluidTemplate, string)>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(directory, "*.liquid").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var source = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            if (!Parser.TryParse(source, out var template, out var error))
            {
                throw new TemplateException($"modèle {Path.GetFileName(path)} : {error}");
            }

            parsed[name] = (template, source);
        }

        return new TemplateSet(parsed, PublicationIdentity.Load(directory));
    }

    /// <summary>Renders one template with the given values; paragraphs are separated by blank lines in the template.</summary>
    public IReadOnlyList<string> Render(string name, IReadOnlyDictionary<string, object?> values)
    {
        if (!templates.TryGetValue(name, out var entry))
        {
            throw new TemplateException($"modèle {name}.liquid introuvable");
        }

        var context = new TemplateContext(options);
        foreach (var (key, value) in values)
        {
            context.SetValue(key, value);
        }

        string text;
        try
        {
            text = entry.Template.Render(context);
        }
        catch (UndefinedValueException e)
        {
            throw new TemplateException(Where(name, entry.Source, e.Name));
        }
        catch (TemplateException e)
        {
            throw new TemplateException($"modèle {name}.liquid : {e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FluidException)
        {
            throw new TemplateException($"modèle {name}.liquid : {e.Message}");
        }

        return text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0)
            .ToArray();
    }

    private sealed class UndefinedValueException(string name) : Exception(name)
    {
        public string Name { get; } = name;
    }

    private static string Where(string name, string source, string missing)
    {
        var lines = source.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(missing, StringComparison.Ordinal)) + 1;
        return line > 0
            ? $"modèle {name}.liquid, ligne {line} : valeur « {missing} » absente"
            : $"modèle {name}.liquid : valeur « {missing} » absente";
    }

    private static ValueTask<FluidValue> Text(FluidValue input, Func<Figure, string> format) =>
        input.ToObjectValue() is Figure f
            ? new StringValue(format(f))
            : throw new TemplateException($"filtre appliqué à une valeur qui n'est pas un chiffre publié : « {input.ToStringValue()} »");

    private static string Counted(Figure f, string singular, string plural, bool feminine) => f.Value switch
    {
        null => f.Text(),
        0 => (feminine ? "aucune " : "aucun ") + singular,
        1 => (feminine ? "une " : "un ") + singular,
        _ => f.Text() + " " + plural,
    };

    private static string Missing(Figure f, bool feminine) => f.Status switch
    {
        Indicators.CellStatus.Confidential => feminine ? "n'est pas publiée (secret statistique)" : "n'est pas publié (secret statistique)",
        Indicators.CellStatus.NotApplicable => "ne peut pas être calculé" + (feminine ? "e" : string.Empty),
        _ => "n'est pas disponible",
    };

    /// <summary>
    /// The wording follows the sign of the change; under the threshold it is stability, never "a rise of 0.4 %". A change
    /// that is not published says why, in words that agree with « une évolution »: hidden, not computed across a series
    /// break, not computable from zero, not available.
    /// </summary>
    private static string Change(Figure f) => f.Value switch
    {
        null => f.Status switch
        {
            Indicators.CellStatus.Confidential => "une évolution couverte par le secret statistique",
            Indicators.CellStatus.NotApplicable when f.IsBreak => "une évolution non calculée (rupture de série)",
            Indicators.CellStatus.NotApplicable => "une évolution non calculable (effectif nul au départ)",
            _ => "une évolution non disponible",
        },
        { } v when Math.Abs(v) < StabilityThreshold => $"une stabilité ({FrenchFormat.SignedPercent(v)})",
        { } v when v > 0 => $"une hausse de {FrenchFormat.Percent(v)}",
        { } v => $"une baisse de {FrenchFormat.Percent(-v)}",
    };
}
