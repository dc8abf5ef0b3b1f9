using System.CommandLine;
using System.CommandLine.Invocation;
using Reporting.Harmonisation;
using Reporting.Run;

namespace Reporting.Cli.Syntax;

/// <summary><c>reporting --version</c>: the engine's version and the nomenclature it ships, as the manifest records them.</summary>
public static class VersionText
{
    public static string Engine => EngineInfo.Version;

    public static string Text() =>
        $"reporting {EngineInfo.Version}\nnomenclature {Nomenclature.Shipped().Version} ({Nomenclature.ShippedFile})\n";

    public sealed class FrenchVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.Write(Text());
            return ExitCodes.Ok;
        }
    }
}
