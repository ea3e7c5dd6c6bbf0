using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Passes.Memory;

/// <summary>One arena tensor: its value, its size, and the steps it is alive (written at the first, last read at the last).</summary>
public sealed record TensorLifetime(Value Value, long Bytes, int FirstStep, int LastStep)
{
    public bool AliveAt(int step) => FirstStep <= step && step <= LastStep;
}

/// <summary>
/// The steps of a compiled model and the lifetimes of the tensors that live in its arena, by the rules every exporter
/// follows: a step is a node with an output not known when compiling (nodes whose outputs are all constant run at
/// compile time); runtime graph inputs live in the caller's input buffers, graph outputs that a step writes in the
/// caller's output buffers, constants in the weights; every other tensor a step reads or writes is in the arena. A
/// graph output the arena holds (one copied into the caller's buffer at the end) stays alive past the last step.
/// </summary>
public sealed class TensorLifetimes
{
    private TensorLifetimes(IReadOnlyList<Node> steps, IReadOnlyList<TensorLifetime> tensors)
    {
        Steps = steps;
        Tensors = tensors;
    }

    /// <summary>The nodes that run, in graph order: step i is Steps[i].</summary>
    public IReadOnlyList<Node> Steps { get; }

    /// <summary>The arena tensors, in the order the steps first mention them.</summary>
    public IReadOnlyList<TensorLifetime> Tensors { get; }

    /// <param name="isConstant">Whether a value's data is known when compiling and held as constant data by the target.</param>
    public static TensorLifetimes Of(Graph graph, Func<Value, bool> isConstant)
    {
        var steps = graph.Nodes.Where(n => !n.Outputs.OfType<Value>().All(isConstant)).ToList();
        var stepOf = steps.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);
        var written = steps.SelectMany(n => n.Outputs).OfType<Value>().ToHashSet();
        var callerBuffers = graph.RuntimeInputs.Concat(graph.Outputs.Where(o => written.Contains(o) && !isConstant(o))).ToHashSet();
        var tensors = new List<TensorLifetime>();
        foreach (var value in steps.SelectMany(n => n.Inputs.Concat(n.Outputs)).Concat(graph.Outputs).OfType<Value>().Distinct())
        {
            if (callerBuffers.Contains(value) || isConstant(value))
            {
                continue;
            }
            int first = value.Producer is { } producer && stepOf.TryGetValue(producer, out int p) ? p : 0;
            int last = graph.Outputs.Contains(value)
                ? steps.Count
                : value.Consumers.Where(stepOf.ContainsKey).Select(c => stepOf[c]).DefaultIfEmpty(first).Max();
            tensors.Add(new TensorLifetime(value, BytesOf(value), first, Math.Max(first, last)));
        }
        return new TensorLifetimes(steps, tensors);
    }

    /// <summary>
    /// The tensor's size; 0 when its shape is not static or it is not a tensor (a target that needs static shapes
    /// rejects such a graph before it uses the plan, so the figure is only ever reported for graphs it can place).
    /// </summary>
    private static long BytesOf(Value value) =>
        value.Shape is { IsStatic: true } shape ? shape.ElementCount!.Value * value.ElementType.SizeOf() : 0;
}
