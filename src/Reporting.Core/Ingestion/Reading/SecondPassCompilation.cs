using System.Reflection;
using System.Runtime.CompilerServices;

namespace Reporting.Ingestion;

/// <summary>
/// The loops of pass 2, compiled while pass 1 runs (once per process): they are compiled fully optimised at their first
/// call (<see cref="MethodImplOptions.AggressiveOptimization"/>), and otherwise both threads of pass 2 would wait for that
/// at its start, with a core idle. The types are named with <c>typeof</c>: a rename or a move is a compile error here,
/// never a warm-up silently lost.
/// </summary>
internal static class SecondPassCompilation
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Lazy<Task> Compiled = new(() => Task.Run(() =>
    {
        foreach (var method in Methods())
        {
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }
    }));

    /// <summary>The types whose hot loops pass 2 runs; SecondPassCompilationTests checks each has one.</summary>
    internal static IReadOnlyList<Type> Types { get; } = [typeof(LineValidator), typeof(DepartementCodes), typeof(LineWorker), typeof(ScopeSink.Worker)];

    /// <summary>Starts the compilation in the background, once per process; later calls do nothing.</summary>
    public static void Start() => _ = Compiled.Value;

    /// <summary>The methods of <see cref="Types"/> that are compiled fully optimised at their first call.</summary>
    internal static IEnumerable<MethodInfo> Methods() => Types
        .SelectMany(type => type.GetMethods(Declared))
        .Where(m => m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization));
}
