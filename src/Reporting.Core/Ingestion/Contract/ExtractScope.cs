using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace Reporting.Ingestion;

/// <summary>
/// The codes whose lines the run keeps, per source (the nomenclature's, see Harmonisation). Ingestion still validates
/// every line; it only keeps, of an out-of-scope line, its count by code and, when its id also has in-scope lines,
/// its linkage key. NATINF codes are compared as numbers, as the contract normalises them (<c>07261</c> is <c>7261</c>).
/// </summary>
public sealed class ExtractScope
{
    private readonly NatinfTable natinf;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ase;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> sante;

    public ExtractScope(IEnumerable<long> natinfCodes, IEnumerable<string> aseCodes, IEnumerable<string> santeCodes)
    {
        natinf = NatinfTable.Of(natinfCodes);
        ase = aseCodes.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        sante = santeCodes.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The source's code is a NATINF (a number); the others carry codes of their own lists.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasNatinf(Source source) => source is Source.Police or Source.Justice;

    // Asked for every line of an extract, from loops compiled once and for all: inlined, never left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(Source source, long natinfCode) => HasNatinf(source) && natinf.Contains(natinfCode);

    public bool Contains(Source source, ReadOnlySpan<char> code) => source switch
    {
        Source.Ase => ase.Contains(code),
        Source.Sante => sante.Contains(code),
        _ => Values.ParseNonNegative(code.ToString()) is { } n && natinf.Contains(n),
    };
}
