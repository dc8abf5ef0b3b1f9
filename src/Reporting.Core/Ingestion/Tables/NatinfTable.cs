using System.Numerics;
using System.Runtime.CompilerServices;

namespace Reporting.Ingestion;

/// <summary>
/// Counts by NATINF code, or just the codes, in an open-addressing table: the lookup every line of an extract makes (is
/// its code in scope? one more out-of-scope line of this code), kept to a multiplication and a probe or two. The generic
/// collections would do the same, slower, and would be compiled anew at the start of each run.
/// </summary>
internal sealed class NatinfTable
{
    private const long Empty = -1;

    private long[] keys;
    private int[] counts;
    private int mask;
    private int shift;

    public NatinfTable(int capacity = 64)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        keys = New(size);
        counts = new int[size];
        (mask, shift) = (size - 1, 64 - BitOperations.Log2((uint)size));
    }

    public int Count { get; private set; }

    public static NatinfTable Of(IEnumerable<long> codes)
    {
        var table = new NatinfTable();
        foreach (var code in codes)
        {
            table.Add(code, 1);
        }

        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(long code)
    {
        // Codes are never negative (they are parsed from digits): -1 marks an empty slot.
        var slot = Slot(code);
        while (true)
        {
            var key = keys[slot];
            if (key == code)
            {
                return true;
            }

            if (key == Empty)
            {
                return false;
            }

            slot = (slot + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long code, int count)
    {
        var slot = Slot(code);
        while (keys[slot] != code)
        {
            if (keys[slot] == Empty)
            {
                if ((Count + 1) * 2 > keys.Length)
                {
                    Grow();
                    Add(code, count);
                    return;
                }

                keys[slot] = code;
                Count++;
                break;
            }

            slot = (slot + 1) & mask;
        }

        counts[slot] += count;
    }

    public IEnumerable<(long Code, int Count)> Entries()
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != Empty)
            {
                yield return (keys[i], counts[i]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long code) => (int)(unchecked((ulong)code * 0x9E3779B97F4A7C15UL) >> shift);

    private static long[] New(int size)
    {
        var array = new long[size];
        Array.Fill(array, Empty);
        return array;
    }

    private void Grow()
    {
        var old = Entries().ToArray();
        var size = keys.Length * 2;
        (keys, counts, mask, shift, Count) = (New(size), new int[size], size - 1, 64 - BitOperations.Log2((uint)size), 0);
        foreach (var (code, count) in old)
        {
            Add(code, count);
        }
    }
}
