using System.Collections.Immutable;

namespace Reporting.Estimation;

/// <summary>
/// Multiple systems estimation of a total population from overlapping lists: entry point of the run
/// and of the <c>reporting estimate</c> command.
/// </summary>
public static class MseEstimator
{
    /// <summary>
    /// Selects or fits the model, checks that the data support it, estimates N with the interval of
    /// <see cref="MseOptions.IntervalMethod"/>, and runs the bootstrap when requested.
    /// </summary>
    public static MseOutcome Estimate(ListTable table, ModelSpec model, MseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(model);
        options ??= MseOptions.Default;
        var (attempt, steps) = SelectAndFit(table, model, options);
        if (attempt.Fit is not { } fit)
        {
            return new MseRefused(table, model, options, steps, attempt.Refusal!);
        }

        var interval = IntervalOrUndetermined(fit, options);
        var bootstrap = options.Bootstrap is { } bootstrapOptions
            ? MseBootstrap.Run(fit, model, options, bootstrapOptions)
            : null;
        return new MseEstimate(table, model, options, steps, fit, interval, bootstrap);
    }

    /// <summary>
    /// The profile refits the model many times at extreme unseen counts; should one of those fits fail
    /// numerically, the point estimate stays valid and the interval is reported as undetermined (NaN).
    /// </summary>
    private static ConfidenceInterval IntervalOrUndetermined(LogLinearFit fit, MseOptions options)
    {
        var method = options.IntervalMethod == IntervalMethod.Bootstrap ? IntervalMethod.MultinomialProfile : options.IntervalMethod;
        try
        {
            return ProfileLikelihood.Interval(fit, options.ConfidenceLevel, method);
        }
        catch (Exception e) when (e is ArithmeticException or InvalidOperationException)
        {
            return new ConfidenceInterval(double.NaN, double.NaN, options.ConfidenceLevel, method);
        }
    }

    /// <summary>Model selection (if any) and fit, without interval: what each bootstrap resample repeats.</summary>
    public static (FitAttempt Attempt, ImmutableArray<StepwiseStep> Steps) SelectAndFit(
        ListTable table, ModelSpec model, MseOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (model.Selection == ModelSelection.Stepwise)
        {
            var stepwise = StepwiseSelection.Select(
                table, options.StepwiseThreshold, options.EmptyOverlaps.AllowsFor(ModelSelection.Stepwise));
            return (stepwise.Final, stepwise.Steps);
        }

        if (model.Interactions.Any(p => p.Second >= table.ListCount))
        {
            throw new ArgumentException("The model refers to a list the table does not have.", nameof(model));
        }

        bool allowEmpty = options.EmptyOverlaps.AllowsFor(model.Selection);
        return (LogLinearFitter.Fit(table, model.Interactions, allowEmpty), ImmutableArray<StepwiseStep>.Empty);
    }
}
