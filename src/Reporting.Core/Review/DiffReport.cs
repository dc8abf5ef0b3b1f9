using System.Text;
using Reporting.Indicators;
using Reporting.Publication.Narrative;
using Reporting.Publication.OpenData;

namespace Reporting.Review;

/// <summary>The output formats of <c>reporting diff</c>.</summary>
public enum DiffFormat
{
    Text,
    Markdown,
    Json,
}

/// <summary>
/// The reviewers' diff as a reader meets it, in text (a terminal) or Markdown (a review request): the inputs that
/// changed first, then the headline figures, then each publication element's changed lines, each line written once
/// with its changes in place (<c>[1 519 → 1 524]</c>, a row's cells <c>481 → 486</c>). The département sheets are
/// summarised: what many sheets repeat (the national and regional figures) is said once per group of sheets, and only
/// each sheet's own lines follow. The open-data cells are counted per indicator here; <see cref="DiffJson"/> lists them all,
/// and the Markdown report too.
/// </summary>
public static class DiffReport
{
    public static string Write(PublicationComparison d, DiffFormat format, bool stat, IndicatorCatalogue? catalogue = null) => format switch
    {
        DiffFormat.Json => DiffJson.Write(d, stat, catalogue),
        _ => new Writer(d, format == DiffFormat.Markdown, catalogue ?? IndicatorCatalogue.Shipped).Write(stat),
    };

    /// <summary>Lines of one element the terminal shows (a sheet's own lines: one fewer); the Markdown report and the JSON have them all.</summary>
    public const int MaxLinesPerElement = 6;

    private sealed class Writer(PublicationComparison d, bool markdown, IndicatorCatalogue catalogue)
    {
        private readonly StringBuilder text = new();

        public string Write(bool stat)
        {
            Title();
            if (!d.AnythingChanged)
            {
                Line("Aucune différence.");
                return text.ToString();
            }

            Inputs();
            if (stat)
            {
                Stat();
                return text.ToString();
            }

            Headline();
            Elements();
            Cells();
            Summary();
            return text.ToString();
        }

        private void Title()
        {
            Heading(1, "Comparaison de deux publications");
            Item($"ancienne : {Code(d.OldFolder)}");
            Item($"nouvelle : {Code(d.NewFolder)}");
            Item(d.Threshold.MinChange > 0
                ? $"seuil des écarts listés : {FrenchFormat.Tick((double)d.Threshold.MinChange)} (en points pour les taux et les pourcentages, en % pour les effectifs)"
                : "seuil des écarts listés : aucun (tout écart est listé)");
            Blank();
        }

        private void Inputs()
        {
            Heading(2, "Entrées modifiées (manifest.json)");
            var inputs = d.Inputs;
            if (inputs.Files.Count == 0 && inputs.Settings.Count == 0)
            {
                Item(inputs.UnchangedFiles > 0
                    ? $"aucune : les {inputs.UnchangedFiles} fichiers d’entrée, la nomenclature et les paramètres sont identiques"
                    : "manifestes absents : entrées non comparées");
            }

            foreach (var f in inputs.Files)
            {
                Item(f switch
                {
                    { Old: null, New: { } n } => $"{f.File} : nouveau fichier ({Facts(n)})",
                    { New: null, Old: { } o } => $"{f.File} : fichier retiré (il avait {Facts(o)})",
                    _ => $"{f.File} : {Lines(f.Old!, f.New!)}{FrenchFormat.Integer(f.Old!.Bytes)} → {FrenchFormat.Integer(f.New!.Bytes)} octets ; sha256 {f.Old.Digest} → {f.New.Digest}",
                });
            }

            foreach (var s in inputs.Settings)
            {
                Item($"{s.Name} : {s.Old} → {s.New}");
            }

            if (inputs.Files.Count + inputs.Settings.Count > 0)
            {
                Item($"{inputs.UnchangedFiles} autres fichiers identiques{(inputs.Settings.Count == 0 ? " ; version du moteur, nomenclature et paramètres identiques" : string.Empty)}");
            }

            Blank();
        }

        private static string Facts(InputFacts f) =>
            (f.LinesRead is { } read ? $"{FrenchFormat.Integer(read)} lignes lues, " : string.Empty) + $"{FrenchFormat.Integer(f.Bytes)} octets, sha256 {f.Digest}";

