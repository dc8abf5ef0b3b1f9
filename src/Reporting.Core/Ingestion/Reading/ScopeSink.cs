using System.Globalization;

namespace Reporting.Ingestion;

/// <summary>
/// The run's sink: in-scope lines become <see cref="ExtractLine"/>s; an out-of-scope line is counted by code, and its key
/// kept only when pass 1 saw its id on a line that may be in scope.
/// </summary>
internal sealed partial class ScopeSink : LineSink
{
    private readonly ExtractFile file;
    private readonly ExtractScope scope;
    private readonly NatinfTable outOfScopeNatinf = new();
    private readonly Dictionary<string, int> outOfScopeCodes = new(StringComparer.Ordinal);
    private readonly List<ExtractLine> lines = [];
    private readonly List<KeySighting> keys = [];
    private readonly Columns columns;

    public ScopeSink(LineValidator validator, ExtractFile file, ExtractScope scope)
        : base(validator)
    {
        this.file = file;
        this.scope = scope;
        columns = new Columns(validator, file.Source);
    }

    public override LineWorker NewWorker() => new Worker(this);

    public override void Merge(LineWorker worker)
    {
        var w = (Worker)worker;
        lock (outOfScopeNatinf)
        {
            foreach (var (code, n) in w.OutOfScopeNatinf.Entries())
            {
                outOfScopeNatinf.Add(code, n);
            }

            foreach (var (code, n) in w.OutOfScopeCodes)
            {
                outOfScopeCodes[code] = outOfScopeCodes.GetValueOrDefault(code) + n;
            }
        }
    }

    public override void Collect(BlockOutcome outcome)
    {
        lines.AddRange(outcome.Lines);
        keys.AddRange(outcome.Keys);
    }

    public ScopedExtract Finish(FileReport report)
    {
        var codes = new Dictionary<string, int>(outOfScopeCodes, StringComparer.Ordinal);
        foreach (var (code, n) in outOfScopeNatinf.Entries())
        {
            codes[code.ToString(CultureInfo.InvariantCulture)] = n;
        }

        return new ScopedExtract(file, report, lines, keys, codes);
    }

    /// <summary>The schema positions of the columns an <see cref="ExtractLine"/> is made of.</summary>
    private sealed class Columns(LineValidator v, Source source)
    {
        public int Id { get; } = v.IndexOf(v.Schema.PersonIdColumn);

        public int Key { get; } = v.IndexOf("cle_chainage");

        public int Departement { get; } = v.IndexOf("departement");

        public int Reference { get; } = v.IndexOf(v.Schema.ReferenceDateColumn);

        public int Code { get; } = v.IndexOf(ExtractSchema.CodeColumn(source));

        public int Sex { get; } = v.IndexOf("sexe");

        public int Age { get; } = v.IndexOf("age");

        public int Step { get; } = v.IndexOf("etape");

        public int Sentence { get; } = v.IndexOf("peine");

        public int Quantum { get; } = v.IndexOf("quantum_mois");

        public int MinorVictim { get; } = v.IndexOf("victime_mineure");
    }
}
