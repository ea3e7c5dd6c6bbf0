using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators;

/// <summary>
/// What a schema's inference function sees of one node: its input types, shapes and (when known at compile
/// time) constant input data, and where it writes its output types.
/// </summary>
public sealed class InferenceContext
{
    private readonly ShapeInference inference;

    internal InferenceContext(Node node, OpSchema schema, int opsetVersion, ShapeInference inference)
    {
        Node = node;
        Schema = schema;
        OpsetVersion = opsetVersion;
        this.inference = inference;
    }

    public Node Node { get; }

    public OpSchema Schema { get; }

    public int OpsetVersion { get; }

    public int InputCount => Node.Inputs.Count;

    public int OutputCount => Node.Outputs.Count;

    public bool HasInput(int index) => Node.Input(index) is not null;

    public bool HasOutput(int index) => Node.Output(index) is not null;

    public IrType? InputType(int index) => Node.Input(index)?.Type;

    public DataType InputElementType(int index) => Node.Input(index)?.ElementType ?? DataType.Undefined;

    /// <summary>The input's shape, or null when absent or of unknown rank.</summary>
    public Shape? InputShape(int index) => Node.Input(index)?.Shape;

    /// <summary>The input's data when it is known at compile time (initializer, Constant, or a folded shape computation).</summary>
    public Tensor? ConstantInput(int index) => Node.Input(index) is { } v ? inference.ConstantOf(v) : null;

    /// <summary>Records that an output's data is known at compile time, so consumers (Reshape, Expand...) can use it.</summary>
    public void SetConstantOutput(int index, Tensor tensor)
    {
        if (Node.Output(index) is { } v)
        {
            inference.RecordConstant(v, tensor);
        }
    }

    public long GetInt(string name) => SchemaAttributes.GetInt(Node, Schema, name);

    public float GetFloat(string name) => SchemaAttributes.GetFloat(Node, Schema, name);

    public string GetString(string name) => SchemaAttributes.GetString(Node, Schema, name);

    public long[]? GetInts(string name) => SchemaAttributes.GetInts(Node, Schema, name);

    public void SetOutput(int index, IrType type)
    {
        if (Node.Output(index) is { } value)
        {
            inference.Merge(Node, value, type);
        }
    }

    public void SetOutput(int index, DataType element, Shape? shape) => SetOutput(index, new TensorType(element, shape));

    /// <summary>Output index gets the type and shape of input index (elementwise unary operators, Identity...).</summary>
    public void PropagateInput(int input = 0, int output = 0)
    {
        if (InputType(input) is { } type)
        {
            SetOutput(output, type);
        }
    }

    /// <summary>Runs inference over a subgraph (If/Loop/Scan body) after the caller has typed its inputs.</summary>
    public void InferSubgraph(Graph subgraph) => inference.Run(subgraph);

    /// <summary>Stops inference with AIDGE1011 naming this node.</summary>
    public AidgeException Fail(string message) =>
        new(DiagnosticCodes.InferenceFailed, $"{Node.OpType}: {message}", inference.File, Node.DisplayName);
}
