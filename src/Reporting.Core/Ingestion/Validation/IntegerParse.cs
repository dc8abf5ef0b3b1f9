namespace Reporting.Ingestion;

internal enum IntegerParse
{
    Integer,
    NotInteger,

    /// <summary>Digits only, but more than a long holds with room (over 18 significant digits).</summary>
    TooLarge,
}
