using System.Numerics;
using Reporting.Disclosure;

namespace Reporting.Tests.Disclosure;

/// <summary>The exact rationals of the audit's simplex against fractions of BigIntegers computed here, small values and values past 64 bits.</summary>
public sealed class RationalTests
{
    private static readonly long[] Edges = [0, 1, -1, 2, 3, -7, 10, 1_000_003, long.MaxValue, long.MinValue + 1, long.MinValue, 1L << 62, -(1L << 62), 4_294_967_311];

    [Fact]
    public void Every_operation_is_the_reduced_fraction()
    {
        var random = new Random(12);
        long Draw() => random.Next(4) switch
        {
            0 => Edges[random.Next(Edges.Length)],
            1 => random.NextInt64(-20, 21),
            2 => random.NextInt64(-1_000_000, 1_000_001),
            _ => random.NextInt64(long.MinValue, long.MaxValue),
        };

        for (var i = 0; i < 4000; i++)
        {
            var (an, ad, bn, bd) = (Draw(), Draw(), Draw(), Draw());
            if (ad == 0 || bd == 0)
            {
                continue;
            }

            var (a, b) = ((Rational)an / ad, (Rational)bn / bd);
            Same(Reduced(an, ad), a);
            Same(Reduced((an * (BigInteger)bd) + (bn * (BigInteger)ad), (BigInteger)ad * bd), a + b);
            Same(Reduced((an * (BigInteger)bd) - (bn * (BigInteger)ad), (BigInteger)ad * bd), a - b);
            Same(Reduced(an * (BigInteger)bn, (BigInteger)ad * bd), a * b);
            Same(Reduced(-(BigInteger)an, ad), -a);
            if (bn != 0)
            {
                Same(Reduced(an * (BigInteger)bd, (BigInteger)ad * bn), a / b);
            }

            var expected = (an * (BigInteger)bd * Math.Sign(ad) * Math.Sign(bd)).CompareTo(bn * (BigInteger)ad * Math.Sign(ad) * Math.Sign(bd));
            Assert.Equal(expected, Math.Sign(a.CompareTo(b)));
            Assert.Equal(expected == 0, a == b);
            if (expected == 0)
            {
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
            }
        }
    }

    [Fact]
    public void A_value_that_leaves_64_bits_and_comes_back_compares_equal_to_the_same_value_computed_small()
    {
        var huge = (Rational)long.MaxValue * long.MaxValue;
        var back = huge / long.MaxValue;

        Assert.Equal((Rational)long.MaxValue, back);
        Assert.Equal(long.MaxValue, back.ToInt64());
        Assert.Equal(BigInteger.Pow(long.MaxValue, 2), huge.Numerator);
        Assert.Equal(Rational.Zero, huge - huge);
        Assert.Equal("1/3", ((Rational)1 / 3).ToString());
    }

    private static (BigInteger Numerator, BigInteger Denominator) Reduced(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign < 0)
        {
            (numerator, denominator) = (-numerator, -denominator);
        }

        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        return numerator.IsZero ? (0, 1) : (numerator / g, denominator / g);
    }

    private static void Same((BigInteger Numerator, BigInteger Denominator) expected, Rational actual) =>
        Assert.Equal(expected, (actual.Numerator, actual.Denominator));
}
