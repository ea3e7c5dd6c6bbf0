using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Passes.Pruning;

/// <summary>Gives a node's constant input new data without touching the other readers of the old data.</summary>
public static class ConstantInputs
{
    /// <summary>
    /// Input <paramref name="index"/> of <paramref name="node"/> reads <paramref name="data"/> from now on: its initializer is
    /// rewritten when this node is its only reader, else the node reads a new initializer (a weight shared with another
    /// layer, or one a Constant node produces, keeps its old data for the others).
    /// </summary>
    public static void Replace(Graph graph, Node node, int index, Tensor data)
    {
        var value = node.Input(index) ?? throw new ArgumentException($"Input {index} of {node} is omitted.", nameof(index));
        bool onlyReader = value.Initializer is not null && value.Consumers.All(c => c == node) && node.Inputs.Count(v => v == value) == 1
            && !graph.Outputs.Contains(value) && !graph.Inputs.Contains(value);
        if (onlyReader)
        {
            value.Initializer = data;
            value.Type = new TensorType(data.Type, data.Shape);
            return;
        }
        node.SetInput(index, graph.AddInitializer(graph.UniqueName(value.Name + "_pruned"), data));
    }
}
