using System.Reflection;
using System.Reflection.Emit;

namespace Reporting.Tests.Architecture;

/// <summary>
/// Which stage namespaces a compiled assembly's types use: every type a type names in its signatures (base type,
/// interfaces, fields, properties, methods, generic arguments) and in its methods' code (the types, methods and fields
/// its instructions refer to), lambdas and iterators included since the compiler nests them in their type.
/// </summary>
internal static class StageDependencies
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Each (stage, stage it uses) pair once, with one example of a type that makes it, for the failure message.</summary>
    public static IReadOnlyDictionary<(string From, string To), string> Between(Assembly assembly, string root)
    {
        var found = new Dictionary<(string, string), string>();
        foreach (var type in assembly.GetTypes())
        {
            if (StageOf(type, root) is not { } from)
            {
                continue;
            }

            foreach (var used in Used(type))
            {
                if (StageOf(used, root) is { } to && to != from)
                {
                    found.TryAdd((from, to), $"{type.FullName} → {used.FullName}");
                }
            }
        }

        return found;
    }

    /// <summary>The pairs that break the order: a stage may use itself, the kernel, and the stages before it.</summary>
    public static IEnumerable<string> Violations(IReadOnlyDictionary<(string From, string To), string> dependencies, IReadOnlyList<string> order, IReadOnlySet<string> kernel)
    {
        foreach (var ((from, to), example) in dependencies.OrderBy(d => d.Key.From, StringComparer.Ordinal).ThenBy(d => d.Key.To, StringComparer.Ordinal))
        {
            if (kernel.Contains(to))
            {
                continue;
            }

            var f = Array.IndexOf([.. order], from);
            var t = Array.IndexOf([.. order], to);
            if (kernel.Contains(from) || f < 0 || t < 0 || t > f)
            {
                yield return $"{from} uses {to} ({example})";
            }
        }
    }

    private static string? StageOf(Type type, string root)
    {
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith(root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[(root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static IEnumerable<Type> Used(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetFields(all).Select(f => f.FieldType));
        named.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)).ToArray();
        foreach (var method in methods)
        {
            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo m)
            {
                named.Add(m.ReturnType);
            }

            named.AddRange(InCode(method));
        }

        return named.OfType<Type>().SelectMany(Unwrap).Distinct();
    }

    /// <summary>An array, a by-ref or a generic type names its element and its arguments too.</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var t in Unwrap(element))
            {
                yield return t;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var t in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return t;
            }
        }
    }

    /// <summary>The types a method's instructions refer to, read from its IL.</summary>
    private static IEnumerable<Type?> InCode(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (InvalidOperationException)
        {
            yield break;
        }

        if (il is null)
        {
            yield break;
        }

        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var value = il[i] == 0xFE ? unchecked((short)(0xFE00 | il[i + 1])) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField:
                    yield return Resolve(method.Module, BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }

    private static Type? Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        try
        {
            return module.ResolveMember(token, typeArgs, methodArgs) switch
            {
                Type t => t,
                MemberInfo m => m.DeclaringType,
                _ => null,
            };
        }
        catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or MissingMemberException)
        {
            return null;
        }
    }
}
