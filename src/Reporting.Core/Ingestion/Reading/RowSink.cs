namespace Reporting.Ingestion;

/// <summary>Every valid line as a <see cref="ValidRow"/>, straight to the caller's sink (used with one thread).</summary>
internal sealed class RowSink(LineValidator validator, Action<ValidRow> sink) : LineSink(validator)
{
    public override LineWorker NewWorker() => new Worker(Validator, sink);

    private sealed class Worker(LineValidator validator, Action<ValidRow> sink) : LineWorker(validator)
    {
        protected override void Accept(ReadOnlySpan<byte> data, int line, BlockOutcome outcome, bool plain)
        {
            var values = new string[Validator.Schema.Columns.Count];
            DateOnly? reference = null;
            var referenceColumn = Validator.IndexOf(Validator.Schema.ReferenceDateColumn);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Validator.GetString(data, Workspace, i);
            }

            if (referenceColumn >= 0 && Workspace.Values[referenceColumn].HasDate)
            {
                reference = Workspace.Values[referenceColumn].Date;
            }

            sink(new ValidRow(Validator.Schema, values, line, reference));
        }
    }
}
