using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reporting.Tests.Support;

/// <summary>
/// What the Frictionless specifications require of a tabular Data Package (specs.frictionlessdata.io: Data Package,
/// Tabular Data Resource, Table Schema), checked by hand: the descriptor's structure, then each row against its
/// resource's schema — types, required, enum, minimum and maximum, the primary key unique, every foreign key resolved.
/// Returns what is wrong, in words; nothing when the package conforms. (The CI also runs Frictionless's own JavaScript
/// implementation on the samples' package: tools/check-datapackage.sh.)
/// </summary>
internal static partial class TableSchema
{
    private static readonly HashSet<string> Types = ["string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any"];

    private static readonly HashSet<string> Constraints = ["required", "unique", "minLength", "maxLength", "minimum", "maximum", "pattern", "enum"];

    /// <summary>The rows of each resource: header first; inline <c>data</c> is read from the descriptor itself.</summary>
    public static IReadOnlyList<string> Check(JsonElement package, Func<string, IReadOnlyList<string[]>> rowsOfPath)
    {
        var errors = new List<string>();
        Expect(errors, package.GetProperty("profile").GetString() == "tabular-data-package", "profile must be tabular-data-package");
        Expect(errors, Name().IsMatch(package.GetProperty("name").GetString()!), "package name must match ^[-a-z0-9._/]+$");
        foreach (var licence in package.GetProperty("licenses").EnumerateArray())
        {
            Expect(errors, licence.TryGetProperty("name", out _) || licence.TryGetProperty("path", out _), "a licence needs a name or a path");
        }

        var resources = package.GetProperty("resources").EnumerateArray().ToArray();
        Expect(errors, resources.Length > 0, "a package needs resources");
        var names = resources.Select(r => r.GetProperty("name").GetString()!).ToArray();
        Expect(errors, names.Distinct().Count() == names.Length, "resource names must be unique");
        var tables = new Dictionary<string, (string[] Header, IReadOnlyList<string[]> Rows)>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            var name = resource.GetProperty("name").GetString()!;
            Expect(errors, Name().IsMatch(name), $"{name}: resource name must match ^[-a-z0-9._/]+$");
            Expect(errors, resource.GetProperty("profile").GetString() == "tabular-data-resource", $"{name}: profile must be tabular-data-resource");
            var hasPath = resource.TryGetProperty("path", out var path);
            var hasData = resource.TryGetProperty("data", out var data);
            Expect(errors, hasPath != hasData, $"{name}: exactly one of path and data");
            if (resource.TryGetProperty("dialect", out var dialect))
            {
                Expect(errors, dialect.GetProperty("delimiter").GetString()!.Length == 1, $"{name}: the delimiter is one character");
            }

            var rows = hasPath
                ? rowsOfPath(path.GetString()!)
                : data.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetString()!).ToArray()).ToArray();
            tables[name] = (rows[0], rows.Skip(1).ToArray());
        }

        foreach (var resource in resources)
        {
            CheckTable(errors, resource.GetProperty("name").GetString()!, resource.GetProperty("schema"), tables);
        }

        return errors;
    }

    private static void CheckTable(List<string> errors, string name, JsonElement schema, Dictionary<string, (string[] Header, IReadOnlyList<string[]> Rows)> tables)
    {
        var (header, rows) = tables[name];
        var fields = schema.GetProperty("fields").EnumerateArray().ToArray();
        var fieldNames = fields.Select(f => f.GetProperty("name").GetString()!).ToArray();
        Expect(errors, fieldNames.SequenceEqual(header), $"{name}: the header is not the schema's fields ({string.Join(",", header)})");
        var missing = schema.TryGetProperty("missingValues", out var mv) ? mv.EnumerateArray().Select(v => v.GetString()!).ToHashSet() : [string.Empty];
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var type = field.GetProperty("type").GetString()!;
            Expect(errors, Types.Contains(type), $"{name}.{fieldNames[i]}: unknown type {type}");
            var constraints = field.TryGetProperty("constraints", out var c) ? c : default;
            if (constraints.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in constraints.EnumerateObject())
                {
                    Expect(errors, Constraints.Contains(p.Name), $"{name}.{fieldNames[i]}: unknown constraint {p.Name}");
                }
            }

            var required = constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("required", out var r) && r.GetBoolean();
            var allowed = constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("enum", out var e) ? e.EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal) : null;
            decimal? minimum = constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("minimum", out var min) ? min.GetDecimal() : null;
            decimal? maximum = constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("maximum", out var max) ? max.GetDecimal() : null;
            if (allowed is not null)
            {
                Expect(errors, allowed.Count == constraints.GetProperty("enum").GetArrayLength(), $"{name}.{fieldNames[i]}: enum values must be unique");
            }

            if (field.TryGetProperty("categories", out var categories))
            {
                var values = categories.EnumerateArray().Select(v => v.GetProperty("value").GetString()!).ToArray();
                Expect(errors, values.Distinct().Count() == values.Length && (allowed is null || allowed.SetEquals(values)), $"{name}.{fieldNames[i]}: categories must be unique and the enum's values");
            }

            // Per value, the message is built only for a value that breaks a rule (265,000 lines in the samples' file).
            for (var row = 0; row < rows.Count; row++)
            {
                var value = rows[row][i];
                string Where() => $"{name} line {row + 2}, {fieldNames[i]} « {value} »";
                if (missing.Contains(value))
                {
                    if (required)
                    {
                        Add(errors, $"{Where()}: required");
                    }

                    continue;
                }

                if (allowed is not null && !allowed.Contains(value))
                {
                    Add(errors, $"{Where()}: not in the enum");
                }

                decimal? number = type switch
                {
                    "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null,
                    "number" => decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null,
                    _ => 0,
                };
                if (number is null)
                {
                    Add(errors, $"{Where()}: not a {type}");
                }
                else if ((minimum is not null && number < minimum) || (maximum is not null && number > maximum))
                {
                    Add(errors, $"{Where()}: out of range");
                }
            }
        }

        var key = Keys(schema, "primaryKey");
        if (key.Length > 0)
        {
            var columns = key.Select(k => Array.IndexOf(fieldNames, k)).ToArray();
            Expect(errors, columns.All(c => c >= 0), $"{name}: the primary key names unknown fields");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (!seen.Add(string.Join('\u001f', columns.Select(c => row[c]))))
                {
                    Add(errors, $"{name}: primary key {string.Join(";", columns.Select(c => row[c]))} repeated");
                }
            }
        }

        if (!schema.TryGetProperty("foreignKeys", out var foreignKeys))
        {
            return;
        }

        foreach (var fk in foreignKeys.EnumerateArray())
        {
            var local = Keys(fk, "fields");
            var reference = fk.GetProperty("reference");
            var target = reference.GetProperty("resource").GetString()!;
            var remote = Keys(reference, "fields");
            if (!tables.TryGetValue(target, out var other))
            {
                errors.Add($"{name}: foreign key to an unknown resource {target}");
                continue;
            }

            var targetColumns = remote.Select(f => Array.IndexOf(other.Header, f)).ToArray();
            var targets = other.Rows.Select(row => string.Join('\u001f', targetColumns.Select(c => row[c]))).ToHashSet(StringComparer.Ordinal);
            var localColumns = local.Select(f => Array.IndexOf(fieldNames, f)).ToArray();
            foreach (var row in rows)
            {
                if (!targets.Contains(string.Join('\u001f', localColumns.Select(c => row[c]))))
                {
                    Add(errors, $"{name}: {string.Join(";", localColumns.Select(c => row[c]))} has no line in {target}");
                }
            }
        }
    }

    private static string[] Keys(JsonElement element, string property) => element.TryGetProperty(property, out var value)
        ? value.ValueKind == JsonValueKind.String ? [value.GetString()!] : value.EnumerateArray().Select(v => v.GetString()!).ToArray()
        : [];

    private static void Expect(List<string> errors, bool condition, string message)
    {
        if (!condition)
        {
            Add(errors, message);
        }
    }

    private static void Add(List<string> errors, string message)
    {
        if (errors.Count < 50)
        {
            errors.Add(message);
        }
    }

    [GeneratedRegex("^[-a-z0-9._/]+$")]
    private static partial Regex Name();
}
