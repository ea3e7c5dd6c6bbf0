using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Passes.Pipeline;

/// <summary>
/// Computes one node's outputs from constant inputs. Passes cannot reference the simulator (both sit on Core
/// only), so the compiler hands them one that runs the simulator's kernel; folding is limited to what shape
/// inference already knows when none is given.
/// </summary>
public interface INodeEvaluator
{
    /// <summary>The outputs (null for an omitted one), or null when the node cannot be evaluated here.</summary>
    IReadOnlyList<Tensor?>? TryEvaluate(Node node, IReadOnlyList<Tensor?> inputs);
}
