namespace Reporting.Disclosure;

/// <summary>
/// One table of a linked group: its counts, the pattern it was protected with on its own, whether the group's protection
/// may hide more of it, and its coupling (the two implied tables of one share are hidden together, cell by cell: one
/// share cell publishes both; -1 for none). The audit asks of the cells of an implied table, and of a table marked
/// <paramref name="SmallOnly"/>, only that the small counts keep their range (see <see cref="JointAudit"/>).
/// </summary>
internal sealed record LinkedMember(CountTable Table, SuppressionPattern Start, bool Adjustable = true, int Coupling = -1, bool SmallOnly = false)
{
    public bool ChecksSmallOnly => SmallOnly || Coupling >= 0;
}

/// <summary>
/// Protection of tables linked by partitions (a whole and its parts, at every territory), starting from each table's own
/// pattern: while the joint attack (<see cref="JointAudit"/>) finds a hidden cell pinned down or narrower than its range,
/// <list type="number">
/// <item>when no small count falls short, the secondary cells it pins down are published (nothing the intruder knows
/// changes; before that, a move to come could still free them);</item>
/// <item>otherwise one more cell is hidden for the first failing one (primary before secondary, then table, départements
/// before regions, then hierarchy order): among the published cells of the adjustable tables at its territory, its region,
/// its sibling départements, its départements and (for a region) the other regions, the one that leaves it the smallest
/// shortfall, then of least information loss (<see cref="InformationLoss"/>), then first in table and hierarchy order
/// (when no single cell helps, pairs of cells of one table in one sum are tried the same way); a move that does not reduce the shortfall sends the group to its maximal pattern (every non-zero cell of the adjustable
/// tables hidden), and if that fails, the adjustable tables are hidden whole below France;</item>
/// <item>at the end, the cells this step added are released one at a time, the costliest first, whenever the group still
/// passes without them.</item>
/// </list>
/// Each round hides at least one cell or publishes a pinned one (which no round hides again: it is not a candidate once the
/// maximal pattern has been tried), so the loop ends; every choice is by the order above, so the result depends on the
/// tables only. The caller audits the result: a group that cannot be protected stops the run.
/// </summary>
internal static class LinkedProtection
{
    /// <summary>The patterns, and the joint audit of the last round when it passed (null otherwise: the caller attacks).</summary>
    public static (SuppressionPattern[] Patterns, JointAuditResult? Audit) Protect(
        IReadOnlyList<LinkedMember> members, IReadOnlyList<Partition> partitions, DisclosureParameters parameters) =>
        new Group(members, partitions, parameters).Run();

    private sealed class Group(IReadOnlyList<LinkedMember> members, IReadOnlyList<Partition> partitions, DisclosureParameters parameters)
    {
        private readonly Hierarchy h = members[0].Table.Hierarchy;
        private readonly SuppressionStatus[][] statuses = [.. members.Select(m => m.Start.Statuses.ToArray())];
        private readonly List<(int Table, int Cell)> added = [];

        public (SuppressionPattern[] Patterns, JointAuditResult? Audit) Run()
        {
            var stage = Stage.Greedy;
            JointAuditResult? passed = null;
            var rounds = 2 * members.Count * (h.CellCount + 1) + 2;
            for (var round = 0; round < rounds; round++)
            {
                var audit = Attack();
                if (audit.Passed)
                {
                    passed = stage == Stage.Greedy && added.Count > 0 ? CleanUp() ?? audit : audit;
                    break;
                }

                // Pinned secondary cells are published only once no small count fails: a later move could free them.
                var primaryFails = audit.Tables.Any(t => t.Intervals.Any(i => i.Status == SuppressionStatus.Primary && !i.IsProtected));
                if (!primaryFails && ReleasePinned(audit))
                {
                    continue;
                }

                var target = FirstFailing(audit);
                if (stage == Stage.Greedy && BestMove(target) is { } move)
                {
                    foreach (var c in move.Cells)
                    {
                        Hide(move.Table, c);
                        added.Add((move.Table, c));
                    }

                    continue;
                }

                if (stage == Stage.Greedy)
                {
                    stage = Stage.Maximal;
                    HideMaximal();
                }
                else if (stage == Stage.Maximal)
                {
                    stage = Stage.Whole;
                    HideWhole();
                }
                else
                {
                    break;
                }
            }

            return ([.. statuses.Select(s => new SuppressionPattern(h, [.. s]))], passed);
        }

        private JointAuditResult Attack() =>
            JointAudit.Attack([.. members.Select(m => m.Table)], [.. statuses.Select(s => new SuppressionPattern(h, [.. s]))], partitions, parameters, Implied);

