using System.Reflection;
using System.Runtime.CompilerServices;
using Reporting.Ingestion;

namespace Reporting.Tests.Ingestion;

/// <summary>
/// The warm-up of pass 2 (<c>SecondPassCompilation</c>) compiles, while pass 1 runs, the methods of the types it names that
/// are compiled fully optimised at their first call. A type named with nothing to compile is a warm-up lost; a hot type not
/// named makes pass 2 wait for the compiler at its start, with a core idle. Both are decided here, not found in a profile.
/// </summary>
public sealed class SecondPassCompilationTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>
    /// Compiled at their first call before pass 2 needs them: pass 1 runs the parser, its line counting, the id scan and
    /// the id set; the NATINF table is built with the scope.
    /// </summary>
    private static readonly Type[] CompiledBeforePass2 = [typeof(CsvRecordParser), typeof(LineBreaks), typeof(IdScanner), typeof(IdHashSet), typeof(NatinfTable)];

    [Fact]
    public void Every_type_it_names_has_a_method_to_compile()
    {
        var methods = SecondPassCompilation.Methods().ToArray();
        Assert.All(SecondPassCompilation.Types, type => Assert.Contains(methods, m => m.DeclaringType == type));
    }

    [Fact]
    public void Every_ingestion_type_with_methods_compiled_at_once_is_warmed_up_or_compiled_before_pass_2()
    {
        var hot = typeof(SecondPassCompilation).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(SecondPassCompilation).Namespace && t.GetMethods(Declared).Any(IsCompiledAtOnce))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(SecondPassCompilation.Types.Concat(CompiledBeforePass2).Select(t => t.FullName).Order(StringComparer.Ordinal), hot);
    }

    [Fact]
    public void Its_methods_can_be_compiled_ahead()
    {
        var methods = SecondPassCompilation.Methods().ToArray();
        Assert.NotEmpty(methods);
        foreach (var method in methods)
        {
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }
    }

    private static bool IsCompiledAtOnce(MethodInfo method) =>
        method.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization);
}
