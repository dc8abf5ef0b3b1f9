namespace Reporting.Ingestion;

/// <summary>A record that starts at physical line <paramref name="FirstLine"/> and covers <paramref name="Lines"/> physical lines.</summary>
public sealed record RecordSpan(int FirstLine, int Lines)
{
    public int LastLine => FirstLine + Lines - 1;
}
