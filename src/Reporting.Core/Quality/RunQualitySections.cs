using System.Globalization;
using Reporting.Harmonisation;
using Reporting.Ingestion;
using Reporting.Linkage;

namespace Reporting.Quality;

/// <summary>The sections that harmonisation and linkage add to the quality report.</summary>
public static class RunQualitySections
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static QualitySection OutOfScope(Harmoniser harmoniser) => new(
        "hors_champ",
        "Codes hors champ",
        [
            "Les lignes dont le code n'est pas dans la nomenclature ne relèvent pas de la publication : elles sont comptées ici par code, jamais en erreur.",
            string.Create(Inv, $"Lignes dans le champ : {harmoniser.LinesInScope} ; lignes hors champ : {harmoniser.OutOfScope.Values.Sum()}."),
        ],
        ["source", "code", "lignes"],
        harmoniser.OutOfScope
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key.Source)
            .ThenBy(kv => kv.Key.Code, StringComparer.Ordinal)
            .Select(kv => (IReadOnlyList<string>)[kv.Key.Source.Code(), kv.Key.Code, kv.Value.ToString(Inv)])
            .ToArray());

    public static QualitySection Findings(Harmoniser harmoniser)
    {
        var labels = new Dictionary<LineFinding, string>
        {
            [LineFinding.OutsideValidity] = "code utilisé hors de sa période de validité (ligne gardée)",
            [LineFinding.AgeConflict] = "âge incompatible avec le code (l'âge décide)",
            [LineFinding.UnknownAge] = "âge inconnu",
            [LineFinding.CountedNowhere] = "catégorie non disponible pour la source cette année : ligne comptée nulle part",
        };
        var groups = harmoniser.Findings
            .GroupBy(f => (f.Finding, f.Line.Line.File))
            .OrderBy(g => g.Key.Finding)
            .ThenBy(g => g.Key.File, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)[labels[g.Key.Finding], g.Key.File, g.Count().ToString(Inv), LineList(g.Select(f => f.Line.Line.LineNumber))])
            .ToArray();
        return new QualitySection(
            "harmonisation",
            "Harmonisation : validité des codes, âges, catégories non disponibles",
            ["Lignes dans le champ signalées par la nomenclature (fichier et numéros de ligne)."],
            ["constat", "fichier", "lignes", "numeros"],
            groups);
    }

    public static QualitySection Linkage(LinkedData linked) => new(
        "chainage",
        "Chaînage des personnes",
        [
            "Part des lignes dans le champ portant une clé de chaînage, en propre ou reprise d'une autre ligne du même identifiant.",
            linked.Conflicts.Count == 0
                ? "Aucun identifiant ne porte deux clés différentes."
                : string.Create(Inv, $"Identifiants portant deux clés différentes : {linked.Conflicts.Sum(c => c.Lines.Count)} lignes ; chaque ligne garde sa clé. ") + string.Join(" ; ", linked.Conflicts.Select(c => $"{c.File} lignes {LineList(c.Lines)}")),
        ],
        ["source", "annee", "lignes", "avec_cle", "cle_reprise", "part_avec_cle_pct"],
        linked.Coverage.Select(c => (IReadOnlyList<string>)
        [
            c.Source.Code(),
            c.Year.ToString(Inv),
            c.InScopeLines.ToString(Inv),
            c.WithOwnKey.ToString(Inv),
            c.WithInheritedKey.ToString(Inv),
            c.InScopeLines == 0 ? "—" : (100.0 * (c.WithOwnKey + c.WithInheritedKey) / c.InScopeLines).ToString("0.0", Inv),
        ]).ToArray());

    public static QualitySection Breaks(SeriesBreaks breaks, IReadOnlyList<int> years) => new(
        "ruptures",
        "Ruptures de série",
        ["Ruptures déclarées (ruptures.csv) et ruptures de l'ensemble des sources qui en découlent : aucune évolution n'est calculée à travers une rupture."],
        ["source", "categorie", "annee", "origine", "note"],
        breaks.All.Where(b => years.Contains(b.Year))
            .Select(b => (IReadOnlyList<string>)[b.Source, b.Category, b.Year.ToString(Inv), b.Derived ? "déduite" : "déclarée", b.Note])
            .ToArray());

    public static QualitySection Disclosure(Reporting.Disclosure.DisclosureResult result, int threshold, int protectionRange)
    {
        var tables = result.Tables;
        var derived = result.Indicators.Cells.Count(c => c.SuppressionRule == Reporting.Disclosure.DisclosureControl.DerivedRule);
        var smallParts = result.Indicators.Cells.Count(c => c.SuppressionRule == Reporting.Disclosure.DisclosureControl.SmallPartRule);
        return new QualitySection(
            "secret_statistique",
            "Secret statistique",
            [
                string.Create(Inv, $"Seuil : les effectifs de 1 à {threshold - 1} ne sont pas publiés sous le niveau national ; intervalle de protection : {protectionRange} personnes au moins pour chaque case masquée en primaire."),
                string.Create(Inv, $"{tables.Count} tableaux protégés ; cases masquées : {tables.Sum(t => t.Counts.Primary)} en primaire, {tables.Sum(t => t.Counts.Secondary)} en secondaire, {tables.Sum(t => t.Counts.WholeTableHidden)} par masquage du tableau entier, {derived} figures dérivées d'un effectif masqué, {smallParts} parts ou durées moyennes qui révéleraient 1 à {threshold - 1} personnes."),
                tables.All(t => t.AuditPassed)
                    ? "Audit : pour chaque tableau, les bornes exactes de chaque case masquée ont été recalculées (programme linéaire) à partir de tout ce qui est publié ; aucun tableau ne laisse retrouver une case masquée."
                    : "Audit : ÉCHEC.",
            ],
            ["indicateur", "source", "categorie", "annee", "primaire", "secondaire", "tableau_entier", "largeur_min_primaire", "audit"],
            tables.OrderBy(t => t.Indicator, StringComparer.Ordinal).ThenBy(t => t.Source, StringComparer.Ordinal).ThenBy(t => t.Category, StringComparer.Ordinal).ThenBy(t => t.Year)
                .Select(t => (IReadOnlyList<string>)
                [
                    t.Indicator, t.Source, t.Category, t.Year.ToString(Inv), t.Counts.Primary.ToString(Inv), t.Counts.Secondary.ToString(Inv),
                    t.Counts.WholeTableHidden.ToString(Inv), t.Counts.Primary == 0 ? "—" : t.NarrowestPrimaryWidth.ToString(Inv), t.AuditPassed ? "réussi" : "échec",
                ]).ToArray());
    }

    /// <summary>
    /// What the secret statistique costs, per kind of count table (the count indicator) and overall: cells hidden by
    /// each rule, figures hidden with them (attributed to the count they derive from), the share of non-zero
    /// sub-national counts still published, and the information loss the secondary suppression minimises.
    /// </summary>
    public static QualitySection InformationLoss(Reporting.Disclosure.DisclosureResult result, Reporting.Indicators.IndicatorCatalogue catalogue)
    {
        var hiddenFigures = result.Indicators.Cells
            .Where(c => c.SuppressionRule is Reporting.Disclosure.DisclosureControl.DerivedRule or Reporting.Disclosure.DisclosureControl.SmallPartRule or Reporting.Disclosure.DisclosureControl.ImpliedRule)
            .Select(c => (Kind: FirstCountOf(c.Key) ?? c.Key.Indicator, c.SuppressionRule))
            .ToArray();
        var kinds = result.Tables.GroupBy(t => t.Indicator, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, [.. g], hiddenFigures.Where(f => f.Kind == g.Key).ToArray()))
            .Append(Row("ensemble", result.Tables, hiddenFigures));
        return new QualitySection(
            "perte_information",
            "Secret statistique : information perdue",
            [
                "Par genre de tableau (l'effectif protégé) : cases masquées par chaque règle, figures dérivées masquées avec elles (taux, parts, évolutions, durées), part des effectifs non nuls sous le niveau national qui restent publiés, et perte d'information.",
                "part_implicite : parts masquées parce que les effectifs qu'elles impliquent (filles et garçons, moins et plus de 15 ans…) se retrouveraient par différence entre territoires, bien que l'effectif de la case soit publié.",
                "Perte d'information : chaque case masquée hors règle primaire coûte 8 plus le nombre de chiffres de (effectif + 1) écrit en base 2 (9 pour un zéro, 12 pour 10, 15 pour 100), quatre fois plus pour une région ; les cases complémentaires sont choisies pour que cette perte soit la plus faible possible.",
            ],
            ["genre", "tableaux", "primaire", "secondaire", "tableau_entier", "derivee", "part_faible", "part_implicite", "non_nulles", "non_nulles_publiees", "part_publiee_pct", "perte"],
            [.. kinds]);

        // The first count the figure derives from that has a cell of its source (a share of two sources names both sources' counts).
        string? FirstCountOf(Reporting.Indicators.CellKey key) => catalogue.Find(key.Indicator)?.DerivedFrom
            .Select(d => d.From)
            .FirstOrDefault(from => result.Indicators.Find(key with { Indicator = from }) is not null);

        static IReadOnlyList<string> Row(string kind, IReadOnlyList<Reporting.Disclosure.TableProtection> tables, (string Kind, string? Rule)[] figures)
        {
            var nonZero = tables.Sum(t => t.NonZero);
            var published = tables.Sum(t => t.PublishedNonZero);
            return
            [
                kind,
                tables.Count.ToString(Inv),
                tables.Sum(t => t.Counts.Primary).ToString(Inv),
                tables.Sum(t => t.Counts.Secondary).ToString(Inv),
                tables.Sum(t => t.Counts.WholeTableHidden).ToString(Inv),
                figures.Count(f => f.Rule == Reporting.Disclosure.DisclosureControl.DerivedRule).ToString(Inv),
                figures.Count(f => f.Rule == Reporting.Disclosure.DisclosureControl.SmallPartRule).ToString(Inv),
                figures.Count(f => f.Rule == Reporting.Disclosure.DisclosureControl.ImpliedRule).ToString(Inv),
                nonZero.ToString(Inv),
                published.ToString(Inv),
                nonZero == 0 ? "—" : (100.0 * published / nonZero).ToString("0.0", Inv),
                tables.Sum(t => t.Loss).ToString(Inv),
            ];
        }
    }

    public static QualitySection Estimation(IReadOnlyList<Reporting.Estimation.YearEstimate> estimates) => new(
        "capture_recapture",
        "Recoupement des sources et capture-recapture",
        [
            "Mineurs victimes vus par une, deux ou trois sources (police, ASE, santé), personnes chaînées par la clé ; une personne sans clé ne peut être reconnue que dans sa source. Modèle log-linéaire de Poisson, choix des interactions par la règle pas à pas de SparseMSE (p < 0,02), intervalle à 95 % par vraisemblance profilée.",
        ],
        ["annee", "categorie", "sources", "vus", "vus_par_1", "vus_par_2", "vus_par_3", "modele", "estimation", "bas", "haut", "remarque"],
        estimates.OrderBy(e => e.Year).ThenBy(e => e.Category, StringComparer.Ordinal).Select(e => (IReadOnlyList<string>)
        [
            e.Year.ToString(Inv),
            e.Category,
            string.Join("+", e.Lists),
            e.Overlap.Total.ToString(Inv),
            e.Overlap.SeenBy(1).ToString(Inv),
            e.Overlap.SeenBy(2).ToString(Inv),
            e.Overlap.SeenBy(3).ToString(Inv),
            e.Estimate is { } m ? (m.InteractionNames.Length == 0 ? "indépendance" : "indépendance + " + string.Join(", ", m.InteractionNames)) : "—",
            e.Estimate is { } a ? a.Total.ToString("0", Inv) : "—",
            e.Estimate is { } b ? b.Interval.Lower.ToString("0", Inv) : "—",
            e.Estimate is { } c ? c.Interval.Upper.ToString("0", Inv) : "—",
            e.NotEstimatedReason ?? string.Empty,
        ]).ToArray());

    private static string LineList(IEnumerable<int> lines)
    {
        var all = lines.Order().ToArray();
        var shown = string.Join(", ", all.Take(20).Select(l => l.ToString(Inv)));
        return all.Length > 20 ? shown + string.Create(Inv, $", … (+{all.Length - 20})") : shown;
    }
}
