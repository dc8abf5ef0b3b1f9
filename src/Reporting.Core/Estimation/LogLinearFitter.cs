using System.Collections.Immutable;
using System.Globalization;

namespace Reporting.Estimation;

/// <summary>
/// A fitted log-linear model of a list table: the Poisson model over every non-empty pattern (zero
/// counts included) except the cells removed for −∞ interactions, with N̂ = n + exp(β₀) (spec README).
/// </summary>
public sealed record LogLinearFit
{
    internal LogLinearFit(
        ListTable table,
        ImmutableArray<ListPair> modelInteractions,
        ImmutableArray<ListPair> interactions,
        ImmutableArray<ListPair> emptyOverlapPairs,
        DesignMatrix design,
        ImmutableArray<double> counts,
        GlmFit glm)
    {
        Table = table;
        ModelInteractions = modelInteractions;
        Interactions = interactions;
        EmptyOverlapPairs = emptyOverlapPairs;
        Design = design;
        Counts = counts;
        Glm = glm;
    }

    /// <summary>The data.</summary>
    public ListTable Table { get; }

    /// <summary>Every two-list interaction of the model, finite or −∞, in the order given or added by stepwise.</summary>
    public ImmutableArray<ListPair> ModelInteractions { get; }

    /// <summary>Interactions estimated in the model (lists that overlap), in the order they were given or added.</summary>
    public ImmutableArray<ListPair> Interactions { get; }

    /// <summary>Interactions of the model set to −∞ because the two lists never overlap (their cells are removed).</summary>
    public ImmutableArray<ListPair> EmptyOverlapPairs { get; }

    /// <summary>Design over the retained cells.</summary>
    public DesignMatrix Design { get; }

    /// <summary>
    /// Cells fixed at 0 and dropped by the extended MLE (Fienberg &amp; Rinaldo 2012) because a zero
    /// margin of the model forces them to 0; empty when the ordinary MLE exists.
    /// </summary>
    public ImmutableArray<int> ZeroFittedCells { get; init; } = [];

    /// <summary>True when the fit is the extended MLE on a face of the model (see <see cref="ZeroFittedCells"/>).</summary>
    public bool IsExtendedMle => !ZeroFittedCells.IsEmpty;

    /// <summary>Observed counts of the retained cells, in design row order.</summary>
    public ImmutableArray<double> Counts { get; }

    /// <summary>The underlying GLM fit.</summary>
    public GlmFit Glm { get; }

    /// <summary>Estimated number of unseen individuals, exp(β₀).</summary>
    public double Unseen => Math.Exp(Glm.Coefficients[0]);

    /// <summary>N̂ = n + exp(β₀).</summary>
    public double Total => Table.ObservedTotal + Unseen;

    /// <summary>Number of estimated parameters (intercept, main effects, finite interactions).</summary>
    public int EstimatedParameters => Design.ColumnCount;

    /// <summary>Residual degrees of freedom: retained cells − estimated parameters (as <c>glm</c> on SparseMSE's reduced data).</summary>
    public int DegreesOfFreedom => Design.RowCount - Design.ColumnCount;

    /// <summary>
    /// AIC = −2 ln L + 2k with the full Poisson log-likelihood (ln y! terms included), the convention of
    /// R's <c>glm</c> and hence of Rcapture and SparseMSE; k counts the −∞ interactions too, as
    /// SparseMSE's <c>modelfit</c> does (<c>fit$aic + 2*nover</c>).
    /// </summary>
    public double Aic => (-2 * Glm.LogLikelihood) + (2.0 * (EstimatedParameters + EmptyOverlapPairs.Length));

    /// <summary>
    /// BIC = −2 ln L + k ln(n), same ln L and k as <see cref="Aic"/>, n the number of individuals seen
    /// (the sample size of capture-recapture; R's <c>BIC()</c> on a glm would use the number of cells).
    /// </summary>
    public double Bic => (-2 * Glm.LogLikelihood)
        + ((EstimatedParameters + EmptyOverlapPairs.Length) * Math.Log(Table.ObservedTotal));

