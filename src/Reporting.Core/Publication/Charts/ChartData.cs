namespace Reporting.Publication.Charts;

/// <summary>One year's value; <c>null</c> when the figure is not published (hidden or not available): the line has a gap there.</summary>
public readonly record struct YearValue(int Year, double? Value);

/// <summary>A named series over years, in the words the reader sees ("Police et gendarmerie").</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<YearValue> Points);

/// <summary>A break in the series from <paramref name="Year"/> on (a nomenclature change): a dashed marker between that year and the one before.</summary>
public sealed record SeriesBreak(int Year, string Label);

/// <summary>A group of bars (an age band, a number of sources): one value per series, <c>null</c> when not published.</summary>
public sealed record BarGroup(string Label, IReadOnlyList<double?> Values);

/// <summary>
/// The words charts print themselves, French by default. They live here, in one place, so that a composer
/// reading them from templates can pass its own.
/// </summary>
public sealed record ChartWords(string Secret = "secret statistique", string NotAvailable = "non disponible", string Overseas = "Outre-mer")
{
    public static ChartWords French { get; } = new();
}
