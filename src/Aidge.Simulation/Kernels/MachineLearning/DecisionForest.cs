using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.MachineLearning;

/// <summary>
/// The trees of a TreeEnsemble node decoded from its nodes_* / leaf_* attributes: interior nodes and leaves in
/// parallel arrays, each child reference tagged as leaf or interior node.
/// </summary>
internal sealed class DecisionForest
{
    private const byte Member = 6;

    private readonly byte[] modes;
    private readonly long[] features;
    private readonly double[] splits;
    private readonly long[] trueChildren;
    private readonly bool[] trueIsLeaf;
    private readonly long[] falseChildren;
    private readonly bool[] falseIsLeaf;
    private readonly bool[] missingGoesTrue;
    private readonly HashSet<double>?[] memberSets;

    public DecisionForest(Node node)
    {
        modes = Required(node.GetTensor("nodes_modes"), "nodes_modes").ToInt64Array().Select(m => checked((byte)m)).ToArray();
        features = RequiredInts(node, "nodes_featureids");
        splits = Doubles(Required(node.GetTensor("nodes_splits"), "nodes_splits"));
        trueChildren = RequiredInts(node, "nodes_truenodeids");
        trueIsLeaf = RequiredInts(node, "nodes_trueleafs").Select(v => v != 0).ToArray();
        falseChildren = RequiredInts(node, "nodes_falsenodeids");
        falseIsLeaf = RequiredInts(node, "nodes_falseleafs").Select(v => v != 0).ToArray();
        missingGoesTrue = (node.GetInts("nodes_missing_value_tracks_true") ?? new long[modes.Length]).Select(v => v != 0).ToArray();
        Roots = RequiredInts(node, "tree_roots");
        LeafTargets = RequiredInts(node, "leaf_targetids");
        LeafWeights = Doubles(Required(node.GetTensor("leaf_weights"), "leaf_weights"));
        int count = modes.Length;
        if (features.Length != count || splits.Length != count || trueChildren.Length != count || trueIsLeaf.Length != count
            || falseChildren.Length != count || falseIsLeaf.Length != count || missingGoesTrue.Length != count)
        {
            throw new ArgumentException("TreeEnsemble nodes_* attributes must all have the same length.");
        }
        if (LeafTargets.Length != LeafWeights.Length)
        {
            throw new ArgumentException("TreeEnsemble leaf_targetids and leaf_weights must have the same length.");
        }
        memberSets = MemberSets(node.GetTensor("membership_values"));
    }

    public long[] Roots { get; }

    public long[] LeafTargets { get; }

    public double[] LeafWeights { get; }

    public int FeatureLimit => features.Length == 0 ? 0 : (int)features.Max() + 1;

    /// <summary>The leaf that <paramref name="row"/> reaches from interior node <paramref name="root"/>.</summary>
    public int LeafOf(long root, ReadOnlySpan<double> row)
    {
        long current = root;
        // A well-formed tree visits each interior node at most once; more steps mean a cycle.
        for (int steps = 0; steps <= modes.Length; steps++)
        {
            int i = checked((int)current);
            double x = row[(int)features[i]];
            bool goesTrue = double.IsNaN(x) && missingGoesTrue[i] || Compare(i, x);
            (current, bool isLeaf) = goesTrue ? (trueChildren[i], trueIsLeaf[i]) : (falseChildren[i], falseIsLeaf[i]);
            if (isLeaf)
            {
                return checked((int)current);
            }
        }
        throw new ArgumentException($"TreeEnsemble tree rooted at node {root} has a cycle.");
    }

    private bool Compare(int i, double x) => modes[i] switch
    {
        0 => x <= splits[i],
        1 => x < splits[i],
        2 => x >= splits[i],
        3 => x > splits[i],
        4 => x == splits[i],
        5 => x != splits[i],
        Member => memberSets[i]!.Contains(x),
        _ => throw new ArgumentException($"TreeEnsemble node mode {modes[i]} is not one of 0 to 6."),
    };

    /// <summary>The member set of each BRANCH_MEMBER node: membership_values split at NaNs, in node order.</summary>
    private HashSet<double>?[] MemberSets(Tensor? membership)
    {
        var sets = new HashSet<double>?[modes.Length];
        var values = membership is null ? [] : Doubles(membership);
        int position = 0;
        for (int i = 0; i < modes.Length; i++)
        {
            if (modes[i] != Member)
            {
                continue;
            }
            var set = new HashSet<double>();
            for (; position < values.Length && !double.IsNaN(values[position]); position++)
            {
                set.Add(values[position]);
            }
            position++;
            sets[i] = set;
        }
        return sets;
    }

    private static Tensor Required(Tensor? tensor, string name) =>
        tensor ?? throw new ArgumentException($"TreeEnsemble needs the {name} attribute.");

    private static long[] RequiredInts(Node node, string name) =>
        node.GetInts(name) ?? throw new ArgumentException($"TreeEnsemble needs the {name} attribute.");

    private static double[] Doubles(Tensor tensor)
    {
        var result = new double[tensor.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = tensor.GetDouble(i);
        }
        return result;
    }
}
