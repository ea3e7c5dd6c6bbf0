using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels;

/// <summary>The outcome of planning: the plan when every node could be planned, and the diagnostics either way.</summary>
public sealed record PlanResult(ExportPlan? Plan, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Analysis of a kernel-based target (OpenMP C, CUDA; its <see cref="EmitterRegistry"/> says which): checks that every
/// node has an emitter and every value a static shape and a C type
/// (reporting all problems, not just the first), places each tensor (caller buffers, weights blob, arena), and asks each
/// node's emitter for its calls. Writes nothing: the target's source emitter (e.g. <see cref="OpenMpSourceEmitter"/>) turns the plan into text.
/// Values whose data is known when compiling (the caller's <c>knownData</c>: initializers, folded shape computations)
/// are constant data in the weights blob, and a node whose outputs are all known emits no code and needs no emitter.
/// </summary>
public sealed class KernelPlanner
{
    private readonly Graph graph;
    private readonly string? file;
    private readonly KernelTarget target;
    private readonly List<Diagnostic> diagnostics = new();
    private readonly Dictionary<Value, TensorRef> tensors = new();
    private readonly Func<Value, Tensor?> knownData;
    private readonly MemoryPlan memory;
    private readonly List<Node> running;

    private KernelPlanner(Graph graph, Func<Value, Tensor?> knownData, MemoryPlan memory, string? file, KernelTarget target)
    {
        if (memory.Alignment % WeightsBlob.Alignment != 0)
        {
            throw new ArgumentException($"The memory plan aligns tensors to {memory.Alignment} bytes; the generated code needs a multiple of {WeightsBlob.Alignment}.", nameof(memory));
        }
        this.graph = graph;
        this.knownData = knownData;
        this.memory = memory;
        this.file = file;
        this.target = target;
        running = graph.Nodes.Where(n => !n.Outputs.OfType<Value>().All(v => Known(v) is not null)).ToList();
    }

    /// <summary>
    /// Plans the graph. <paramref name="knownData"/> gives the data of values known when compiling (at least the
    /// initializers); <paramref name="memory"/> places the arena tensors (planned by the rules of
    /// the target's rules, <see cref="KernelTarget"/>); <paramref name="threads"/> is the thread count a new context starts with (0 = the OpenMP default; targets without threads ignore it).
    /// </summary>
    public static PlanResult Plan(Graph graph, Func<Value, Tensor?> knownData, MemoryPlan memory, string prefix, KernelTarget target, string? file = null, int threads = 0) =>
        new KernelPlanner(graph, knownData, memory, file, target).Run(prefix, threads);

    private PlanResult Run(string prefix, int threads)
    {
        var emitters = FindEmitters();
        CheckValues();
        if (diagnostics.Count > 0)
        {
            return new PlanResult(null, diagnostics);
        }
        var weights = PlaceTensors(out long arenaBytes);
        var nodes = new List<PlannedNode>();
        for (int i = 0; i < running.Count; i++)
        {
            if (PlanNode(running[i], emitters[i]) is { } planned)
            {
                nodes.Add(planned);
            }
        }
        nodes.AddRange(OutputCopies());
        if (diagnostics.Count > 0)
        {
            return new PlanResult(null, diagnostics);
        }
        var plan = new ExportPlan(
            prefix,
            threads,
            graph.RuntimeInputs.Select(v => tensors[v]).ToEquatableArray(),
            graph.Outputs.Select((v, i) => tensors[v] with { Kind = BufferKind.Output, Location = i }).ToEquatableArray(),
            arenaBytes,
            weights.ToArray().ToEquatableArray(),
            nodes.ToEquatableArray());
        return new PlanResult(plan, diagnostics);
    }

    private List<EmitterBinding?> FindEmitters()
    {
        var found = new List<EmitterBinding?>();
        foreach (var node in running)
        {
            int version = graph.OpsetOf(node.Domain);
            var binding = target.Emitters.Find(node.Domain, node.OpType, version);
            if (binding is null)
            {
                string why = target.Emitters.Contains(node.Domain, node.OpType)
                    ? $"The {Target} target supports {node.OpType} but not at opset {version}; re-export the model at another opset"
                    : $"The {Target} target has no emitter for operator {node.OpType}{DomainSuffix(node)}; replace it before export, or use the simulator (aidgec ops lists what each target supports)";
                Report(DiagnosticCodes.OperatorNotExported, why + ".", node);
            }
            found.Add(binding);
        }
        return found;
    }

    private void CheckValues()
    {
        var reported = new HashSet<Value>();
        foreach (var value in graph.RuntimeInputs.Concat(running.SelectMany(n => n.Inputs.Concat(n.Outputs))).Concat(graph.Outputs))
        {
            if (value is null || !reported.Add(value) || Known(value) is not null)
            {
                continue;
            }
            string? problem = value.Type switch
            {
                TensorType { Shape: null } => "has an unknown rank",
                TensorType { Shape.IsStatic: false } t => $"has a shape that is not static ({t.Shape}); fix the input dims with --dim NAME=VALUE",
                TensorType t when CTypes.Of(t.Element) is null => $"has element type {t.Element.OnnxName()}, which the {Target} target cannot hold",
                TensorType => null,
                null => "has no inferred type",
                _ => $"is a {value.Type}, not a tensor; the {Target} target handles tensors only",
            };
            if (problem is not null)
            {
                string code = value.Type is TensorType or null ? DiagnosticCodes.DynamicShape : DiagnosticCodes.NonTensorValue;
                Report(code, $"Tensor '{value.Name}' {problem}.", value.Producer);
            }
        }
    }

    /// <summary>Gives every tensor its buffer; returns the weights blob and the arena size.</summary>
    private WeightsBlob PlaceTensors(out long arenaBytes)
    {
        var weights = new WeightsBlob();
        foreach (var (input, index) in graph.RuntimeInputs.Select((v, i) => (v, i)))
        {
            tensors[input] = Ref(input, BufferKind.Input, index);
        }
        var nodeOutputs = running.SelectMany(n => n.Outputs).OfType<Value>().ToHashSet();
        for (int i = 0; i < graph.Outputs.Count; i++)
        {
            var output = graph.Outputs[i];
            if (nodeOutputs.Contains(output) && Known(output) is null && !tensors.ContainsKey(output))
            {
                tensors[output] = Ref(output, BufferKind.Output, i);
            }
        }
        // Only what the emitted code reads or writes gets a buffer: the inputs of folded nodes never reach the library.
        foreach (var value in running.SelectMany(n => n.Inputs.Concat(n.Outputs)).Concat(graph.Outputs).OfType<Value>().Distinct())
        {
            if (tensors.ContainsKey(value))
            {
                continue;
            }
            if (Known(value) is { } constant)
            {
                tensors[value] = new TensorRef(value.Name, constant.Type, constant.Dims.ToEquatableArray(), BufferKind.Weights, weights.Add(constant.Bytes.Span));
                continue;
            }
            long offset = memory.Offsets.TryGetValue(value.Name, out long planned)
                ? planned
                : throw new InvalidOperationException($"The memory plan has no offset for tensor '{value.Name}': it was planned for another graph or other constants.");
            tensors[value] = Ref(value, BufferKind.Arena, offset);
        }
        arenaBytes = memory.ArenaBytes;
        return weights;
    }

    private PlannedNode? PlanNode(Node node, EmitterBinding? binding)
    {
        if (binding is null)
        {
            return null;
        }
        int version = graph.OpsetOf(node.Domain);
        var inputs = node.Inputs.Select(v => v is null ? null : tensors[v]).ToList();
        var outputs = node.Outputs.Select(v => v is null ? null : tensors[v]).ToList();
        var context = new NodeContext(node, version, OperatorRegistry.Default.Find(node.Domain, node.OpType, version), inputs, outputs, Known, Target);
        try
        {
            var calls = binding.Emitter.Plan(context).ToEquatableArray();
            return new PlannedNode($"{node.OpType} '{node.DisplayName}'", calls, NodeWork.Of(node, inputs, outputs));
        }
        catch (Exception e) when (e is UnsupportedNodeException or AidgeException or ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            // Attribute values the schema let through but the emitter cannot use (an axis out of range) end here too.
            string why = e is AidgeException a ? a.Diagnostic.Message : e.Message;
            Report(DiagnosticCodes.NodeNotExported, $"The {Target} target cannot export this {node.OpType}: {why.TrimEnd('.')}.", node);
            return null;
        }
    }

    /// <summary>Graph outputs that no node writes into the caller's buffer (inputs, constants, repeated outputs) are copied there at the end.</summary>
    private IEnumerable<PlannedNode> OutputCopies()
    {
        for (int i = 0; i < graph.Outputs.Count; i++)
        {
            var source = tensors[graph.Outputs[i]];
            if (source.Kind == BufferKind.Output && source.Location == i)
            {
                continue;
            }
            var target = source with { Kind = BufferKind.Output, Location = i };
            yield return new PlannedNode($"graph output {i} '{graph.Outputs[i].Name}'", new[] { this.target.Copy(source, target) }.ToEquatableArray(), source.ElementCount);
        }
    }

    private TensorRef Ref(Value value, BufferKind kind, long location) =>
        new(value.Name, value.ElementType, StaticDims(value).ToEquatableArray(), kind, location);

    private long[] StaticDims(Value value) => Known(value)?.Dims ?? value.Shape!.ToArray();

    private string Target => target.Name;

    private Tensor? Known(Value value) => KernelTarget.ConstantData(knownData(value));

    private void Report(string code, string message, Node? node) =>
        diagnostics.Add(Diagnostic.Error(code, message, file, node?.DisplayName));

    private static string DomainSuffix(Node node) => node.Domain is "" or "ai.onnx" ? string.Empty : $" (domain {node.Domain})";
}
