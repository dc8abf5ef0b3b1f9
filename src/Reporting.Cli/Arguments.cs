namespace Reporting.Cli;

/// <summary>A usage error: the message says what is wrong with the command line.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Minimal <c>--name value</c> parser: every option is named, nothing positional but what a command declares.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args, IReadOnlySet<string>? flags = null)
    {
        var positional = new List<string>();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(a);
                continue;
            }

            var name = a[2..];
            if (flags?.Contains(name) == true)
            {
                options[name] = "true";
                continue;
            }

            if (!e.MoveNext())
            {
                throw new UsageException($"l'option --{name} attend une valeur");
            }

            options[name] = e.Current;
        }

        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    public string Required(string name) => Optional(name) ?? throw new UsageException($"l'option --{name} est obligatoire");

    public string? Optional(string name)
    {
        used.Add(name);
        if (!options.TryGetValue(name, out var v))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(v) ? throw new UsageException($"--{name} : valeur vide") : v;
    }

    /// <summary>An option naming a file the command reads whole: a regular file, or the command stops (<see cref="InputFile"/>).</summary>
    public string? OptionalInputFile(string name) => Optional(name) is { } path ? InputFile.Require(path, $"--{name}") : null;

    public string RequiredInputFile(string name) => InputFile.Require(Required(name), $"--{name}");

    public bool Flag(string name) => Optional(name) == "true";

    public int Int(string name, int? defaultValue = null)
    {
        var raw = Optional(name);
        if (raw is null)
        {
            return defaultValue ?? throw new UsageException($"l'option --{name} est obligatoire");
        }

        return int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new UsageException($"--{name} : entier attendu, reçu « {raw} »");
    }

    public double Double(string name, double defaultValue)
    {
        var raw = Optional(name);
        if (raw is null)
        {
            return defaultValue;
        }

        return double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new UsageException($"--{name} : nombre attendu, reçu « {raw} »");
    }

    /// <summary>Call once every option was read: an unknown option is a usage error, not silently ignored.</summary>
    public void EnsureAllUsed()
    {
        var unknown = options.Keys.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new UsageException("option inconnue : " + string.Join(", ", unknown.Select(u => "--" + u)));
        }
    }
}
