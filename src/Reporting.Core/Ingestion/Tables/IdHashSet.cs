using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Reporting.Ingestion;

/// <summary>
/// The ids pass 1 found on possibly in-scope lines, as 64-bit hashes of their bytes: no array per id, and a lookup on every
/// keyed out-of-scope line of pass 2 that a bit filter answers before the table (the id is seldom there). A collision
/// only keeps the key of an id without in-scope lines, which linkage never reads: the set may hold more, never less.
/// </summary>
internal sealed class IdHashSet
{
    private const int FilterBits = 1 << 18;

    private readonly ulong[] filter = new ulong[FilterBits / 64];
    private ulong[] slots = new ulong[64];
    private int mask = 63;

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ulong hash)
    {
        // Zero marks an empty slot: a hash of zero is stored as one (a collision, harmless).
        hash = hash == 0 ? 1 : hash;
        var slot = (int)(hash >> 40) & mask;
        while (slots[slot] != 0)
        {
            if (slots[slot] == hash)
            {
                return;
            }

            slot = (slot + 1) & mask;
        }

        slots[slot] = hash;
        filter[(int)(hash & (FilterBits - 1)) >> 6] |= 1UL << (int)(hash & 63);
        if (++Count * 2 > slots.Length)
        {
            Grow();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(ulong hash)
    {
        hash = hash == 0 ? 1 : hash;
        if ((filter[(int)(hash & (FilterBits - 1)) >> 6] & (1UL << (int)(hash & 63))) == 0)
        {
            return false;
        }

        var slot = (int)(hash >> 40) & mask;
        while (slots[slot] != 0)
        {
            if (slots[slot] == hash)
            {
                return true;
            }

            slot = (slot + 1) & mask;
        }

        return false;
    }

    public void UnionWith(IdHashSet other)
    {
        foreach (var hash in other.slots)
        {
            if (hash != 0)
            {
                Add(hash);
            }
        }
    }

    /// <summary>A quick 64-bit mix of the bytes, eight at a time (ids are short); stable within a run only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        unchecked
        {
            var h = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
            while (bytes.Length >= 8)
            {
                h = (h ^ MemoryMarshal.Read<ulong>(bytes)) * 0xBF58476D1CE4E5B9UL;
                h ^= h >> 31;
                bytes = bytes[8..];
            }

            ulong tail = 0;
            foreach (var b in bytes)
            {
                tail = (tail << 8) | b;
            }

            h = (h ^ tail) * 0x94D049BB133111EBUL;
            return h ^ (h >> 29);
        }
    }

    private void Grow()
    {
        var old = slots;
        slots = new ulong[old.Length * 2];
        mask = slots.Length - 1;
        Count = 0;
        foreach (var hash in old)
        {
            if (hash != 0)
            {
                var slot = (int)(hash >> 40) & mask;
                while (slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                slots[slot] = hash;
                Count++;
            }
        }
    }
}
