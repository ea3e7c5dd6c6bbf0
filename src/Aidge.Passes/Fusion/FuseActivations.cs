using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;

namespace Aidge.Passes.Fusion;

/// <summary>
/// Conv or Gemm (float32) followed by an activation becomes one FusedConv or FusedGemm (ai.aidge), whose kernel
/// applies the activation as it stores each output instead of writing the tensor and reading it back: Relu, Clip
/// with constant bounds (Relu6), LeakyRelu, Sigmoid, HardSigmoid, HardSwish, Tanh, and x·sigmoid(x) (Swish). Only
/// where the Conv/Gemm output (and the Sigmoid's, for Swish) goes to those nodes alone (not to a node of a subgraph)
/// and is neither a graph output nor a subgraph's. The fused node takes over the activation's output, so graph output names stay.
/// </summary>
public sealed class FuseActivations : IPass
{
    public string Name => "fuse-activations";

    public string Description => "Conv/Gemm + Relu, Clip, LeakyRelu, Sigmoid, HardSigmoid, HardSwish, Tanh or x*sigmoid(x) -> FusedConv/FusedGemm";

    public PassResult Run(Graph graph, PassContext context)
    {
        var subgraphOutputs = SubgraphOutputs(graph);
        var fused = new List<(Node Producer, ActivationMatch Match)>();
        foreach (var producer in graph.Nodes)
        {
            if (FusedOpType(producer) is not null && producer.Output(0) is { ElementType: DataType.Float } output
                && ActivationMatch.Of(output, graph, context) is { } match
                && match.Nodes.SelectMany(n => n.Outputs).Where(v => v is not null && v != match.Output).Append(output)
                    .All(v => !graph.Outputs.Contains(v!) && !subgraphOutputs.Contains(v!)))
            {
                fused.Add((producer, match));
            }
        }
        if (fused.Count == 0)
        {
            return PassResult.Unchanged;
        }
        AidgeDomain.EnsureImported(graph);
        foreach (var (producer, match) in fused)
        {
            Replace(graph, producer, match);
        }
        graph.SortTopologically();
        var counts = fused.GroupBy(f => $"{FusedOpType(f.Producer)} + {f.Match.Activation.Name}").OrderBy(g => g.Key, StringComparer.Ordinal);
        return new PassResult(fused.Count, fused.Sum(f => 1 + f.Match.Nodes.Count), fused.Count, 0,
            [.. counts.Select(g => $"{g.Key}: {g.Count()}")]);
    }

    /// <summary>The fused form of a node of the default domain, or null when it has none.</summary>
    private static string? FusedOpType(Node node) => node.Domain.Length != 0 ? null : node.OpType switch
    {
        "Conv" => "FusedConv",
        "Gemm" => "FusedGemm",
        _ => null,
    };

    /// <summary>
    /// One fused node with the producer's inputs and the attributes its schema shares with the fused one (Gemm before
    /// opset 11 also has 'broadcast', which later Gemm always allows), writing the activation's output.
    /// </summary>
    private static void Replace(Graph graph, Node producer, ActivationMatch match)
    {
        string opType = FusedOpType(producer)!;
        var schema = OperatorRegistry.Default.Find(AidgeDomain.Name, opType, AidgeDomain.Version)!;
        var node = graph.AddNode(opType, producer.Inputs, [match.Output], producer.Name, AidgeDomain.Name);
        foreach (var attribute in producer.Attributes.Where(a => schema.Attributes.ContainsKey(a.Name)))
        {
            node.SetAttribute(attribute);
        }
        match.Activation.WriteTo(node);
        // The fused node now produces the activation's output (same name, element type and shape), so removing the
        // activation leaves it alone; the producer's output is read by nothing any more.
        foreach (var removed in match.Nodes.Prepend(producer))
        {
            graph.RemoveNode(removed);
        }
    }

    /// <summary>
    /// The outputs of nested subgraphs (If branches, Loop and Scan bodies), at any depth. A subgraph may return a value
    /// of this graph as is, without a node that reads it; a subgraph node that reads one is among its consumers.
    /// </summary>
    private static HashSet<Value> SubgraphOutputs(Graph graph)
    {
        var outputs = new HashSet<Value>();
        foreach (var subgraph in graph.Nodes.SelectMany(n => n.Attributes).SelectMany(Graph.SubgraphsOf))
        {
            outputs.UnionWith(subgraph.Outputs);
            outputs.UnionWith(SubgraphOutputs(subgraph));
        }
        return outputs;
    }
}
