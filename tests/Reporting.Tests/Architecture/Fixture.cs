// Stages in miniature for StageOrderTests: one allowed use (a renderer reading a line) and one deliberate violation
// (ingestion calling a renderer), made in code and not only in a signature.
namespace Reporting.Tests.Architecture.Fixture.Ingestion
{
    internal sealed class EarlyStage
    {
        public static string Read() => Publication.LateStage.Render();
    }

    internal sealed record Line(string Text);
}

namespace Reporting.Tests.Architecture.Fixture.Publication
{
    internal static class LateStage
    {
        public static string Render() => new Ingestion.Line("x").Text;
    }
}
