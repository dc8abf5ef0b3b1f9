namespace Reporting.Tests.Support;

/// <summary>
/// A test that runs the engine in processes of its own — a whole run of the samples under another time zone and
/// culture, a crash followed by two concurrent runs —: 15 to 30 s each on two cores, most of it the child's secret
/// statistique and rendering. The README's quick <c>dotnet test</c> lists them as skipped with the way to run them;
/// <c>.ci/run</c> runs them every time through <c>tools/check-processes.sh</c> (<see cref="Variable"/> set to 1,
/// filtered by the trait <c>Category=Process</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProcessFactAttribute : FactAttribute
{
    public const string Variable = "REPORTING_PROCESS_TESTS";

    public ProcessFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"engine in a process of its own: run by tools/check-processes.sh (CI), or with {Variable}=1";
        }
    }
}