        private static string Lines(InputFacts o, InputFacts n)
        {
            if (o.LinesRead is not { } or || n.LinesRead is not { } nr)
            {
                return string.Empty;
            }

            var parts = new List<string> { or == nr ? $"{FrenchFormat.Integer(nr)} lignes lues" : $"{FrenchFormat.Integer(or)} → {FrenchFormat.Integer(nr)} lignes lues" };
            if (o.LinesKept != n.LinesKept)
            {
                parts.Add($"gardées {FrenchFormat.Integer(o.LinesKept ?? 0)} → {FrenchFormat.Integer(n.LinesKept ?? 0)}");
            }

            if (o.LinesRejected != n.LinesRejected)
            {
                parts.Add($"écartées {FrenchFormat.Integer(o.LinesRejected ?? 0)} → {FrenchFormat.Integer(n.LinesRejected ?? 0)}");
            }

            return string.Join(", ", parts) + " ; ";
        }

        private void Headline()
        {
            Heading(2, "Chiffres clés et tableaux du rapport");
            if (d.Headline.Count == 0)
            {
                Item("inchangés");
            }

            foreach (var section in d.Headline.GroupBy(h => h.Section))
            {
                Item(section.Key);
                foreach (var table in section.GroupBy(h => h.Table ?? string.Empty))
                {
                    if (table.Key.Length > 0)
                    {
                        Item(table.Key, 2);
                    }

                    foreach (var h in table)
                    {
                        Change(h.Change, table.Key.Length > 0 ? 3 : 2);
                    }
                }
            }

            Blank();
        }

        private void Elements()
        {
            Heading(2, "Modifications par élément de publication");
            var any = false;
            // What the headline already showed is not shown again: the same national figure recurs in many places.
            var headline = d.Headline.SelectMany(h => h.Change.Substitutions).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var (kind, title) in new[] { (ElementKind.Report, "Rapport"), (ElementKind.Workbook, "Classeur") })
            {
                foreach (var e in d.Of(kind))
                {
                    any = true;
                    Element($"{title} — {e.Name}", e.Changes, headline, 1);
                }
            }

            var sheets = d.Of(ElementKind.Sheet).ToArray();
            if (sheets.Length > 0)
            {
                any = true;
                Item($"Fiches départementales : {sheets.Length} modifiée{(sheets.Length > 1 ? "s" : string.Empty)} sur {d.SheetCount}");
                var groups = d.SheetGroups();
                // What every changed sheet repeats (the national figures) is said once, then what each group adds (its region's).
                var common = groups.Count > 1 || (groups.Count == 1 && groups[0].Sheets.Count == sheets.Length)
                    ? groups.Select(g => g.Shared.Select(x => x.Substitution.Key).ToHashSet(StringComparer.Ordinal)).Aggregate((a, b) => { a.IntersectWith(b); return a; })
                    : [];
                if (common.Count > 0)
                {
                    Item($"{SheetList([.. sheets.Select(s => s.ShortName)], sheets)} : {Substitutions(groups[0].Shared.Where(x => common.Contains(x.Substitution.Key)))}", 2);
                }

                foreach (var g in groups)
                {
                    var own = g.Shared.Where(x => !common.Contains(x.Substitution.Key)).ToArray();
                    if (own.Length > 0)
                    {
                        Item($"{SheetList(g.Sheets, sheets)} : {Substitutions(own)}", 2);
                    }
                }

                var shared = groups.SelectMany(g => g.Shared).Select(x => x.Substitution.Key).Concat(headline).ToHashSet(StringComparer.Ordinal);
                foreach (var s in sheets)
                {
                    var own = d.OwnChanges(s);
                    if (own.Count > 0)
                    {
                        Element(s.Name, own, shared, 2);
                    }
                }
            }

            if (d.TextBelowThreshold > 0)
            {
                Item($"{Count(d.TextBelowThreshold, "ligne modifiée", "lignes modifiées")} sous le seuil, non listée{(d.TextBelowThreshold > 1 ? "s" : string.Empty)}");
            }
            else if (!any)
            {
                Item("aucune");
            }

            Blank();
        }

        /// <summary>
        /// An element's changed lines, each said once: a line whose every replacement was shown already (in the headline,
        /// or higher in the element) is counted, not repeated. The terminal shows the first lines of each element; the
        /// Markdown report all of them.
        /// </summary>
        private void Element(string title, IReadOnlyList<TextChange> changes, HashSet<string> alreadyShown, int depth)
        {
            var shown = new HashSet<string>(alreadyShown, StringComparer.Ordinal);
            var fresh = new List<TextChange>();
            foreach (var c in changes)
            {
                if (c.Old is null || c.New is null || c.Substitutions.Count == 0 || c.Substitutions.Any(s => !shown.Contains(s.Key)))
                {
                    fresh.Add(c);
                    shown.UnionWith(c.Substitutions.Select(s => s.Key));
                }
            }

            var repeats = changes.Count - fresh.Count;
            Item($"{title} ({Count(changes.Count, "ligne modifiée", "lignes modifiées")}{(repeats > 0 ? $", dont {repeats} qui répète{(repeats > 1 ? "nt" : string.Empty)} des écarts déjà montrés" : string.Empty)})", depth);
            var limit = markdown ? int.MaxValue : depth > 1 ? MaxLinesPerElement - 1 : MaxLinesPerElement;
            foreach (var c in fresh.Take(limit))
            {
                Change(c, depth + 1);
            }

            if (fresh.Count > limit)
            {
                Item($"… et {Count(fresh.Count - limit, "autre ligne", "autres lignes")} (--format md ou json pour tout voir)", depth + 1);
            }
        }

