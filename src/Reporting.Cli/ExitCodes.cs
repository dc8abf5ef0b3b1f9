namespace Reporting.Cli;

/// <summary>Every command's exit codes (also in <c>reporting --help</c> and the README).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Some lines were rejected (validate), something changed (diff), an estimate was refused (estimate).</summary>
    public const int Findings = 1;

    /// <summary>A failure: unusable input, unwritable output, an unforeseen error. Nothing is published.</summary>
    public const int Failure = 2;

    /// <summary>The command line is wrong (BSD sysexits EX_USAGE).</summary>
    public const int Usage = 64;

    /// <summary>Another run holds the output folder's lock: nothing was done, try again later (sysexits EX_TEMPFAIL).</summary>
    public const int Busy = 75;
}