        private int[] Implied => [.. Enumerable.Range(0, members.Count).Where(k => members[k].ChecksSmallOnly)];

        /// <summary>Publishes the secondary cells of adjustable tables that the intruder pins down anyway.</summary>
        private bool ReleasePinned(JointAuditResult audit)
        {
            var released = false;
            for (var k = 0; k < members.Count; k++)
            {
                if (!members[k].Adjustable || members[k].Coupling >= 0)
                {
                    continue;
                }

                foreach (var interval in audit.Tables[k].Intervals.Where(i => i.Status == SuppressionStatus.Secondary && i.Width == 0))
                {
                    statuses[k][h.CellIndex(interval.Cell)] = SuppressionStatus.Published;
                    released = true;
                }
            }

            return released;
        }

        private (int Table, CellInterval Interval) FirstFailing(JointAuditResult audit)
        {
            var failing = audit.Tables
                .SelectMany((t, k) => t.Intervals.Where(i => !i.IsProtected).Select(i => (Table: k, Interval: i)))
                .OrderBy(f => f.Interval.Status == SuppressionStatus.Primary ? 0 : 1)
                .ThenBy(f => f.Table)
                .ThenBy(f => f.Interval.Cell.Level == CellLevel.Departement ? 0 : 1)
                .ThenBy(f => h.CellIndex(f.Interval.Cell))
                .ToArray();
            if (failing.Length == 0)
            {
                // A failure that is not an interval (a small count published, an inconsistent status) is a bug upstream.
                throw new InvalidOperationException("Internal error: a linked group fails its audit on statuses: " + audit);
            }

            return failing[0];
        }

        /// <summary>
        /// The best move for the target: one candidate cell, or, when none alone reduces its shortfall, a candidate with a
        /// second cell of the same table in the same sum (a sibling département, or the region): a cell hidden alone in
        /// its table is pinned down by that table's own sums, so the joint attack needs a pair to lose track of it.
        /// </summary>
        private (int Table, int[] Cells)? BestMove((int Table, CellInterval Interval) target)
        {
            var cell = h.CellIndex(target.Interval.Cell);
            var shortfall = Shortfall(target.Interval.RequiredWidth, target.Interval.Width);
            var candidates = Candidates(cell).ToArray();
            return Best(target.Table, cell, shortfall, candidates.Select(c => (c.Table, new[] { c.Cell })))
                ?? Best(target.Table, cell, shortfall, candidates.SelectMany(c => SameSum(c.Table, c.Cell).Where(s => s > c.Cell).Select(s => (c.Table, new[] { c.Cell, s }))));
        }

        private (int Table, int[] Cells)? Best(int targetTable, int cell, long shortfall, IEnumerable<(int Table, int[] Cells)> moves)
        {
            (long Shortfall, long Cost, int Table, int First, int Second, int[] Cells)? best = null;
            foreach (var (table, cells) in moves)
            {
                var saved = statuses.Select(s => s.ToArray()).ToArray();
                foreach (var c in cells)
                {
                    Hide(table, c);
                }

                var after = TargetShortfall(targetTable, cell);
                for (var k = 0; k < statuses.Length; k++)
                {
                    statuses[k] = saved[k];
                }

                var score = (after, cells.Sum(c => Cost(table, c)), table, cells[0], cells.Length > 1 ? cells[1] : -1, cells);
                if (after < shortfall && (best is null || Compare(score, best.Value) < 0))
                {
                    best = score;
                }
            }

            return best is { } b ? (b.Table, b.Cells) : null;

            static int Compare((long, long, int, int, int, int[]) x, (long, long, int, int, int, int[]) y) =>
                (x.Item1, x.Item2, x.Item3, x.Item4, x.Item5).CompareTo((y.Item1, y.Item2, y.Item3, y.Item4, y.Item5));
        }

        /// <summary>Published cells of table k in a sum with cell j: its sibling départements and its region, or its départements.</summary>
        private IEnumerable<int> SameSum(int table, int j)
        {
            var regionCount = h.Regions.Count;
            IEnumerable<int> cells = j < regionCount ? Departements(j) : [.. Departements(h.RegionOfDepartement[j - regionCount]), h.RegionOfDepartement[j - regionCount]];
            return cells.Where(c => c != j && statuses[table][c] == SuppressionStatus.Published && (members[table].Table.CellValues[c] > 0 || members[table].Coupling >= 0));
        }

        private static long Shortfall(long required, long width) => required == 0 ? 0 : Math.Max(0, required - width);

