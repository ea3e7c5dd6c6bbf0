using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators;

/// <summary>
/// Gives every value of a graph its type and shape (symbolic where it must be) by running each node's schema
/// inference in topological order, checking arity and attributes against the schema on the way.
/// </summary>
public sealed class ShapeInference
{
    private readonly OperatorRegistry registry;
    private readonly Dictionary<Value, Tensor> constants = new();

    public ShapeInference(OperatorRegistry? registry = null, string? file = null)
    {
        this.registry = registry ?? OperatorRegistry.Default;
        File = file;
    }

    /// <summary>The model file named in diagnostics.</summary>
    public string? File { get; }

    /// <summary>Infers the model's main graph; the returned instance answers <see cref="ConstantOf"/> for its values.</summary>
    public static ShapeInference InferModel(Model model, string? file = null)
    {
        var inference = new ShapeInference(null, file);
        inference.Run(model.Graph);
        return inference;
    }

    public void Run(Graph graph)
    {
        foreach (var node in graph.Nodes)
        {
            int version = graph.OpsetOf(node.Domain);
            var schema = registry.Find(node.Domain, node.OpType, version)
                ?? throw new AidgeException(DiagnosticCodes.UnsupportedOperator, UnsupportedMessage(node, version), File, node.DisplayName);
            CheckSchema(node, schema);
            if (schema.Inference is null)
            {
                continue;
            }
            try
            {
                schema.Inference(new InferenceContext(node, schema, version, this));
            }
            catch (AidgeException e)
            {
                throw e.WithFile(File);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException or InvalidCastException or NotSupportedException)
            {
                throw new AidgeException(DiagnosticCodes.InferenceFailed, $"{node.OpType}: {e.Message}", File, node.DisplayName, e);
            }
        }
    }

    /// <summary>
    /// The value's data when it is known at compile time: an initializer, or the output of a shape computation that
    /// inference folded (Shape of static dims, Gather/Concat/arithmetic on it, Constant...). Exporters turn these into
    /// constant data instead of code.
    /// </summary>
    public Tensor? ConstantOf(Value value) => value.Initializer ?? constants.GetValueOrDefault(value);

    internal void RecordConstant(Value value, Tensor tensor) => constants[value] = tensor;

    /// <summary>Combines an inferred type with what the file declared: known dims win, element types must agree.</summary>
    internal void Merge(Node node, Value value, IrType inferred)
    {
        if (value.Type is TensorType declared && inferred is TensorType computed)
        {
            if (declared.Element != DataType.Undefined && computed.Element != DataType.Undefined && declared.Element != computed.Element)
            {
                throw new AidgeException(DiagnosticCodes.InferenceFailed,
                    $"{node.OpType} produces {computed.Element.OnnxName()} for '{value.Name}', but the model declares {declared.Element.OnnxName()}.",
                    File, node.DisplayName);
            }
            var element = computed.Element != DataType.Undefined ? computed.Element : declared.Element;
            value.Type = new TensorType(element, MergeShapes(declared.Shape, computed.Shape));
            return;
        }
        value.Type = inferred;
    }

    private static Shape? MergeShapes(Shape? declared, Shape? computed)
    {
        if (computed is null || declared is null || declared.Rank != computed.Rank)
        {
            return computed ?? declared;
        }
        return new Shape(computed.Zip(declared, (c, d) => c.IsKnown ? c : d.IsKnown || d.Symbol is not null ? d : c));
    }

    private void CheckSchema(Node node, OpSchema schema)
    {
        int inputs = node.Inputs.Count;
        int outputs = node.Outputs.Count;
        if (inputs < schema.MinInputs || inputs > schema.MaxInputs)
        {
            throw new AidgeException(DiagnosticCodes.SchemaViolation,
                $"{node.OpType}-{schema.SinceVersion} takes {Range(schema.MinInputs, schema.MaxInputs)} inputs, the node has {inputs}.", File, node.DisplayName);
        }
        if (outputs < schema.MinOutputs || outputs > schema.MaxOutputs)
        {
            throw new AidgeException(DiagnosticCodes.SchemaViolation,
                $"{node.OpType}-{schema.SinceVersion} has {Range(schema.MinOutputs, schema.MaxOutputs)} outputs, the node lists {outputs}.", File, node.DisplayName);
        }
        foreach (var spec in schema.Attributes.Values.Where(a => a.Required && !node.HasAttribute(a.Name)))
        {
            throw new AidgeException(DiagnosticCodes.InvalidAttribute, $"{node.OpType} needs attribute '{spec.Name}'.", File, node.DisplayName);
        }
    }

    private static string Range(int min, int max) => min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";

    private string UnsupportedMessage(Node node, int version)
    {
        string domain = node.Domain.Length == 0 ? "ai.onnx" : node.Domain;
        return registry.Contains(node.Domain, node.OpType)
            ? $"Operator {node.OpType} of opset {version} ({domain}) is not supported in that version; re-export the model with a supported opset or see the supported operators in the README."
            : $"Operator {node.OpType} ({domain}) is not supported; see the supported operators in the README, or replace it before export.";
    }
}