    /// <summary>
    /// Standard error of N̂ from the delta method on the Poisson model, √(μ₀ + μ₀² var β̂₀), the formula
    /// of Rcapture's <c>closedp</c> (the μ₀ term is the Poisson variance of the unseen count itself).
    /// </summary>
    public double StandardError
    {
        get
        {
            double mu0 = Unseen;
            return Math.Sqrt(mu0 + (mu0 * mu0 * Glm.InverseInformation[0]));
        }
    }

    /// <summary>Sum of fitted values over the retained cells containing both lists of <paramref name="pair"/>.</summary>
    public double FittedOverlap(ListPair pair)
    {
        double sum = 0;
        for (int r = 0; r < Design.RowCount; r++)
        {
            if (Patterns.ContainsPair(Design.Patterns[r], pair))
            {
                sum += Glm.Fitted[r];
            }
        }

        return sum;
    }

    /// <summary>Names of the coefficients: "(Intercept)", list names, then "A:B" interactions.</summary>
    public ImmutableArray<string> CoefficientNames =>
        ["(Intercept)", .. Table.ListNames, .. Interactions.Select(p => p.Name(Table.ListNames))];
}

/// <summary>Result of <see cref="LogLinearFitter.Fit"/>: a fit or a refusal.</summary>
public sealed record FitAttempt(LogLinearFit? Fit, Refusal? Refusal)
{
    internal static FitAttempt Refused(RefusalReason reason, string message) => new(null, new Refusal(reason, message));
}

/// <summary>Fits a log-linear model with given interactions, after the checks that make the fit meaningful.</summary>
public static class LogLinearFitter
{
    /// <summary>
    /// Fits main effects plus <paramref name="interactions"/> to <paramref name="table"/>, or says why
    /// the data cannot support it (checks of Chan, Silverman &amp; Vincent 2021).
    /// </summary>
    /// <param name="table">The data.</param>
    /// <param name="interactions">Two-list interactions of the model.</param>
    /// <param name="allowEmptyOverlaps">
    /// Whether an interaction between lists that never overlap is taken as −∞ (cells removed, as
    /// SparseMSE) rather than refused; see <see cref="EmptyOverlapPolicy"/>.
    /// </param>
    public static FitAttempt Fit(ListTable table, IReadOnlyList<ListPair> interactions, bool allowEmptyOverlaps)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(interactions);
        var prepared = Prepare(table, interactions, allowEmptyOverlaps);
        if (prepared.Refusal is not null)
        {
            return new FitAttempt(null, prepared.Refusal);
        }

        var check = MleExistence.Check(prepared.Design!, prepared.Counts);
        if (check.Identifiable && !check.MleExists)
        {
            return FitExtended(table, prepared);
        }

        var refusal = Refuse(table, check);
        if (refusal is not null)
        {
            return new FitAttempt(null, refusal);
        }

