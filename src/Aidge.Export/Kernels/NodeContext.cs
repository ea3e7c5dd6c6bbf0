using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels;

/// <summary>
/// What an emitter sees of a node: its planned input and output tensors (static dims, buffers), attributes with the
/// schema's defaults, the data of constant inputs, and the name of the thread-count variable of <c>run</c>.
/// </summary>
public sealed class NodeContext
{
    /// <summary>The C variable of <c>run</c> holding the thread count for <c>num_threads</c>: sized per node from its work (<see cref="Plan.NodeWork"/>), at most the context's.</summary>
    public const string Threads = "threads";

    private readonly IReadOnlyList<TensorRef?> inputs;
    private readonly IReadOnlyList<TensorRef?> outputs;
    private readonly Func<Value, Tensor?> constantOf;

    public NodeContext(Node node, int opsetVersion, OpSchema? schema, IReadOnlyList<TensorRef?> inputs, IReadOnlyList<TensorRef?> outputs, Func<Value, Tensor?> constantOf, string targetName)
    {
        Node = node;
        OpsetVersion = opsetVersion;
        Schema = schema;
        this.inputs = inputs;
        this.outputs = outputs;
        this.constantOf = constantOf;
        TargetName = targetName;
    }

    public Node Node { get; }

    /// <summary>The target being planned, as messages name it ("OpenMP", "CUDA").</summary>
    public string TargetName { get; }

    public int OpsetVersion { get; }

    public OpSchema? Schema { get; }

    public int InputCount => inputs.Count;

    public int OutputCount => outputs.Count;

    public bool HasInput(int index) => index < inputs.Count && inputs[index] is not null;

    public bool HasOutput(int index) => index < outputs.Count && outputs[index] is not null;

    public TensorRef Input(int index) => HasInput(index) ? inputs[index]! : throw Unsupported($"input {index} is missing");

    public TensorRef? OptionalInput(int index) => HasInput(index) ? inputs[index] : null;

    public TensorRef Output(int index) => HasOutput(index) ? outputs[index]! : throw Unsupported($"output {index} is missing");

    /// <summary>The data of input <paramref name="index"/> when it is known when compiling (an initializer, a Constant, a folded computation).</summary>
    public Tensor? ConstantInput(int index) => Node.Input(index) is { } value ? constantOf(value) : null;

    /// <summary>The data of a constant input that the emitter needs to plan (e.g. Slice starts); unsupported otherwise.</summary>
    public Tensor RequireConstantInput(int index, string what) =>
        ConstantInput(index) ?? throw Unsupported($"{what} (input {index}) must be known when compiling (an initializer, a Constant, or computed from them and static shapes) for the {TargetName} target");

    public long GetInt(string name) => SchemaAttributes.GetInt(Node, Schema, name);

    public float GetFloat(string name) => SchemaAttributes.GetFloat(Node, Schema, name);

    public string GetString(string name) => SchemaAttributes.GetString(Node, Schema, name);

    public long[]? GetInts(string name) => SchemaAttributes.GetInts(Node, Schema, name);

    public float[]? GetFloats(string name) => SchemaAttributes.GetFloats(Node, Schema, name);

    /// <summary>The exception an emitter throws when it cannot handle this node; the message says why.</summary>
    public UnsupportedNodeException Unsupported(string why) => new(why);

    /// <summary>Rejects the node unless the tensor's element type is one of those listed.</summary>
    public void RequireType(TensorRef tensor, params DataType[] allowed)
    {
        if (!allowed.Contains(tensor.Type))
        {
            throw Unsupported($"element type {tensor.Type.OnnxName()} of '{tensor.Name}' is not supported (supported: {string.Join(", ", allowed.Select(t => t.OnnxName()))})");
        }
    }
}
