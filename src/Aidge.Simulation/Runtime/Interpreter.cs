using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Runtime;

/// <summary>
/// The reference interpreter: executes a graph node by node with the simulator's kernels. Values are freed
/// after their last use unless the caller asks to keep every intermediate. A cancellation token bounds the
/// run: a model whose Loop never ends must stop a build with a diagnostic, not hang it.
/// </summary>
public sealed class Interpreter
{
    private readonly Graph graph;
    private readonly KernelRegistry kernels;
    private readonly OperatorRegistry schemas;
    private readonly string? file;
    private readonly CancellationToken cancellation;
    private readonly Dictionary<Graph, Dictionary<Value, int>> lastUses = new(ReferenceEqualityComparer.Instance);

    public Interpreter(Graph graph, KernelRegistry? kernels = null, string? file = null, OperatorRegistry? schemas = null, CancellationToken cancellation = default)
    {
        this.graph = graph;
        this.kernels = kernels ?? KernelRegistry.Default;
        this.schemas = schemas ?? OperatorRegistry.Default;
        this.file = file;
        this.cancellation = cancellation;
    }

    /// <summary>The nodes (including those in subgraphs) that have no kernel at the graph's opset.</summary>
    public IEnumerable<Node> MissingKernels() => AllNodes(graph).Where(n => FindKernel(n) is null);

    /// <summary>Runs the graph on its runtime inputs in order and returns the graph outputs in order.</summary>
    public IReadOnlyList<object?> Run(IReadOnlyList<object?> inputs)
    {
        var runtimeInputs = graph.RuntimeInputs.ToList();
        if (inputs.Count != runtimeInputs.Count)
        {
            throw new AidgeException(DiagnosticCodes.InputMismatch, $"The model takes {runtimeInputs.Count} inputs, {inputs.Count} were given.", file);
        }
        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (int i = 0; i < inputs.Count; i++)
        {
            named[runtimeInputs[i].Name] = inputs[i];
        }
        var results = Run(named);
        return graph.Outputs.Select(o => results[o.Name]).ToList();
    }

    /// <summary>Runs the graph on named inputs; returns graph outputs, plus every intermediate value on request.</summary>
    public IReadOnlyDictionary<string, object?> Run(IReadOnlyDictionary<string, object?> inputs, bool keepIntermediates = false)
    {
        var scope = new Scope(null);
        foreach (var input in graph.RuntimeInputs)
        {
            if (!inputs.TryGetValue(input.Name, out var given))
            {
                throw new AidgeException(DiagnosticCodes.InputMismatch, $"Input '{input.Name}' was not given.", file);
            }
            CheckInput(input, given);
            scope.Set(input, given);
        }
        Execute(graph, scope, keepIntermediates);
        var results = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (keepIntermediates)
        {
            foreach (var (value, result) in scope.Local)
            {
                results[value.Name] = result;
            }
        }
        foreach (var output in graph.Outputs)
        {
            results[output.Name] = Lookup(scope, output);
        }
        return results;
    }

    /// <summary>
    /// Executes one node of the graph on the given input data (one entry per node input, null where omitted) and returns
    /// its outputs: how compile-time evaluation runs the kernels on constant inputs without running the graph.
    /// </summary>
    public IReadOnlyList<object?> RunNode(Node node, IReadOnlyList<object?> inputs)
    {
        var scope = new Scope(null);
        for (int i = 0; i < node.Inputs.Count; i++)
        {
            if (node.Inputs[i] is { } input)
            {
                scope.Set(input, i < inputs.Count ? inputs[i] : null);
            }
        }
        ExecuteNode(node, scope);
        return node.Outputs.Select(o => o is not null && scope.TryGet(o, out var result) ? result : null).ToList();
    }

    internal object?[] RunSubgraph(Graph subgraph, IReadOnlyList<object?> inputs, Scope parent)
    {
        var scope = new Scope(parent);
        for (int i = 0; i < subgraph.Inputs.Count; i++)
        {
            scope.Set(subgraph.Inputs[i], i < inputs.Count ? inputs[i] : null);
        }
        Execute(subgraph, scope, keepIntermediates: false);
        return subgraph.Outputs.Select(o => Lookup(scope, o)).ToArray();
    }

    private void Execute(Graph target, Scope scope, bool keepIntermediates)
    {
        foreach (var initializer in target.Initializers)
        {
            scope.Set(initializer, initializer.Initializer);
        }
        var lastUse = keepIntermediates ? null : LastUsesOf(target);
        var outputs = new HashSet<Value>(target.Outputs);
        for (int index = 0; index < target.Nodes.Count; index++)
        {
            var node = target.Nodes[index];
            ExecuteNode(node, scope);
            if (lastUse is null)
            {
                continue;
            }
            foreach (var input in node.Inputs)
            {
                if (input is not null && lastUse.GetValueOrDefault(input) == index && !outputs.Contains(input) && input.Initializer is null && input.Producer?.Graph == target)
                {
                    scope.Remove(input);
                }
            }
        }
    }

