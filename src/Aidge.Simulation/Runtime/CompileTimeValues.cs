using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Runtime;

/// <summary>
/// The data of every value of a graph that is known when compiling, once the input dims are static: initializers,
/// what shape inference folded (Constant, Shape of static dims and the small integer computations on it), and the
/// outputs of any node whose inputs are all known, computed with the simulator's kernels (ConstantOfShape of a known
/// shape, Range, a Transpose or Cast of weights...). Exporters turn these values into constant data and emit no code
/// for the nodes that produce them. Generic: no operator is named here. What may be folded, and how large, is
/// <see cref="ConstantFoldingRule"/>, shared with the constant-folding pass.
/// </summary>
public sealed class CompileTimeValues
{
    private readonly Dictionary<Value, Tensor> values = new();

    private CompileTimeValues()
    {
    }

    /// <summary>
    /// The data of the value when it is known at compile time, else null. A node's outputs are known all together or
    /// not at all, so a known output never needs its node to run.
    /// </summary>
    public Tensor? Of(Value value) => value.Initializer ?? values.GetValueOrDefault(value);

    /// <summary>Evaluates the graph's constant part in node order; <paramref name="inference"/> ran on the same graph.</summary>
    public static CompileTimeValues Evaluate(Graph graph, ShapeInference inference, string? file = null)
    {
        var known = new CompileTimeValues();
        var evaluator = new KernelNodeEvaluator(file);
        foreach (var node in graph.Nodes)
        {
            if (ConstantFoldingRule.TryFold(node, inference.ConstantOf, known.Of, evaluator) is not { } results)
            {
                // No kernel, a kernel that rejects these inputs, or data not worth keeping: the node stays code.
                continue;
            }
            for (int i = 0; i < node.Outputs.Count; i++)
            {
                if (node.Outputs[i] is { } output)
                {
                    known.values[output] = results[i]!;
                }
            }
        }
        return known;
    }
}
