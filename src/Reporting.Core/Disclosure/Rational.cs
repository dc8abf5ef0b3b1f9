using System.Numerics;

namespace Reporting.Disclosure;

/// <summary>
/// Exact rational number, always reduced with a positive denominator. A value whose numerator and denominator fit in
/// 64 bits is held as two longs and computed in 128-bit integers (the simplex of the audit, on tables whose matrices are
/// totally unimodular, never leaves them); any other is held as two BigIntegers. The representation is canonical
/// (a value that fits is always held small), so equality compares fields.
/// </summary>
internal readonly struct Rational : IComparable<Rational>, IEquatable<Rational>
{
    private readonly long small;
    private readonly long smallDenominator; // 0 only for default(Rational), read as 0/1; unused when big is set.
    private readonly Big? big;

    private Rational(long numerator, long denominator)
    {
        small = numerator;
        smallDenominator = denominator;
        big = null;
    }

    private Rational(Big value)
    {
        small = 0;
        smallDenominator = 0;
        big = value;
    }

    public static Rational Zero => default;

    public static Rational One => new(1, 1);

    public BigInteger Numerator => big?.Numerator ?? small;

    public BigInteger Denominator => big?.Denominator ?? (smallDenominator == 0 ? 1 : smallDenominator);

    public int Sign => big?.Numerator.Sign ?? Math.Sign(small);

    public bool IsZero => big is null && small == 0;

    private long SmallDenominator => smallDenominator == 0 ? 1 : smallDenominator;

    public static implicit operator Rational(long value) => value == long.MinValue ? Of((BigInteger)value, BigInteger.One) : new(value, 1);

    public static Rational operator +(Rational a, Rational b) =>
        a.big is null && b.big is null
            ? Of(((Int128)a.small * b.SmallDenominator) + ((Int128)b.small * a.SmallDenominator), (Int128)a.SmallDenominator * b.SmallDenominator)
            : Of((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) => a + -b;

    public static Rational operator -(Rational a) =>
        a.big is null && a.small != long.MinValue ? new(-a.small, a.SmallDenominator) : Of(-a.Numerator, a.Denominator);

    public static Rational operator *(Rational a, Rational b) =>
        a.IsZero || b.IsZero ? Zero
        : a.big is null && b.big is null ? Of((Int128)a.small * b.small, (Int128)a.SmallDenominator * b.SmallDenominator)
        : Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) =>
        b.IsZero ? throw new DivideByZeroException()
        : a.big is null && b.big is null ? Of((Int128)a.small * b.SmallDenominator, (Int128)a.SmallDenominator * b.small)
        : Of(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    public int CompareTo(Rational other) =>
        big is null && other.big is null
            ? ((Int128)small * other.SmallDenominator).CompareTo((Int128)other.small * SmallDenominator)
            : (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Rational other) =>
        big is null && other.big is null
            ? small == other.small && SmallDenominator == other.SmallDenominator
            : Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Rational r && Equals(r);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>The value as a long when it is an integer; throws otherwise.</summary>
    public long ToInt64() =>
        Denominator.IsOne ? (long)Numerator : throw new InvalidOperationException("Not an integer: " + ToString());

    public override string ToString() =>
        Denominator.IsOne
            ? Numerator.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Numerator.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + Denominator.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>numerator / denominator reduced, small when it fits.</summary>
    private static Rational Of(Int128 numerator, Int128 denominator)
    {
        if (denominator == 0)
        {
            throw new DivideByZeroException();
        }

        if (numerator == Int128.MinValue || denominator == Int128.MinValue)
        {
            return Of((BigInteger)numerator, (BigInteger)denominator);
        }

        if (denominator < 0)
        {
            (numerator, denominator) = (-numerator, -denominator);
        }

        if (numerator == 0)
        {
            return Zero;
        }

        // An integer (the simplex's usual case: its tableau is totally unimodular) needs no GCD.
        if (denominator != 1)
        {
            var g = Gcd(Int128.Abs(numerator), denominator);
            (numerator, denominator) = (numerator / g, denominator / g);
        }

        return numerator > long.MinValue && numerator <= long.MaxValue && denominator <= long.MaxValue
            ? new((long)numerator, (long)denominator)
            : new(new Big((BigInteger)numerator, (BigInteger)denominator));
    }

    private static Rational Of(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            (numerator, denominator) = (-numerator, -denominator);
        }

        if (numerator.IsZero)
        {
            return Zero;
        }

        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        (numerator, denominator) = (numerator / g, denominator / g);
        return numerator > long.MinValue && numerator <= long.MaxValue && denominator <= long.MaxValue
            ? new((long)numerator, (long)denominator)
            : new(new Big(numerator, denominator));
    }

    private static Int128 Gcd(Int128 a, Int128 b)
    {
        if (a <= long.MaxValue && b <= long.MaxValue)
        {
            var (x, y) = ((long)a, (long)b);
            while (y != 0)
            {
                (x, y) = (y, x % y);
            }

            return x;
        }

        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private sealed record Big(BigInteger Numerator, BigInteger Denominator);
}
