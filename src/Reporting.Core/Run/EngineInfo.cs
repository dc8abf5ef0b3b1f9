using System.Reflection;

namespace Reporting.Run;

public static class EngineInfo
{
    /// <summary>The engine's name in the manifest: a folder whose manifest says it is a publication that a run may replace.</summary>
    public const string Name = "Reporting";

    public static string Version { get; } =
        typeof(EngineInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
