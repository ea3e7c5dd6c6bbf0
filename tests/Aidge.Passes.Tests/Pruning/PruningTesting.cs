using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Pruning;
using Aidge.Passes.Tests.Support;
using Aidge.Simulation.Runtime;

namespace Aidge.Passes.Tests.Pruning;

/// <summary>Contexts with pruning settings, and the counts pruning tests compare.</summary>
public static class PruningTesting
{
    public static PassContext Context(double ratio, PruneMode mode, params (string Layer, double Ratio)[] perLayer) =>
        new(PassTesting.FileName)
        {
            Evaluator = new KernelNodeEvaluator(PassTesting.FileName),
            Pruning = new PruningSettings(ratio, perLayer.ToDictionary(p => p.Layer, p => p.Ratio), mode),
        };

    /// <summary>The elements of the constant tensors the nodes read.</summary>
    public static long Parameters(Graph graph) =>
        graph.Nodes.SelectMany(n => n.Inputs).OfType<Value>().Distinct().Sum(v => (long?)v.Initializer?.Length ?? 0);

    /// <summary>How many elements of a node's input are zero.</summary>
    public static int Zeros(Graph graph, string node, int input) =>
        graph.Nodes.Single(n => n.Name == node).Input(input)!.Initializer is { } t ? Enumerable.Range(0, t.Length).Count(i => t.GetDouble(i) == 0) : -1;

    /// <summary>The tensor with the listed slices of axis 0 set to zero.</summary>
    public static Tensor ZeroRows(Tensor tensor, params int[] rows)
    {
        var result = tensor.Clone();
        int row = result.Length / (int)result.Dims[0];
        var span = result.Span<float>();
        foreach (int r in rows)
        {
            span.Slice(r * row, row).Clear();
        }
        return result;
    }
}
