using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Reporting.Ingestion;

internal sealed partial class ScopeSink
{
    /// <summary>One thread's share of the sink: the lines of the blocks it validates.</summary>
    internal sealed class Worker(ScopeSink sink) : LineWorker(sink.Validator)
    {
        private readonly Dictionary<long, string> natinfText = [];
        private readonly Dictionary<string, string> codeText = new(StringComparer.Ordinal);
        private readonly IdHashSet? ids = sink.Ids;
        private readonly bool natinf = ExtractScope.HasNatinf(sink.file.Source);

        public NatinfTable OutOfScopeNatinf { get; } = new();

        public Dictionary<string, int> OutOfScopeCodes { get; } = new(StringComparer.Ordinal);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        protected override void Accept(ReadOnlySpan<byte> data, int line, BlockOutcome outcome, bool plain)
        {
            var c = sink.columns;
            var source = sink.file.Source;
            var number = Workspace.Values[c.Code].Number;
            string? textCode = null;
            if (natinf ? sink.scope.Contains(source, number) : sink.scope.Contains(source, textCode = CodeText(data, c.Code)))
            {
                outcome.Lines.Add(ToLine(data, line, textCode));
                return;
            }

            if (textCode is null)
            {
                OutOfScopeNatinf.Add(number, 1);
            }
            else
            {
                CollectionsMarshal.GetValueRefOrAddDefault(OutOfScopeCodes, textCode, out _)++;
            }

            if (ids is { } lookup && c.Key >= 0 && !Validator.IsEmpty(Workspace, c.Key) && lookup.Contains(IdHashSet.Hash(plain ? IdOf(data) : IdScanner.Coarse(IdBytes(data)))))
            {
                outcome.Keys.Add(new KeySighting(Validator.GetString(data, Workspace, c.Id), Validator.GetString(data, Workspace, c.Key), line));
            }
        }

        /// <summary>A plain record's id: its field as it lies, which is its coarse form too.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private ReadOnlySpan<byte> IdOf(ReadOnlySpan<byte> data)
        {
            ref var v = ref Workspace.Values[sink.columns.Id];
            return data.Slice(v.Start, v.Length);
        }

        /// <summary>The id field's value as pass 1 saw it (unquoted, not trimmed): both passes compare its coarse form.</summary>
        private ReadOnlySpan<byte> IdBytes(ReadOnlySpan<byte> data)
        {
            var field = Workspace.Fields[Validator.Header.IndexOfColumn[sink.columns.Id]];
            return CsvRecordParser.Value(data, field, ref Workspace.Scratch, ref Workspace.ScratchUsed);
        }

        private ExtractLine ToLine(ReadOnlySpan<byte> data, int line, string? textCode)
        {
            var c = sink.columns;
            var values = Workspace.Values;
            var file = sink.file;
            JusticeDetail? justice = null;
            if (file.Source == Source.Justice)
            {
                justice = new JusticeDetail(
                    Validator.GetString(data, Workspace, c.Step),
                    Validator.IsEmpty(Workspace, c.Sentence) ? null : Validator.GetString(data, Workspace, c.Sentence),
                    c.Quantum >= 0 && !Validator.IsEmpty(Workspace, c.Quantum) ? (int)values[c.Quantum].Number : null,
                    Validator.GetString(data, Workspace, c.MinorVictim) switch { "O" => true, "N" => false, _ => null });
            }

            return new ExtractLine(
                file.Source,
                file.Year,
                file.Name,
                line,
                Validator.GetString(data, Workspace, c.Id),
                c.Key < 0 || Validator.IsEmpty(Workspace, c.Key) ? null : Validator.GetString(data, Workspace, c.Key),
                Validator.GetString(data, Workspace, c.Departement),
                values[c.Reference].Date,
                textCode ?? NatinfText(values[c.Code].Number),
                Values.ParseSex(Validator.GetString(data, Workspace, c.Sex)),
                Validator.IsEmpty(Workspace, c.Age) ? null : (int)values[c.Age].Number,
                justice);
        }

        /// <summary>One string per code, not one per line: a few dozen codes over millions of lines.</summary>
        private string NatinfText(long code)
        {
            if (!natinfText.TryGetValue(code, out var text))
            {
                text = code.ToString(CultureInfo.InvariantCulture);
                natinfText[code] = text;
            }

            return text;
        }

        /// <summary>The code as a string shared by all its lines, decoded without a string per line.</summary>
        private string CodeText(ReadOnlySpan<byte> data, int column)
        {
            var lookup = codeText.GetAlternateLookup<ReadOnlySpan<char>>();
            ref var v = ref Workspace.Values[column];
            if ((v.Flags & ValueFlags.Decoded) != 0)
            {
                var decoded = Workspace.Texts[column]!;
                if (!lookup.TryGetValue(decoded, out var shared))
                {
                    codeText[decoded] = shared = decoded;
                }

                return shared;
            }

            var bytes = LineValidator.Bytes(data, Workspace, v);
            var encoding = Validator.Encoding;
            var chars = bytes.Length <= 64 ? stackalloc char[encoding.GetMaxCharCount(64)] : new char[encoding.GetMaxCharCount(bytes.Length)];
            var n = encoding.GetChars(bytes, chars);
            if (!lookup.TryGetValue(chars[..n], out var text))
            {
                text = new string(chars[..n]);
                codeText[text] = text;
            }

            return text;
        }
    }
}
