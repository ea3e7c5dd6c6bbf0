using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Runtime;

/// <summary>What a kernel sees of the node it executes: run-time inputs, attributes (with schema defaults) and output slots.</summary>
public sealed class KernelContext
{
    private readonly object?[] inputs;
    private readonly object?[] outputs;
    private readonly Interpreter interpreter;
    private readonly Scope scope;

    internal KernelContext(Node node, int opsetVersion, OpSchema? schema, object?[] inputs, Interpreter interpreter, Scope scope)
    {
        Node = node;
        OpsetVersion = opsetVersion;
        Schema = schema;
        this.inputs = inputs;
        outputs = new object?[node.Outputs.Count];
        this.interpreter = interpreter;
        this.scope = scope;
    }

    public Node Node { get; }

    public int OpsetVersion { get; }

    public OpSchema? Schema { get; }

    public int InputCount => inputs.Length;

    public int OutputCount => outputs.Length;

    internal object?[] Outputs => outputs;

    /// <summary>True when input index was given (not omitted).</summary>
    public bool HasInput(int index) => index < inputs.Length && Node.Inputs[index] is not null;

    /// <summary>True when the node wants output index.</summary>
    public bool HasOutput(int index) => index < outputs.Length && Node.Outputs[index] is not null;

    /// <summary>A required tensor input.</summary>
    public Tensor Input(int index) =>
        OptionalInput(index) ?? throw new ArgumentException($"{Node.OpType} needs input {index}.");

    /// <summary>A tensor input, or null when it was omitted.</summary>
    public Tensor? OptionalInput(int index) => index < inputs.Length ? inputs[index] as Tensor : null;

    /// <summary>An input of any run-time kind (tensor, <see cref="TensorSequence"/>, <see cref="OptionalNone"/>).</summary>
    public object? InputValue(int index) => index < inputs.Length ? inputs[index] : null;

    /// <summary>The element type the graph declares (or inference gave) for output index.</summary>
    public DataType OutputType(int index) => Node.Output(index)?.ElementType ?? DataType.Undefined;

    public void SetOutput(int index, Tensor tensor) => SetOutputValue(index, tensor);

    public void SetOutputValue(int index, object? value)
    {
        if (index < outputs.Length)
        {
            outputs[index] = value;
        }
    }

    public long GetInt(string name) => SchemaAttributes.GetInt(Node, Schema, name);

    public long GetInt(string name, long fallback) => Node.GetInt(name, fallback);

    public float GetFloat(string name) => SchemaAttributes.GetFloat(Node, Schema, name);

    public float GetFloat(string name, float fallback) => Node.GetFloat(name, fallback);

    public string GetString(string name) => SchemaAttributes.GetString(Node, Schema, name);

    public string GetString(string name, string fallback) => Node.GetString(name, fallback);

    public long[]? GetInts(string name) => SchemaAttributes.GetInts(Node, Schema, name);

    public float[]? GetFloats(string name) => SchemaAttributes.GetFloats(Node, Schema, name);

    /// <summary>Runs a subgraph (If branch, Loop or Scan body) with the given inputs; outer-scope values resolve through this node's scope.</summary>
    public object?[] RunSubgraph(Graph subgraph, IReadOnlyList<object?> subgraphInputs) =>
        interpreter.RunSubgraph(subgraph, subgraphInputs, scope);
}
