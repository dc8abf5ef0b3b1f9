using System.Collections.Immutable;

namespace Reporting.Estimation;

/// <summary>
/// Model matrix of a log-linear model over a set of capture patterns: column 0 is the intercept
/// (the log of the unseen count, since the unseen pattern has no other term), then one column per
/// list (main effect), then one per two-list interaction. Row-major, immutable.
/// </summary>
public sealed class DesignMatrix
{
    private readonly double[] _values;

    private DesignMatrix(ImmutableArray<int> patterns, int listCount, ImmutableArray<ListPair> interactions)
    {
        Patterns = patterns;
        ListCount = listCount;
        Interactions = interactions;
        ColumnCount = 1 + listCount + interactions.Length;
        _values = new double[patterns.Length * ColumnCount];
        for (int r = 0; r < patterns.Length; r++)
        {
            FillRow(r, patterns[r]);
        }
    }

    /// <summary>Pattern of each row.</summary>
    public ImmutableArray<int> Patterns { get; }

    /// <summary>Number of lists t.</summary>
    public int ListCount { get; }

    /// <summary>Interaction columns, in column order after the main effects.</summary>
    public ImmutableArray<ListPair> Interactions { get; }

    /// <summary>Number of rows (cells).</summary>
    public int RowCount => Patterns.Length;

    /// <summary>Number of parameters.</summary>
    public int ColumnCount { get; }

    /// <summary>Entry (row, column).</summary>
    public double this[int row, int column] => _values[(row * ColumnCount) + column];

    /// <summary>Builds the matrix for the given patterns (pattern 0, the unseen, is allowed: intercept only).</summary>
    public static DesignMatrix Create(IEnumerable<int> patterns, int listCount, IEnumerable<ListPair> interactions) =>
        new(patterns.ToImmutableArray(), listCount, interactions.ToImmutableArray());

    /// <summary>Linear predictor of one row, Σ x_rc β_c.</summary>
    public double Dot(int row, ReadOnlySpan<double> beta)
    {
        double s = 0;
        int offset = row * ColumnCount;
        for (int c = 0; c < ColumnCount; c++)
        {
            s += _values[offset + c] * beta[c];
        }

        return s;
    }

    /// <summary>Copy as a two-dimensional array, for the identifiability checks.</summary>
    public double[,] ToArray()
    {
        var a = new double[RowCount, ColumnCount];
        for (int r = 0; r < RowCount; r++)
        {
            for (int c = 0; c < ColumnCount; c++)
            {
                a[r, c] = this[r, c];
            }
        }

        return a;
    }

    private void FillRow(int row, int pattern)
    {
        int offset = row * ColumnCount;
        _values[offset] = 1.0;
        for (int i = 0; i < ListCount; i++)
        {
            _values[offset + 1 + i] = Estimation.Patterns.Contains(pattern, i) ? 1.0 : 0.0;
        }

        for (int k = 0; k < Interactions.Length; k++)
        {
            _values[offset + 1 + ListCount + k] = Estimation.Patterns.ContainsPair(pattern, Interactions[k]) ? 1.0 : 0.0;
        }
    }
}
