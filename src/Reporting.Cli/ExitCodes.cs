namespace Reporting.Cli;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Some lines were rejected, or (for diff) something changed.</summary>
    public const int Findings = 1;

    /// <summary>A file-level failure: nothing is published.</summary>
    public const int Failure = 2;

    public const int Usage = 64;
}