    private void ExecuteNode(Node node, Scope scope)
    {
        if (cancellation.IsCancellationRequested)
        {
            throw new AidgeException(DiagnosticCodes.SimulationCancelled,
                "The simulation was stopped before this node: it ran past its time limit (a Loop that never ends?).", file, node.DisplayName);
        }
        var binding = FindKernel(node)
            ?? throw new AidgeException(DiagnosticCodes.NoKernel,
                $"The simulator has no kernel for {node.OpType} at opset {node.Graph.OpsetOf(node.Domain)}.", file, node.DisplayName);
        var inputs = node.Inputs.Select(v => v is null ? null : Lookup(scope, v)).ToArray();
        bool widened = false;
        if (binding.Declaration.WidenHalfPrecision)
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                if (inputs[i] is Tensor { Type: DataType.Float16 or DataType.BFloat16 } half)
                {
                    inputs[i] = HalfPrecision.Widen(half);
                    widened = true;
                }
            }
        }
        int version = node.Graph.OpsetOf(node.Domain);
        var context = new KernelContext(node, version, schemas.Find(node.Domain, node.OpType, version), inputs, this, scope);
        try
        {
            binding.Kernel.Execute(context);
        }
        catch (AidgeException e)
        {
            throw e.WithFile(file);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException
                                      or InvalidCastException or NotSupportedException or NotImplementedException or DivideByZeroException)
        {
            throw new AidgeException(DiagnosticCodes.KernelFailed, $"{node.OpType} failed: {e.Message}", file, node.DisplayName, e);
        }
        for (int i = 0; i < node.Outputs.Count; i++)
        {
            if (node.Outputs[i] is not { } output)
            {
                continue;
            }
            var result = context.Outputs[i];
            if (widened && result is Tensor { Type: DataType.Float } wide && output.ElementType.IsHalfPrecision())
            {
                result = HalfPrecision.Narrow(wide, output.ElementType);
            }
            scope.Set(output, result);
        }
    }

    private KernelBinding? FindKernel(Node node) => kernels.Find(node.Domain, node.OpType, node.Graph.OpsetOf(node.Domain));

    private object? Lookup(Scope scope, Value value)
    {
        if (scope.TryGet(value, out var result))
        {
            return result;
        }
        if (value.Initializer is { } constant)
        {
            return constant;
        }
        throw new AidgeException(DiagnosticCodes.UndefinedValue, $"Value '{value.Name}' has not been computed.", file, value.Producer?.DisplayName);
    }

    private void CheckInput(Value input, object? given)
    {
        if (given is not Tensor tensor)
        {
            return;
        }
        if (input.ElementType != DataType.Undefined && input.Type is TensorType && tensor.Type != input.ElementType)
        {
            throw new AidgeException(DiagnosticCodes.InputMismatch,
                $"Input '{input.Name}' must be {input.ElementType.OnnxName()}, got {tensor.Type.OnnxName()}.", file);
        }
        if (input.Shape is { } shape)
        {
            bool matches = shape.Rank == tensor.Rank && shape.Select((d, i) => !d.IsKnown || d.Value == tensor.Dims[i]).All(ok => ok);
            if (!matches)
            {
                throw new AidgeException(DiagnosticCodes.InputMismatch,
                    $"Input '{input.Name}' must have shape {shape}, got [{string.Join(",", tensor.Dims)}].", file);
            }
        }
    }

    /// <summary>Last uses per graph, computed once per interpreter: a Loop body runs once per iteration.</summary>
    private Dictionary<Value, int> LastUsesOf(Graph target)
    {
        lock (lastUses)
        {
            if (!lastUses.TryGetValue(target, out var result))
            {
                lastUses[target] = result = LastUses(target);
            }
            return result;
        }
    }

    /// <summary>For each value, the index of the last node of the graph that reads it (directly or from a subgraph).</summary>
    private static Dictionary<Value, int> LastUses(Graph target)
    {
        var lastUse = new Dictionary<Value, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < target.Nodes.Count; i++)
        {
            var node = target.Nodes[i];
            foreach (var input in node.Inputs)
            {
                if (input is not null)
                {
                    lastUse[input] = i;
                }
            }
            foreach (var name in node.Attributes.SelectMany(Graph.SubgraphsOf).SelectMany(g => g.OuterScopeReferences()))
            {
                if (target.Find(name) is { } outer)
                {
                    lastUse[outer] = i;
                }
            }
        }
        return lastUse;
    }

    private static IEnumerable<Node> AllNodes(Graph g) =>
        g.Nodes.SelectMany(n => new[] { n }.Concat(n.Attributes.SelectMany(Graph.SubgraphsOf).SelectMany(AllNodes)));
}
