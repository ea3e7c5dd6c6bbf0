using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Folding;

/// <summary>
/// Computes at compile time every node whose outputs are known: Constant nodes, what shape inference folded (Shape of
/// static dims and the integer arithmetic on it), and any node whose inputs are all known, run with the context's
/// evaluator (the simulator's kernels). The outputs become initializers and the nodes go. This is what removes the
/// Shape → Gather → Unsqueeze → Concat → Reshape chains of PyTorch exports once input dims are static. What may be
/// folded and how large its output may be is <see cref="ConstantFoldingRule"/>, the rule the exporters' compile-time
/// data follows too: random generators, nodes with subgraphs and outputs much larger than their inputs stay code.
/// </summary>
public sealed class FoldConstants : IPass
{
    public string Name => "fold-constants";

    public string Description => "Computes nodes whose inputs are known when compiling (Constant, shape chains, arithmetic on weights) and stores their outputs as initializers.";

    public PassResult Run(Graph graph, PassContext context)
    {
        long bytesBefore = GraphEdits.ParameterBytes(graph);
        var known = new Dictionary<Value, Tensor>();
        Tensor? Known(Value value) => known.GetValueOrDefault(value) ?? context.ConstantOf(value);

        var folded = new List<Node>();
        foreach (var node in graph.Nodes)
        {
            if (ConstantFoldingRule.TryFold(node, context.ConstantOf, Known, context.Evaluator) is not { } results)
            {
                continue;
            }
            for (int i = 0; i < node.Outputs.Count; i++)
            {
                if (node.Outputs[i] is { } output)
                {
                    known[output] = results[i]!;
                }
            }
            folded.Add(node);
        }
        if (folded.Count == 0)
        {
            return PassResult.Unchanged;
        }

        // Remove every folded node first: an output that only other folded nodes read needs no initializer.
        foreach (var node in folded)
        {
            graph.RemoveNode(node);
        }
        foreach (var output in folded.SelectMany(n => n.Outputs).OfType<Value>().Where(o => GraphEdits.IsUsed(graph, o)))
        {
            var data = known[output];
            output.Initializer = data;
            output.Type = new TensorType(data.Type, data.Shape);
            graph.Initializers.Add(output);
        }
        foreach (var input in folded.SelectMany(n => n.Inputs).OfType<Value>().Distinct().Where(v => v.Initializer is not null).ToList())
        {
            GraphEdits.RemoveInitializerIfUnused(graph, input);
        }
        return new PassResult(folded.Count, folded.Count, 0, bytesBefore - GraphEdits.ParameterBytes(graph), []);
    }
}
