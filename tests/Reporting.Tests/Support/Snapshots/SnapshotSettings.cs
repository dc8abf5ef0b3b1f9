namespace Reporting.Tests.Support.Snapshots;

/// <summary>
/// The whole snapshot configuration, in one place. Verified files live in a tree that mirrors the test sources
/// (<c>Expectations/&lt;folder of the test&gt;/&lt;Class&gt;.&lt;Method&gt;[.name].verified.&lt;ext&gt;</c>), so a test folder holds code only.
/// </summary>
/// <param name="ExpectationsFolder">the mirrored tree, relative to the test project's folder</param>
/// <param name="Accept">write the received text as the verified file instead of failing (a developer's choice, never CI's)</param>
/// <param name="ContextLines">unchanged lines shown around each change</param>
/// <param name="MaxDiffLines">the diff is cut after this many lines, with a count of what was left out</param>
/// <param name="MaxLineLength">longer lines are cut in the diff (never in the files)</param>
public sealed record SnapshotSettings(string ExpectationsFolder, bool Accept, int ContextLines = 3, int MaxDiffLines = 80, int MaxLineLength = 300)
{
    /// <summary>Set to <c>1</c> to accept every received snapshot of a run; ignored when <c>CI</c> is set.</summary>
    public const string AcceptVariable = "REPORTING_ACCEPT_SNAPSHOTS";

    public static SnapshotSettings Default { get; } = new("Expectations", AcceptRequested());

    private static bool AcceptRequested() =>
        Environment.GetEnvironmentVariable(AcceptVariable) == "1"
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}
