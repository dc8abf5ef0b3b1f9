namespace Reporting.Ingestion;

/// <summary>What becomes of the valid lines of a file; one <see cref="LineWorker"/> per thread does the work.</summary>
internal abstract class LineSink(LineValidator validator)
{
    public LineValidator Validator { get; } = validator;

    public IdHashSet? Ids { get; set; }

    public abstract LineWorker NewWorker();

    public virtual void Merge(LineWorker worker)
    {
    }

    public virtual void Collect(BlockOutcome outcome)
    {
    }
}
