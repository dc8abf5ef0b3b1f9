namespace Reporting.Cli;

/// <summary>
/// What the command's standard output is: a terminal gets progress that redraws itself and colour (unless
/// <c>NO_COLOR</c> is set); a file, a pipe, CI or a test gets plain lines, the same every time.
/// </summary>
public sealed record Terminal(bool Interactive, bool Colour, int Width)
{
    public static readonly Terminal None = new(false, false, 100);

    /// <summary>The process's own console, as <c>Program</c> sees it.</summary>
    public static Terminal OfConsole()
    {
        if (Console.IsOutputRedirected || Environment.GetEnvironmentVariable("TERM") == "dumb")
        {
            return None;
        }

        int width;
        try
        {
            width = Console.WindowWidth > 0 ? Console.WindowWidth : 100;
        }
        catch (IOException)
        {
            width = 100;
        }

        return new Terminal(true, string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")), width);
    }
}

/// <summary>Where a command writes: every text through the key masking of <see cref="ReportingCli"/>.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, Terminal Terminal);
