using System.Runtime.CompilerServices;
using System.Text;

namespace Reporting.Ingestion;

/// <summary>
/// The values of a closed list (the contract's are short ASCII words): up to 8 bytes, compared as one number;
/// longer ones byte by byte, after their length.
/// </summary>
internal sealed class ListValues
{
    private readonly byte[][] values;
    private readonly ulong[] words;

    public ListValues(IReadOnlyList<string> values)
    {
        if (!values.All(v => Ascii.IsValid(v)))
        {
            throw new InvalidOperationException("The schema's list values must be ASCII: they are compared as bytes.");
        }

        this.values = values.Select(v => Encoding.ASCII.GetBytes(v)).ToArray();
        words = this.values.Select(v => v.Length <= 8 ? Word(v) : 0).ToArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(ReadOnlySpan<byte> bytes)
    {
        var word = bytes.Length <= 8 ? Word(bytes) : 0;
        for (var k = 0; k < values.Length; k++)
        {
            if (values[k].Length == bytes.Length && (bytes.Length <= 8 ? words[k] == word : bytes.SequenceEqual(values[k])))
            {
                return k;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Word(ReadOnlySpan<byte> bytes)
    {
        ulong word = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            word |= (ulong)bytes[i] << (8 * i);
        }

        return word;
    }
}
