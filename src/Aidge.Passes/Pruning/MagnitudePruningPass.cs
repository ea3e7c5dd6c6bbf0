using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;

namespace Aidge.Passes.Pruning;

/// <summary>
/// Unstructured magnitude pruning: in every Conv, ConvTranspose, Gemm and MatMul (and their fused forms) with a
/// constant floating-point weight, the fraction of weights with the smallest magnitude becomes zero (ties: the lower
/// index first, so the result is the same on every run). The tensors stay dense: the generated kernels have no
/// sparse format, so the model is no smaller or faster; the report shows what the sparsity costs in accuracy.
/// </summary>
public sealed class MagnitudePruningPass : IPass
{
    public string Name => PipelineBuilder.UnstructuredPruning;

    public string Description => "Zeroes the smallest-magnitude fraction of each Conv/ConvTranspose/Gemm/MatMul weight (Prune ratio, per-layer overrides); weights stay dense.";

    public PassResult Run(Graph graph, PassContext context)
    {
        var settings = PruningRatios.Checked(graph, context);
        var notes = new List<string>();
        int pruned = 0;
        foreach (var node in graph.Nodes.ToList())
        {
            double ratio = settings.RatioFor(node.Name);
            if (ratio == 0 || PrunableLayers.WeightIndex(node, context) is not int index)
            {
                continue;
            }
            var weight = context.ConstantOf(node.Input(index)!)!;
            if (!weight.Type.IsFloatingPoint())
            {
                notes.Add($"{node}: weight '{node.Input(index)!.Name}' is {weight.Type.OnnxName()}, not floating point; left as is.");
                continue;
            }
            var (result, zeros) = ZeroSmallest(weight, ratio);
            ConstantInputs.Replace(graph, node, index, result);
            pruned++;
            notes.Add($"{node}: {zeros} of {weight.Length} weights are zero ({100.0 * zeros / Math.Max(1, weight.Length):F1}% sparse).");
        }
        if (pruned > 0)
        {
            notes.Add("Weights stay dense (no sparse format in the generated code): no bytes saved.");
        }
        return new PassResult(pruned, 0, 0, 0, notes);
    }

    /// <summary>A copy with the floor(ratio·n) smallest-magnitude elements zeroed; returns it and its count of zeros.</summary>
    public static (Tensor Result, long Zeros) ZeroSmallest(Tensor weight, double ratio)
    {
        var result = weight.Clone();
        int count = (int)Math.Floor(ratio * weight.Length);
        int size = weight.Type.SizeOf();
        var bytes = result.Bytes.Span;
        foreach (int i in Enumerable.Range(0, weight.Length).OrderBy(i => Math.Abs(weight.GetDouble(i))).ThenBy(i => i).Take(count))
        {
            // All-zero bits are +0 in every floating-point format.
            bytes.Slice(i * size, size).Clear();
        }
        long zeros = Enumerable.Range(0, result.Length).LongCount(i => result.GetDouble(i) == 0);
        return (result, zeros);
    }
}
