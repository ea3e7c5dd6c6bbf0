using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Runtime;

/// <summary>
/// Evaluates one node with the simulator's kernel: how passes fold constants with exactly the arithmetic the
/// simulator (and so the verification) uses.
/// </summary>
public sealed class KernelNodeEvaluator(string? file = null) : INodeEvaluator
{
    public IReadOnlyList<Tensor?>? TryEvaluate(Node node, IReadOnlyList<Tensor?> inputs)
    {
        if (KernelRegistry.Default.Find(node.Domain, node.OpType, node.Graph.OpsetOf(node.Domain)) is null)
        {
            return null;
        }
        try
        {
            var outputs = new Interpreter(node.Graph, file: file).RunNode(node, inputs.Cast<object?>().ToList());
            return outputs.All(o => o is null or Tensor) ? outputs.Cast<Tensor?>().ToList() : null;
        }
        catch (AidgeException)
        {
            // A kernel that rejects these inputs leaves the node to run time, where the user sees the error in context.
            return null;
        }
    }
}
