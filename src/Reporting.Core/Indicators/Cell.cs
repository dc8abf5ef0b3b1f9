namespace Reporting.Indicators;

public enum Level
{
    France,
    Region,
    Departement,
}

/// <summary>
/// The status of a published cell (outputs.md): published, or one of the three symbols. Disclosure control only ever
/// moves a cell from <see cref="Published"/> to <see cref="Confidential"/>.
/// </summary>
public enum CellStatus
{
    Published,

    /// <summary><c>c</c>: secret statistique.</summary>
    Confidential,

    /// <summary><c>x</c>: not available.</summary>
    NotAvailable,

    /// <summary><c>z</c>: not applicable (a change across a break or from zero, a share of nobody).</summary>
    NotApplicable,
}

public readonly record struct CellBasis(long Part, long Whole);

public readonly record struct CellKey(string Indicator, int Year, Level Level, string Territory, string Category, string Source);

/// <summary>
/// One published figure: value, status and note references. <see cref="Value"/> is what was computed and is kept for
/// disclosure control and its audit only; every renderer reads <see cref="Shown"/>, which is null unless published.
/// </summary>
public sealed record Cell(CellKey Key, decimal? Value, CellStatus Status, IReadOnlyList<string> Notes)
{
    /// <summary>Suppression and its reason, when disclosure control hid this cell.</summary>
    public string? SuppressionRule { get; init; }

    /// <summary>
    /// For a share or a mean: the persons (or quantity) counted and the persons it is computed over; for a median, the
    /// persons it is computed over, as both. Kept, like <see cref="Value"/>, for disclosure control only: a share reveals
    /// the small counts it is made of.
    /// </summary>
    public CellBasis? Basis { get; init; }

    public decimal? Shown => Status == CellStatus.Published ? Value : null;

    public static string LevelCode(Level level) => level switch
    {
        Level.France => "FR",
        Level.Region => "REG",
        Level.Departement => "DEP",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static string StatusCode(CellStatus status) => status switch
    {
        CellStatus.Published => string.Empty,
        CellStatus.Confidential => "c",
        CellStatus.NotAvailable => "x",
        CellStatus.NotApplicable => "z",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
