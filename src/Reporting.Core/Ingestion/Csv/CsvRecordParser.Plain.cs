using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Reporting.Ingestion;

// The common record (no quote before its line end): its delimiters and line end found a vector at a time.
internal static partial class CsvRecordParser
{
    /// <summary>
    /// The common record: no quote before its line end. Finds the delimiters and the line end a vector at a time (64 bytes
    /// where the processor has them: one or two steps for a usual line); any quote, or a line end too near the end of the
    /// data to be sure of, leaves the record to <see cref="ReadGeneral"/>. Only the fields' places are written: their quote
    /// counts are zero, and written only when a consumer may read them (a record that is not plain).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadPlain(ReadOnlySpan<byte> data, int start, ref FieldSpan[] fields, out int count, out int next, out bool plain, int maxFields)
    {
        count = 0;
        next = start;
        plain = false;
        bool found;
        if (Vector512.IsHardwareAccelerated)
        {
            found = TryReadPlainWith<Scan512>(data, start, ref fields, ref count, ref next, ref plain, maxFields);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            found = TryReadPlainWith<Scan256>(data, start, ref fields, ref count, ref next, ref plain, maxFields);
        }
        else
        {
            return false;
        }

        if (found && !plain)
        {
            for (var i = 0; i < count; i++)
            {
                fields[i].Quotes = 0;
                fields[i].QuoteMisplaced = false;
            }
        }

        return found;
    }

    /// <summary>
    /// The scan of one record over vectors of <typeparamref name="TScan"/>'s width: the same loop for 64- and 32-byte
    /// vectors, specialised by the JIT for each (a struct type argument), so no width costs the other anything.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadPlainWith<TScan>(ReadOnlySpan<byte> data, int start, ref FieldSpan[] fields, ref int count, ref int next, ref bool plain, int maxFields)
        where TScan : struct, IVectorScan
    {
        // Offsets are bounded by the block's length (under 2 GB): the project's overflow checks cost here, per byte.
        unchecked
        {
            ref var origin = ref MemoryMarshal.GetReference(data);
            var fieldStart = start;
            var p = start;
            ulong loose = 0;
            while (p + TScan.Width <= data.Length)
            {
                if (count + TScan.Width >= fields.Length)
                {
                    Array.Resize(ref fields, fields.Length + (TScan.Width * 2));
                }

                TScan.Scan(ref origin, p, out var delimiters, out var notPlain, out var stops);
                if (stops != 0)
                {
                    var at = BitOperations.TrailingZeroCount(stops);
                    var end = p + at;
                    var c = Unsafe.Add(ref origin, end);
                    if (c == Quote || (c == Cr && end + 1 >= data.Length))
                    {
                        return false;
                    }

                    var before = (1UL << at) - 1;
                    if (count < maxFields)
                    {
                        Delimited(fields, ref count, ref fieldStart, p, delimiters & before, maxFields);
                        if (count < maxFields)
                        {
                            Place(fields, count++, fieldStart, end - fieldStart);
                        }
                    }

                    next = end + (c == Cr && data[end + 1] == Lf ? 2 : 1);
                    plain = (loose | (notPlain & before)) == 0;
                    return true;
                }

                loose |= notPlain;
                if (count < maxFields)
                {
                    Delimited(fields, ref count, ref fieldStart, p, delimiters, maxFields);
                }

                p += TScan.Width;
            }

            // Fewer bytes left than a vector: the general reader finishes the record from its start.
            count = 0;
            return false;
        }
    }

    /// <summary>One vector's bit masks: delimiters, bytes that make a record not plain, and record stops (CR, LF, quote).</summary>
    private interface IVectorScan
    {
        static abstract int Width { get; }

        static abstract void Scan(ref byte origin, int p, out ulong delimiters, out ulong notPlain, out ulong stops);
    }

    private readonly struct Scan512 : IVectorScan
    {
        public static int Width => Vector512<byte>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Scan(ref byte origin, int p, out ulong delimiters, out ulong notPlain, out ulong stops)
        {
            var v = Vector512.LoadUnsafe(ref origin, (nuint)p);
            delimiters = Vector512.Equals(v, Vector512.Create(Delimiter)).ExtractMostSignificantBits();

            // As signed bytes, non-ASCII bytes are negative: "at most a space" catches them with white space and controls.
            notPlain = Vector512.LessThanOrEqual(v.AsSByte(), Vector512.Create((sbyte)' ')).ExtractMostSignificantBits();
            stops = (Vector512.Equals(v, Vector512.Create(Cr)) | Vector512.Equals(v, Vector512.Create(Lf)) | Vector512.Equals(v, Vector512.Create(Quote))).ExtractMostSignificantBits();
        }
    }

    private readonly struct Scan256 : IVectorScan
    {
        public static int Width => Vector256<byte>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Scan(ref byte origin, int p, out ulong delimiters, out ulong notPlain, out ulong stops)
        {
            var v = Vector256.LoadUnsafe(ref origin, (nuint)p);
            delimiters = Vector256.Equals(v, Vector256.Create(Delimiter)).ExtractMostSignificantBits();
            notPlain = Vector256.LessThanOrEqual(v.AsSByte(), Vector256.Create((sbyte)' ')).ExtractMostSignificantBits();
            stops = (Vector256.Equals(v, Vector256.Create(Cr)) | Vector256.Equals(v, Vector256.Create(Lf)) | Vector256.Equals(v, Vector256.Create(Quote))).ExtractMostSignificantBits();
        }
    }

    /// <summary>The fields ended by the delimiters of one vector (the caller made room for a vector's worth).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Delimited(FieldSpan[] fields, ref int count, ref int fieldStart, int p, ulong delimiters, int maxFields)
    {
        // Offsets are bounded by the block's length (under 2 GB): the project's overflow checks cost here, per byte.
        unchecked
        {
            while (delimiters != 0 && count < maxFields)
            {
                var at = p + BitOperations.TrailingZeroCount(delimiters);
                Place(fields, count++, fieldStart, at - fieldStart);
                fieldStart = at + 1;
                delimiters &= delimiters - 1;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Place(FieldSpan[] fields, int index, int start, int length)
    {
        ref var f = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(fields), index);
        f.Start = start;
        f.Length = length;
    }
}