        private long TargetShortfall(int table, int cell)
        {
            var patterns = statuses.Select(s => new SuppressionPattern(h, [.. s])).ToArray();
            var tables = members.Select(m => m.Table).ToArray();
            var (lo, hi) = IntruderModel.Boxes(tables, patterns, parameters);
            var (min, max) = JointBounds.Allocate(members.Count, h.CellCount);
            var (none, _) = JointBounds.Allocate(members.Count, h.CellCount);
            var required = JointAudit.Required(members[table].Table, patterns[table], parameters, cell, members[table].ChecksSmallOnly);

            // The cell's exact bounds (one cell asked: maximum flows on the group's network, cheap).
            return JointBounds.Compute(tables, lo, hi, partitions, none, min, max, (table, cell))
                ? Shortfall(required, max[table][cell] - min[table][cell])
                : long.MaxValue;
        }

        /// <summary>Published cells of the adjustable tables in the same equations as the target, or one step further.</summary>
        private IEnumerable<(int Table, int Cell)> Candidates(int cell)
        {
            var regionCount = h.Regions.Count;
            var region = cell < regionCount ? cell : h.RegionOfDepartement[cell - regionCount];
            var territories = new SortedSet<int> { cell, region };
            territories.UnionWith(Departements(region));
            if (cell < regionCount)
            {
                territories.UnionWith(Enumerable.Range(0, regionCount));
            }

            for (var k = 0; k < members.Count; k++)
            {
                if (!members[k].Adjustable)
                {
                    continue;
                }

                foreach (var j in territories)
                {
                    if (statuses[k][j] == SuppressionStatus.Published && (members[k].Table.CellValues[j] > 0 || members[k].Coupling >= 0))
                    {
                        yield return (k, j);
                    }
                }
            }
        }

        private IEnumerable<int> Departements(int region) =>
            Enumerable.Range(h.Regions.Count + h.DepartementStart[region], h.DepartementStart[region + 1] - h.DepartementStart[region]);

        /// <summary>Hides a cell, and the same cell of the tables coupled with it.</summary>
        private void Hide(int table, int cell)
        {
            for (var k = 0; k < members.Count; k++)
            {
                if (k != table && (members[table].Coupling < 0 || members[k].Coupling != members[table].Coupling))
                {
                    continue;
                }

                if (statuses[k][cell] != SuppressionStatus.Published)
                {
                    continue;
                }

                var value = members[k].Table.CellValues[cell];
                statuses[k][cell] = parameters.IsPrimary(value) ? SuppressionStatus.Primary
                    : members[k].Coupling >= 0 ? SuppressionStatus.Derived
                    : SuppressionStatus.Secondary;
            }
        }

        private void Publish(int table, int cell)
        {
            for (var k = 0; k < members.Count; k++)
            {
                if (k == table || (members[table].Coupling >= 0 && members[k].Coupling == members[table].Coupling))
                {
                    statuses[k][cell] = SuppressionStatus.Published;
                }
            }
        }

        private long Cost(int table, int cell) =>
            InformationLoss.CostOf(h.CellAt(cell).Level, members[table].Table.CellValues[cell]);

        private void HideMaximal()
        {
            for (var k = 0; k < members.Count; k++)
            {
                for (var i = 0; members[k].Adjustable && i < h.CellCount; i++)
                {
                    if (members[k].Table.CellValues[i] > 0)
                    {
                        Hide(k, i);
                    }
                }
            }
        }

        private void HideWhole()
        {
            for (var k = 0; k < members.Count; k++)
            {
                // A table of zeros only (nobody in France) has nothing to protect: its zeros are published, as everywhere.
                if (members[k].Adjustable && members[k].Table.France > 0)
                {
                    Array.Fill(statuses[k], SuppressionStatus.WholeTableHidden);
                }
            }
        }

        /// <summary>Releases what it can; the audit of the last release kept, or null when none was.</summary>
        private JointAuditResult? CleanUp()
        {
            JointAuditResult? last = null;
            foreach (var (table, cell) in added.OrderByDescending(a => Cost(a.Table, a.Cell)).ThenBy(a => a.Table).ThenBy(a => a.Cell))
            {
                var saved = statuses.Select(s => s.ToArray()).ToArray();
                Publish(table, cell);
                var audit = Attack();
                if (audit.Passed)
                {
                    last = audit;
                }
                else
                {
                    for (var k = 0; k < statuses.Length; k++)
                    {
                        statuses[k] = saved[k];
                    }
                }
            }

            return last is null ? null : Attack();
        }

        private enum Stage
        {
            Greedy,
            Maximal,
            Whole,
        }
    }
}
