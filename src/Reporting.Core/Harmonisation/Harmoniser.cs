using System.Runtime.InteropServices;
using Reporting.Ingestion;

namespace Reporting.Harmonisation;

/// <summary>What harmonisation made of one in-scope line.</summary>
/// <param name="CountsForMinors">victim sources: the line is a minor's (age, or the code when age is unknown);
/// justice: the code requires a minor victim or <c>victime_mineure</c> is <c>O</c></param>
/// <param name="CountedNowhere">the category does not exist for this source and year: the line counts nowhere</param>
public sealed record HarmonisedLine(ExtractLine Line, NomenclatureEntry Entry, bool CountsForMinors, bool CountedNowhere)
{
    public string Category => Entry.Category;
}

/// <summary>What harmonisation decides for one in-scope line, without holding the line (see <see cref="HarmonisedLine"/>).</summary>
public readonly record struct LineMapping(NomenclatureEntry Entry, bool CountsForMinors, bool CountedNowhere)
{
    public string Category => Entry.Category;

    /// <summary>The line's offence is qualified by the use of an electronic communications network (nomenclature's <c>numerique</c>).</summary>
    public bool Digital => Entry.Digital;
}

public enum LineFinding
{
    OutsideValidity,
    AgeConflict,
    UnknownAge,
    CountedNowhere,
}

/// <summary>
/// Maps each line to a category of the unified nomenclature and decides whether it counts for minors
/// (nomenclature.md, "The mapping"). Out-of-scope codes are counted by code, never dropped silently.
/// </summary>
public sealed class Harmoniser(Nomenclature nomenclature)
{
    private readonly Dictionary<(Source Source, string Code), int> outOfScope = [];
    private readonly List<(HarmonisedLine Line, LineFinding Finding)> findings = [];
    private readonly Dictionary<(Source, string, int), bool> availability = [];

    public Nomenclature Nomenclature => nomenclature;

    /// <summary>Codes absent from the mapping, by source, with their number of lines.</summary>
    public IReadOnlyDictionary<(Source Source, string Code), int> OutOfScope => outOfScope;

    public IReadOnlyList<(HarmonisedLine Line, LineFinding Finding)> Findings => findings;

    public int LinesInScope { get; private set; }

    /// <summary>Out-of-scope lines that ingestion counted by code instead of passing them one by one.</summary>
    public void CountOutOfScope(Source source, IReadOnlyDictionary<string, int> linesByCode)
    {
        foreach (var (code, lines) in linesByCode)
        {
            outOfScope[(source, code)] = outOfScope.GetValueOrDefault((source, code)) + lines;
        }
    }

    public HarmonisedLine? Map(ExtractLine line) =>
        Classify(line) is { } m ? new HarmonisedLine(line, m.Entry, m.CountsForMinors, m.CountedNowhere) : null;

    /// <summary>
    /// <see cref="Map"/> without the <see cref="HarmonisedLine"/>: a run classifies millions of lines and keeps of each only
    /// what linkage needs. The findings are recorded alike.
    /// </summary>
    public LineMapping? Classify(ExtractLine line)
    {
        var entry = nomenclature.Find(line.Source, line.Code);
        if (entry is null)
        {
            outOfScope[(line.Source, line.Code)] = outOfScope.GetValueOrDefault((line.Source, line.Code)) + 1;
            return null;
        }

        LinesInScope++;
        var nowhere = !IsAvailable(line.Source, entry.Category, line.Year);
        var result = new LineMapping(entry, CountsForMinors(line, entry), nowhere);
        HarmonisedLine? found = null;
        HarmonisedLine Found() => found ??= new HarmonisedLine(line, entry, result.CountsForMinors, nowhere);
        if (!entry.IsValidOn(line.ReferenceDate))
        {
            findings.Add((Found(), LineFinding.OutsideValidity));
        }

        if (nowhere)
        {
            findings.Add((Found(), LineFinding.CountedNowhere));
        }

        if (line.Source != Source.Justice)
        {
            if (line.Age is null)
            {
                findings.Add((Found(), LineFinding.UnknownAge));
            }
            else if ((entry.MinorRequired == MinorRequirement.Under18 && line.Age >= 18)
                || (entry.MinorRequired == MinorRequirement.Under15 && line.Age >= 15))
            {
                findings.Add((Found(), LineFinding.AgeConflict));
            }
        }

        return result;
    }

    /// <summary><see cref="Nomenclature.IsAvailable"/>, asked once per source, category and year (it reads the whole mapping).</summary>
    private bool IsAvailable(Source source, string category, int year)
    {
        ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(availability, (source, category, year), out var exists);
        if (!exists)
        {
            known = nomenclature.IsAvailable(source, category, year);
        }

        return known;
    }

    /// <summary>
    /// A victim line is a minor's when its age is under 18, or its age is unknown and the code requires a minor;
    /// a known age always decides, even against the code (the conflict is reported). A justice line counts for minors
    /// when its code requires a minor victim or <c>victime_mineure</c> is <c>O</c>.
    /// </summary>
    private static bool CountsForMinors(ExtractLine line, NomenclatureEntry entry)
    {
        var codeRequiresMinor = entry.MinorRequired != MinorRequirement.None;
        if (line.Source == Source.Justice)
        {
            return codeRequiresMinor || line.Justice?.MinorVictim == true;
        }

        return line.Age is { } age ? age < 18 : codeRequiresMinor;
    }
}
