namespace Reporting.Tests.Properties;

/// <summary>
/// The physical lines of a file, counted apart from the reader (FileReport's definition): a line ends at CR, LF or CRLF,
/// or at the end of the file when something follows the last line end; a UTF-8 byte-order mark is not a line.
/// </summary>
public static class PhysicalLines
{
    public static int Count(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        var lines = 0;
        var open = false;
        for (var i = 0; i < content.Length; i++)
        {
            var b = content[i];
            if (b == '\n' || b == '\r')
            {
                lines++;
                open = false;
                if (b == '\r' && i + 1 < content.Length && content[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                open = true;
            }
        }

        return open ? lines + 1 : lines;
    }
}
