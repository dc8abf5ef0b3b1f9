namespace Reporting.Harmonisation;

/// <summary>The categories of the unified nomenclature (nomenclature.md). <c>ESM</c> is every form at once, each person once.</summary>
public static class Category
{
    public const string All = "ESM";
    public const string Prostitution = "ESM-PROST";
    public const string Pimping = "ESM-PROX";
    public const string Trafficking = "ESM-TEH";
    public const string Other = "ESM-AUTRE";
    public const string AtRisk = "ESM-RISQUE";

    /// <summary>The forms that make up <see cref="All"/>; they overlap and do not add up to it.</summary>
    public static readonly IReadOnlyList<string> Forms = [Prostitution, Pimping, Trafficking, Other];

    /// <summary>Every published category, in publication order.</summary>
    public static readonly IReadOnlyList<string> Published = [All, Prostitution, Pimping, Trafficking, Other, AtRisk];

    public static bool IsForm(string category) => Forms.Contains(category);

    public static bool IsKnown(string category) => Published.Contains(category);
}
