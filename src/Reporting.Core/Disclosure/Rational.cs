using System.Numerics;

namespace Reporting.Disclosure;

/// <summary>Exact rational number (BigInteger numerator, positive denominator, always reduced).</summary>
internal readonly struct Rational : IComparable<Rational>, IEquatable<Rational>
{
    private readonly BigInteger numerator;
    private readonly BigInteger denominator; // 0 only for default(Rational), read as 0/1.

    private Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne && !g.IsZero)
        {
            numerator /= g;
            denominator /= g;
        }

        this.numerator = numerator;
        this.denominator = numerator.IsZero ? BigInteger.One : denominator;
    }

    public static Rational Zero => default;

    public static Rational One => new(BigInteger.One, BigInteger.One);

    public BigInteger Numerator => numerator;

    public BigInteger Denominator => denominator.IsZero ? BigInteger.One : denominator;

    public int Sign => numerator.Sign;

    public bool IsZero => numerator.IsZero;

    public static implicit operator Rational(long value) => new(value, BigInteger.One);

    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);

    public static Rational operator *(Rational a, Rational b) =>
        a.IsZero || b.IsZero ? Zero : new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    public int CompareTo(Rational other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Rational r && Equals(r);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>The value as a long when it is an integer; throws otherwise.</summary>
    public long ToInt64() =>
        Denominator.IsOne ? (long)Numerator : throw new InvalidOperationException("Not an integer: " + ToString());

    public override string ToString() =>
        Denominator.IsOne
            ? Numerator.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Numerator.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + Denominator.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
