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

    private static FitAttempt FitChecked(ListTable table, Prepared prepared)
    {
        var glm = PoissonGlm.Fit(prepared.Design!, prepared.Counts, computeInverseInformation: true);
        if (!glm.Converged || !double.IsFinite(glm.Coefficients[0]))
        {
            return FitAttempt.Refused(RefusalReason.FitDidNotConverge,
                "l'ajustement du modèle log-linéaire n'a pas convergé : aucune estimation n'est produite");
        }

        return new FitAttempt(
            new LogLinearFit(table, prepared.All, prepared.Interactions, prepared.EmptyOverlaps, prepared.Design!, prepared.Counts, glm),
            null);
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
