using Aidge.Core.Tensors;

namespace Aidge.Core.Graphs;

/// <summary>
/// Computes one node's outputs from constant inputs. Defined here so that passes (which sit on Core only) can fold
/// with the simulator's kernels without referencing the simulator: the simulator implements it and the compiler
/// hands it to the passes.
/// </summary>
public interface INodeEvaluator
{
    /// <summary>The outputs (null for an omitted one), or null when the node cannot be evaluated here.</summary>
    IReadOnlyList<Tensor?>? TryEvaluate(Node node, IReadOnlyList<Tensor?> inputs);
}