        return FitChecked(table, prepared);
    }

    /// <summary>True when the model would pass every check (used by stepwise for each candidate).</summary>
    internal static bool IsEstimable(ListTable table, IReadOnlyList<ListPair> interactions, bool allowEmptyOverlaps)
    {
        var prepared = Prepare(table, interactions, allowEmptyOverlaps);
        return prepared.Refusal is null && Refuse(table, MleExistence.Check(prepared.Design!, prepared.Counts)) is null;
    }

    private sealed record Prepared(
        ImmutableArray<ListPair> All,
        ImmutableArray<ListPair> Interactions,
        ImmutableArray<ListPair> EmptyOverlaps,
        DesignMatrix? Design,
        ImmutableArray<double> Counts,
        Refusal? Refusal);

    private static Prepared Prepare(ListTable table, IReadOnlyList<ListPair> interactions, bool allowEmptyOverlaps)
    {
        var refusal = RefuseData(table) ?? RefuseEmptyOverlaps(table, interactions, allowEmptyOverlaps);
        if (refusal is not null)
        {
            return new Prepared([], [], [], null, [], refusal);
        }

        var empty = interactions.Where(p => table.Overlap(p) == 0).ToImmutableArray();
        var kept = interactions.Where(p => table.Overlap(p) > 0).ToImmutableArray();
        // −∞ interaction (SparseMSE buildmodel): the cells where the two lists meet have probability 0.
        var patterns = Enumerable.Range(1, table.PatternCount)
            .Where(pattern => !empty.Any(pair => Patterns.ContainsPair(pattern, pair)))
            .ToArray();
        var design = DesignMatrix.Create(patterns, table.ListCount, kept);
        var counts = patterns.Select(p => (double)table.Count(p)).ToImmutableArray();
        return new Prepared([.. interactions], kept, empty, design, counts, null);
    }

    private static FitAttempt FitChecked(ListTable table, Prepared prepared, ImmutableArray<int> zeroFittedCells = default)
    {
        var glm = PoissonGlm.Fit(prepared.Design!, prepared.Counts, computeInverseInformation: true);
        if (!glm.Converged || !double.IsFinite(glm.Coefficients[0]))
        {
            return FitAttempt.Refused(RefusalReason.FitDidNotConverge,
                "l'ajustement du modèle log-linéaire n'a pas convergé : aucune estimation n'est produite");
        }

        return new FitAttempt(
            new LogLinearFit(table, prepared.All, prepared.Interactions, prepared.EmptyOverlaps, prepared.Design!, prepared.Counts, glm)
            {
                ZeroFittedCells = zeroFittedCells.IsDefault ? [] : zeroFittedCells,
            },
            null);
    }

    /// <summary>
    /// The extended MLE (Fienberg &amp; Rinaldo 2012) when a sufficient margin of the model is zero: the
    /// cells that margin forces to 0 are fixed at 0 and dropped, the model is fitted on the facial set,
    /// where the MLE exists, with the interactions that the remaining cells no longer separate from the
    /// others absorbed (their columns are linear combinations of the kept ones there). The unseen count
    /// exp(β₀) is estimated only when it is identifiable on the face, that is when the intercept column
    /// is not a combination of the other columns over the facial set; otherwise the model is refused
    /// and the message names the zero margins that decide.
    /// </summary>
    private static FitAttempt FitExtended(ListTable table, Prepared prepared)
    {
        var full = prepared.Design!;
        var face = MleExistence.FacialSet(full, prepared.Counts);
        var dropped = Enumerable.Range(0, full.RowCount).Except(face).Select(r => full.Patterns[r]).ToImmutableArray();
        var facePatterns = face.Select(r => full.Patterns[r]).ToArray();
        var faceDesign = DesignMatrix.Create(facePatterns, table.ListCount, prepared.Interactions);
        int p = faceDesign.ColumnCount;
        int rank = MleExistence.ColumnRank(faceDesign, [.. Enumerable.Range(0, p)]);
        if (MleExistence.ColumnRank(faceDesign, [.. Enumerable.Range(1, p - 1)]) == rank)
        {
            return FitAttempt.Refused(RefusalReason.MleDoesNotExist,
                "l'estimateur du maximum de vraisemblance n'existe pas et le nombre de personnes non vues "
                + "n'est pas identifiable sur la face où l'estimateur étendu existe (Fienberg et Rinaldo, 2012) : "
                + Because(table, prepared.All, dropped) + " ; simplifiez le modèle");
        }

        int mainColumns = 1 + table.ListCount;
        if (MleExistence.ColumnRank(faceDesign, [.. Enumerable.Range(0, mainColumns)]) < mainColumns)
        {
            return FitAttempt.Refused(RefusalReason.MleDoesNotExist,
                "l'estimateur du maximum de vraisemblance n'existe pas (Fienberg et Rinaldo, 2012) et, une fois "
                + "fixées à 0 les cellules qu'une marge nulle annule, les effets principaux ne sont plus séparables : "
                + Because(table, prepared.All, dropped) + " ; simplifiez le modèle");
        }

        // Greedy basis of the column space over the face: intercept and main effects, then each
        // interaction in model order if it adds a direction.
        var columns = Enumerable.Range(0, mainColumns).ToList();
        var kept = ImmutableArray.CreateBuilder<ListPair>();
        for (int k = 0; k < prepared.Interactions.Length; k++)
        {
            int rankBefore = MleExistence.ColumnRank(faceDesign, columns);
            columns.Add(mainColumns + k);
            if (MleExistence.ColumnRank(faceDesign, columns) > rankBefore)
            {
                kept.Add(prepared.Interactions[k]);
            }
            else
            {
                columns.RemoveAt(columns.Count - 1);
            }
        }

        var reduced = prepared with
        {
            Interactions = kept.ToImmutable(),
            Design = DesignMatrix.Create(facePatterns, table.ListCount, kept),
            Counts = [.. face.Select(r => prepared.Counts[r])],
        };
        return FitChecked(table, reduced, dropped);
    }

    /// <summary>French clause naming the zero two-way margins of the model and the cells they force to 0.</summary>
    private static string Because(ListTable table, ImmutableArray<ListPair> interactions, ImmutableArray<int> dropped)
    {
        var names = table.ListNames;
        var margins = new List<string>();
        foreach (var pair in ListPair.All(table.ListCount))
        {
            // The whole two-way margin is sufficient for a pair in the model, only the overlap otherwise.
            var entries = interactions.Contains(pair)
                ? new[] { (true, false), (false, true), (true, true) }
                : new[] { (true, true) };
            foreach (var (a, b) in entries)
            {
                bool Matches(int pattern) =>
                    Patterns.Contains(pattern, pair.First) == a && Patterns.Contains(pattern, pair.Second) == b;
                long sum = Enumerable.Range(1, table.PatternCount).Where(Matches).Sum(table.Count);
                if (sum == 0 && dropped.Any(Matches))
                {
                    margins.Add(string.Format(
                        CultureInfo.InvariantCulture,
                        "{0}={1}, {2}={3}",
                        names[pair.First],
                        a ? 1 : 0,
                        names[pair.Second],
                        b ? 1 : 0));
                }
            }
        }

        string cells = string.Join(", ", dropped.Select(p => Patterns.ToFlags(p, table.ListCount)));
        return margins.Count == 0
            ? $"les cellules {cells} doivent avoir un effectif ajusté nul"
            : $"la marge nulle ({string.Join(" ; ", margins)}) force à 0 les cellules {cells}";
    }

    private static Refusal? RefuseData(ListTable table)
    {
        if (table.ObservedTotal == 0)
        {
            return new Refusal(RefusalReason.NoObservation, "aucune personne observée : rien à estimer");
        }

        var silent = Enumerable.Range(0, table.ListCount).Where(i => table.ListTotal(i) == 0).ToList();
        if (silent.Count > 0)
        {
            string names = string.Join(", ", silent.Select(i => $"« {table.ListNames[i]} »"));
            return new Refusal(RefusalReason.ListWithoutObservation,
                $"la ou les listes {names} n'ont observé personne : elles n'apportent aucune information "
                + "et rendent le modèle inestimable ; retirez-les du fichier");
        }

        return null;
    }

    private static Refusal? RefuseEmptyOverlaps(ListTable table, IReadOnlyList<ListPair> interactions, bool allowEmptyOverlaps)
    {
        var empty = interactions.Where(p => table.Overlap(p) == 0).ToList();
        if (empty.Count == 0 || allowEmptyOverlaps)
        {
            return null;
        }

        string names = string.Join(", ", empty.Select(p => p.Name(table.ListNames)));
        return new Refusal(RefusalReason.InteractionWithoutOverlap,
            $"interaction {names} demandée entre des listes qui n'ont aucune personne en commun : "
            + "son estimation serait −∞ et le total reposerait sur une hypothèse invérifiable ; "
            + "retirez ce terme du modèle");
    }

    private static Refusal? Refuse(ListTable table, ExistenceCheck check)
    {
        if (!check.Identifiable)
        {
            return new Refusal(RefusalReason.NotIdentifiable,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "modèle non identifiable : {0} paramètres mais seulement {1} combinaisons indépendantes "
                    + "dans les cellules disponibles ; simplifiez le modèle",
                    check.ParameterCount,
                    check.Rank));
        }

        if (!check.MleExists)
        {
            string cells = string.Join(", ", check.DegenerateCells.Select(p => Patterns.ToFlags(p, table.ListCount)));
            return new Refusal(RefusalReason.MleDoesNotExist,
                "l'estimateur du maximum de vraisemblance n'existe pas (Fienberg et Rinaldo, 2012) : "
                + $"les cellules {cells} devraient avoir un effectif ajusté nul ; simplifiez le modèle");
        }

        return null;
    }
}
