namespace Reporting.Disclosure;

/// <summary>
/// A whole and its parts over one hierarchy (<see cref="Partition"/>: whole = Σ parts at every territory) as a network,
/// so that the intruder's exact bounds on any cell are a maximum flow instead of two linear programmes.
/// <para>Why it is a network. A whole W and its parts P₁…Pₘ at every territory form a two-dimensional table whose rows
/// are hierarchical (France ⊃ regions ⊃ départements) and whose columns are flat (the parts, W their total): a « 1H2D »
/// table, which is known to be a network (Castro, « Network flows heuristics for complementary cell suppression », 2002).
/// Nodes: a root F; for W one node per region; one node per département; for each part one collector per region and
/// one for France. Each cell is one arc: W's region r from F to W's node of r, W's département d from W's node of its
/// region to d's node, part j's département d from d's node to j's collector of d's region, part j's region r from that
/// collector to j's France collector, part j's France from there back to F. Conservation at each node is one equation of
/// the system: at d's node W_d = Σ_j P_j,d (the partition), at a collector the part's hierarchy, at W's region node W's
/// hierarchy, at F W's France = Σ_j P_j's France; the partition at regions and France follows. So the intruder's feasible
/// set is exactly the set of circulations within the boxes (every cell's [lo, hi]), and since the matrix is totally
/// unimodular, its LP bounds are integers, reached by integer circulations.</para>
/// <para>The bounds of a cell (arc a from u to v, value f in the true tables, which are a feasible circulation): a
/// circulation moves f_a up by t exactly when t more units can go from v back to u in the residual graph without
/// using a itself; so max f_a = f + min(hi − f, maximum flow v → u) and min f_a = f − min(f − lo, maximum flow u → v),
/// each maximum flow by shortest augmenting paths (Edmonds–Karp). The flow can be stopped at a limit (the width the
/// audit requires): below the limit the value is exact.</para>
/// </summary>
internal sealed class PartitionNetwork
{
    private readonly int nodeCount;
    private readonly int[] edgeHead;
    private readonly long[] residualAtTruth;
    private readonly int[] adjacencyStart;
    private readonly int[] adjacency;
    private readonly int[] arcTail;
    private readonly int[] arcHead;
    private readonly long[] slackUp;
    private readonly long[] slackDown;
    private readonly int[][] arcOf;

    // Scratch of one maximum flow (one network is used by one thread).
    private readonly long[] residual;
    private readonly int[] parentEdge;
    private readonly int[] queue;
    private readonly int[] seen;
    private int stamp;

