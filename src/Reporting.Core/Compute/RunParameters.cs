namespace Reporting.Compute;

/// <param name="Year">the publication year N; the series is N-9..N as far as the data go</param>
/// <param name="PublicationDate">printed in the publications; never the clock. Null: a working edition, undated.</param>
/// <param name="NomenclatureFile">another mapping than the shipped one</param>
/// <param name="Threshold">secret statistique: counts from 1 to Threshold − 1 are hidden below the national level</param>
/// <param name="ProtectionRange">the width every primary-hidden cell's feasible interval must reach</param>
/// <param name="TemplatesDirectory">the editable French wording; null: the templates shipped with the engine</param>
public sealed record RunParameters(
    int Year,
    DateOnly? PublicationDate = null,
    string? NomenclatureFile = null,
    int Threshold = 11,
    int ProtectionRange = 3,
    double MaxErrorShare = 0.05,
    string? TemplatesDirectory = null)
{
    /// <summary>Bound of <see cref="Threshold"/> and <see cref="ProtectionRange"/>: far above any secret statistique rule, low enough that no sum overflows.</summary>
    public const int MaxThreshold = 1000;

    /// <summary>The shipped templates travel beside the engine (copied from the repository's <c>templates/</c> at build).</summary>
    public string Templates => TemplatesDirectory ?? Path.Combine(AppContext.BaseDirectory, "templates");
}