        private static string Substitutions(IEnumerable<LabelledSubstitution> list) =>
            string.Join(" ; ", list.GroupBy(x => x.Substitution.Key, StringComparer.Ordinal).Select(g =>
            {
                var labels = g.Select(x => x.Label).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
                var s = g.First().Substitution;
                return $"{s.Old}{TextChanges.Arrow}{s.New}" + (labels.Length > 0 ? $" ({string.Join(", ", labels)})" : string.Empty);
            }));

        private string SheetList(IReadOnlyList<string> group, ElementChanges[] changed)
        {
            var label = group.Count == 1 ? "fiche" : $"{group.Count} fiches";
            if (group.Count == d.SheetCount)
            {
                return $"les {group.Count} fiches";
            }

            if (group.Count <= 8)
            {
                return $"{label} {string.Join(", ", group)}";
            }

            var others = changed.Select(s => s.ShortName).Except(group, StringComparer.Ordinal).ToArray();
            return others.Length <= 8 && changed.Length == d.SheetCount
                ? $"{label} (toutes sauf {string.Join(", ", others)})"
                : $"{label} ({string.Join(", ", group.Take(6))}, …)";
        }

        private void Cells()
        {
            var cells = d.Cells;
            Heading(2, "Fichier open data (indicateurs)");
            if (cells.Count == 0)
            {
                Item("aucune case modifiée");
                Blank();
                return;
            }

            var changes = cells.ChangedValues.Select(c => (c.Old.Indicator, Kind: "valeurs modifiées"))
                .Concat(cells.NewlyHidden.Select(c => (c.Old.Indicator, Kind: "cases nouvellement masquées")))
                .Concat(cells.NewlyPublished.Select(c => (c.Old.Indicator, Kind: "cases nouvellement publiées")))
                .Concat(cells.OtherStatusChanges.Select(c => (c.Old.Indicator, Kind: "autres changements de statut")))
                .Concat(cells.Appeared.Select(c => (c.Indicator, Kind: "lignes apparues")))
                .Concat(cells.Disappeared.Select(c => (c.Indicator, Kind: "lignes disparues")));
            var order = new PublicationOrder(catalogue);
            foreach (var indicator in changes.GroupBy(c => c.Indicator).OrderBy(g => order.Rank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                var counts = string.Join(", ", indicator.GroupBy(c => c.Kind).Select(k => $"{k.Count()} {k.Key}"));
                var first = cells.ChangedValues.FirstOrDefault(c => c.Old.Indicator == indicator.Key);
                Item($"{catalogue.Find(indicator.Key)?.Label ?? indicator.Key} ({indicator.Key}) : {counts}{(first is null ? string.Empty : $" ; en tête : {Where(first.Old)} {Value(first.Old)} → {Value(first.New)}")}");
            }

            if (cells.ChangedValuesBelowThreshold > 0)
            {
                Item($"{cells.ChangedValuesBelowThreshold} valeurs modifiées sous le seuil, non listées");
            }

            if (markdown)
            {
                CellTable(cells);
            }
            else
            {
                Item("liste complète, case par case : --format md ou --format json");
            }

            Blank();
        }

        private void CellTable(CellComparison cells)
        {
            if (cells.ChangedValues.Count > 0)
            {
                Blank();
                text.Append("| indicateur | année | niveau | territoire | catégorie | source | ancienne | nouvelle | écart |\n|---|---:|---|---|---|---|---:|---:|---:|\n");
                foreach (var c in cells.ChangedValues)
                {
                    var o = c.Old;
                    text.Append($"| {o.Indicator} | {o.Year} | {o.Level} | {o.Territory} | {o.Category} | {o.Source} | {Value(o)} | {Value(c.New)} | {Gap(c)} |\n");
                }
            }

            var statuses = cells.NewlyHidden.Select(s => ("masquée", s)).Concat(cells.NewlyPublished.Select(s => ("publiée", s))).Concat(cells.OtherStatusChanges.Select(s => ("statut", s))).ToArray();
            if (statuses.Length > 0)
            {
                Blank();
                text.Append("| case | changement | avant | après |\n|---|---|---|---|\n");
                foreach (var (what, s) in statuses)
                {
                    text.Append($"| {s.Old.Key} | {what} | {Value(s.Old)} | {Value(s.New)} |\n");
                }
            }

            foreach (var (title, list) in new[] { ("apparue", cells.Appeared), ("disparue", cells.Disappeared) })
            {
                foreach (var c in list)
                {
                    Item($"ligne {title} : {c.Key} = {Value(c)}");
                }
            }
        }

        /// <summary>An absolute change for a count, in points for a rate or a percentage; the relative change for counts.</summary>
        private string Gap(ValueChange c)
        {
            var kind = catalogue.Find(c.Old.Indicator)?.Kind ?? IndicatorKind.Count;
            var absolute = Signed(c.Absolute, kind == IndicatorKind.Count ? 0 : 1);
            return ChangeThreshold.InPoints(kind) ? $"{absolute} pt"
                : c.Relative is { } r ? $"{absolute} ({Signed(r, 1)} %)" : absolute;
        }

        private static string Signed(decimal value, int decimals) =>
            (value > 0 ? "+" : value < 0 ? FrenchFormat.Minus : string.Empty) + (decimals == 0 ? FrenchFormat.Integer(Math.Abs(value)) : FrenchFormat.Decimal(Math.Abs(value), decimals));

        private string Value(PublishedCell c)
        {
            if (c.Number is not { } n)
            {
                return c.Status.Length > 0 ? c.Status : "(vide)";
            }

            var decimals = catalogue.Find(c.Indicator)?.OpenDataDecimals ?? 1;
            return decimals == 0 ? FrenchFormat.Integer(n) : FrenchFormat.Decimal(n, decimals);
        }

        private static string Where(PublishedCell c) => $"{c.Year} · {c.Level} {c.Territory} · {c.Category} · {c.Source} :";

        private void Stat()
        {
            Heading(2, "Modifications");
            Item($"chiffres clés et tableaux du rapport : {Count(d.Headline.Count, "ligne", "lignes")}");
            foreach (var (kind, title, unit) in new[] { (ElementKind.Report, "rapport", "section"), (ElementKind.Workbook, "classeur", "tableau"), (ElementKind.Sheet, "fiches", "fiche") })
            {
                var changed = d.Of(kind).ToArray();
                Item($"{title} : {Count(changed.Sum(e => e.Changes.Count), "ligne", "lignes")} dans {changed.Length} {unit}{(changed.Length > 1 ? (unit == "tableau" ? "x" : "s") : string.Empty)}");
            }

            var cells = d.Cells;
            Item($"open data : {cells.ChangedValues.Count} valeurs modifiées, {cells.NewlyHidden.Count} cases nouvellement masquées, {cells.NewlyPublished.Count} nouvellement publiées, "
                + $"{cells.OtherStatusChanges.Count} autres changements de statut, {cells.Appeared.Count} lignes apparues, {cells.Disappeared.Count} disparues");
            if (d.TextBelowThreshold + cells.ChangedValuesBelowThreshold > 0)
            {
                Item($"sous le seuil, non listés : {Count(d.TextBelowThreshold, "ligne", "lignes")}, {cells.ChangedValuesBelowThreshold} valeurs");
            }
        }

        private void Summary()
        {
            var cells = d.Cells;
            Line($"En bref : {d.Inputs.Files.Count} fichier(s) d’entrée modifié(s), {d.Headline.Count} ligne(s) de chiffres clés et tableaux du rapport, "
                + $"{d.Elements.Where(e => e.Kind != ElementKind.Sheet).Sum(e => e.Changes.Count)} autre(s) ligne(s) du rapport et du classeur, "
                + $"{d.Of(ElementKind.Sheet).Count()} fiche(s), {cells.Count - cells.ChangedValuesBelowThreshold} case(s) du fichier open data.");
        }

        private void Change(TextChange c, int depth)
        {
            var prefix = c.Old is null ? "+ " : c.New is null ? "- " : string.Empty;
            Item(prefix + c.SideBySide, depth);
        }

        private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

        private string Code(string path) => markdown ? $"`{path}`" : path;

        private void Heading(int level, string title)
        {
            text.Append(markdown ? new string('#', level) + " " + title + "\n\n" : (level == 1 ? title : title + " :") + "\n");
        }

        private void Item(string line, int depth = 1) =>
            text.Append(new string(' ', (depth - 1) * 2)).Append(markdown ? "- " : "  ").Append(line).Append('\n');

        private void Blank() => text.Append('\n');

        private void Line(string line) => text.Append(line).Append('\n');
    }
}