    /// <summary>
    /// The network of one partition over <paramref name="tables"/> (indices of the partition only), with each cell's box;
    /// null when the true tables do not lie in the boxes (then the truth is no starting circulation).
    /// </summary>
    public static PartitionNetwork? TryBuild(IReadOnlyList<CountTable> tables, long[][] lo, long[][] hi, Partition partition)
    {
        foreach (var k in partition.Parts.Append(partition.Whole))
        {
            var values = tables[k].CellValues;
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] < lo[k][i] || values[i] > hi[k][i])
                {
                    return null;
                }
            }
        }

        return new PartitionNetwork(tables, lo, hi, partition);
    }

    private PartitionNetwork(IReadOnlyList<CountTable> tables, long[][] lo, long[][] hi, Partition partition)
    {
        var h = tables[partition.Whole].Hierarchy;
        var regionCount = h.Regions.Count;
        var departementCount = h.DepartementCodes.Count;
        var parts = partition.Parts.Count;

        // Nodes: 0 = F; 1 + r = W's region r; 1 + R + d = département d; then per part j, R region collectors and one for France.
        int WholeRegion(int r) => 1 + r;
        int Departement(int d) => 1 + regionCount + d;
        int Collector(int j, int r) => 1 + regionCount + departementCount + (j * (regionCount + 1)) + r;
        int FranceCollector(int j) => Collector(j, regionCount);
        nodeCount = 1 + regionCount + departementCount + (parts * (regionCount + 1));

        arcOf = new int[tables.Count][];
        var arcs = new List<(int Tail, int Head, long Lo, long Hi, long Value)>();
        void Arc(int table, int cell, int tail, int head)
        {
            arcOf[table][cell] = arcs.Count;
            arcs.Add((tail, head, lo[table][cell], hi[table][cell], tables[table].CellValues[cell]));
        }

        arcOf[partition.Whole] = new int[h.CellCount];
        for (var r = 0; r < regionCount; r++)
        {
            Arc(partition.Whole, r, 0, WholeRegion(r));
        }

        for (var d = 0; d < departementCount; d++)
        {
            Arc(partition.Whole, regionCount + d, WholeRegion(h.RegionOfDepartement[d]), Departement(d));
        }

        for (var j = 0; j < parts; j++)
        {
            var part = partition.Parts[j];
            arcOf[part] = new int[h.CellCount];
            for (var d = 0; d < departementCount; d++)
            {
                Arc(part, regionCount + d, Departement(d), Collector(j, h.RegionOfDepartement[d]));
            }

            for (var r = 0; r < regionCount; r++)
            {
                Arc(part, r, Collector(j, r), FranceCollector(j));
            }

            // Part j's France, from its collector back to F, is published: an arc with no slack either way, left out.
        }

        // Residual edges: 2a goes the arc's way with hi − value, 2a + 1 the other way with value − lo.
        var count = arcs.Count;
        arcTail = new int[count];
        arcHead = new int[count];
        slackUp = new long[count];
        slackDown = new long[count];
        edgeHead = new int[2 * count];
        residualAtTruth = new long[2 * count];
        var degree = new int[nodeCount + 1];
        for (var a = 0; a < count; a++)
        {
            var (tail, head, l, u, v) = arcs[a];
            (arcTail[a], arcHead[a], slackUp[a], slackDown[a]) = (tail, head, u - v, v - l);
            (edgeHead[2 * a], residualAtTruth[2 * a]) = (head, u - v);
            (edgeHead[(2 * a) + 1], residualAtTruth[(2 * a) + 1]) = (tail, v - l);
            degree[tail + 1]++;
            degree[head + 1]++;
        }

        adjacencyStart = new int[nodeCount + 1];
        for (var n = 0; n < nodeCount; n++)
        {
            adjacencyStart[n + 1] = adjacencyStart[n] + degree[n + 1];
        }

        adjacency = new int[2 * count];
        var fill = adjacencyStart[..^1].ToArray();
        for (var a = 0; a < count; a++)
        {
            adjacency[fill[arcTail[a]]++] = 2 * a;
            adjacency[fill[arcHead[a]]++] = (2 * a) + 1;
        }

        residual = new long[2 * count];
        parentEdge = new int[nodeCount];
        queue = new int[nodeCount];
        seen = new int[nodeCount];
    }

    /// <summary>Whether the table takes part in the network.</summary>
    public bool Holds(int table) => arcOf[table] is not null;

    /// <summary>
    /// How far the cell can move down and up from its true value, each stopped at <paramref name="limit"/> (exact below
    /// it); with a limit on the width, the second direction is only explored for what the first left to reach.
    /// </summary>
    public (long Down, long Up) Range(int table, int cell, long limit, bool limitIsWidth)
    {
        var a = arcOf[table][cell];
        var up = MaximumFlow(arcHead[a], arcTail[a], a, Math.Min(slackUp[a], limit));
        var downLimit = limitIsWidth ? limit - up : limit;
        var down = downLimit <= 0 ? 0 : MaximumFlow(arcTail[a], arcHead[a], a, Math.Min(slackDown[a], downLimit));
        return (down, up);
    }

    /// <summary>Units that can go from source to sink in the residual graph at the truth, without arc <paramref name="excluded"/>, up to the limit.</summary>
    private long MaximumFlow(int source, int sink, int excluded, long limit)
    {
        if (limit <= 0)
        {
            return 0;
        }

        Array.Copy(residualAtTruth, residual, residual.Length);
        long flow = 0;
        while (flow < limit)
        {
            // Shortest augmenting path by breadth-first search.
            stamp++;
            seen[source] = stamp;
            var (front, back) = (0, 0);
            queue[back++] = source;
            while (front < back && seen[sink] != stamp)
            {
                var node = queue[front++];
                for (var e = adjacencyStart[node]; e < adjacencyStart[node + 1]; e++)
                {
                    var edge = adjacency[e];
                    var next = edgeHead[edge];
                    if (residual[edge] > 0 && seen[next] != stamp && edge >> 1 != excluded)
                    {
                        seen[next] = stamp;
                        parentEdge[next] = edge;
                        queue[back++] = next;
                    }
                }
            }

            if (seen[sink] != stamp)
            {
                break;
            }

            var push = limit - flow;
            for (var node = sink; node != source; node = edgeHead[parentEdge[node] ^ 1])
            {
                push = Math.Min(push, residual[parentEdge[node]]);
            }

            for (var node = sink; node != source; node = edgeHead[parentEdge[node] ^ 1])
            {
                residual[parentEdge[node]] -= push;
                residual[parentEdge[node] ^ 1] += push;
            }

            flow += push;
        }

        return flow;
    }
}
