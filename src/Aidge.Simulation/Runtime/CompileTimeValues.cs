using Aidge.Core.Diagnostics;
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
        var interpreter = new Interpreter(graph, file: file);
        foreach (var node in graph.Nodes)
        {
            var outputs = node.Outputs.OfType<Value>().ToList();
            if (outputs.Count == 0)
            {
                continue;
            }
            var results = outputs.All(o => inference.ConstantOf(o) is not null)
                ? outputs.Select(o => inference.ConstantOf(o)!).ToList()
                : known.Fold(node, interpreter);
            if (results is null)
            {
                continue;
            }
            for (int i = 0; i < outputs.Count; i++)
            {
                known.values[outputs[i]] = results[i];
            }
        }
        return known;
    }

    /// <summary>Runs the node's kernel when all its inputs are known; null when it cannot or should not be folded.</summary>
    private List<Tensor>? Fold(Node node, Interpreter interpreter)
    {
        if (!ConstantFoldingRule.MayEvaluate(node))
        {
            return null;
        }
        var inputs = node.Inputs.Select(v => v is null ? null : Of(v)).ToList();
        if (node.Inputs.Where((v, i) => v is not null && inputs[i] is null).Any())
        {
            return null;
        }
        long limit = ConstantFoldingRule.OutputLimit(inputs);
        if (ConstantFoldingRule.DeclaredTooLarge(node, limit))
        {
            return null;
        }
        IReadOnlyList<object?> results;
        try
        {
            results = interpreter.RunNode(node, inputs);
        }
        catch (AidgeException)
        {
            // No kernel, or the kernel rejects these inputs: the node stays code and the exporter decides.
            return null;
        }
        var tensors = new List<Tensor>();
        for (int i = 0; i < node.Outputs.Count; i++)
        {
            if (node.Outputs[i] is null)
            {
                continue;
            }
            if (results[i] is not Tensor tensor || tensor.Bytes.Length > limit)
            {
                // A sequence or optional output, or more data than is worth keeping.
                return null;
            }
            tensors.Add(tensor);
        }
        return tensors;
    }
}
