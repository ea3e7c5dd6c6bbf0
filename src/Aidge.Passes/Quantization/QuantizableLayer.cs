using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Passes.Fusion;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Quantization;

/// <summary>
/// A layer that becomes one QConv or QGemm: the nodes it replaces (the layer, and a Relu or Clip that only it feeds),
/// its float input and final output, its weights output-channel first in the quantized operator's layout (Conv's
/// [M, C/g, k…]; [N, K] for Gemm and MatMul, alpha folded in), its bias per output channel (beta folded in) and the
/// clamp of a Relu or Clip activation.
/// </summary>
internal sealed record QuantizableLayer(string OpType, IReadOnlyList<Node> Nodes, Value Input, Value Output, Tensor Weights, float[]? Bias,
    FusedActivation? Clamp, IReadOnlyList<NodeAttribute> Attributes)
{
    private static readonly string[] ConvAttributes = ["auto_pad", "dilations", "group", "kernel_shape", "pads", "strides"];

    public Node Layer => Nodes[0];

    /// <summary>
    /// The layer <paramref name="node"/> starts, or null with the reason it stays float (null reason when the node is
    /// not a Conv, Gemm, MatMul, FusedConv or FusedGemm at all).
    /// </summary>
    public static (QuantizableLayer? Layer, string? Reason) Match(Node node, Graph graph, PassContext context)
    {
        bool fused = node.Domain == AidgeDomain.Name;
        string? kind = GraphEdits.IsOnnx(node) ? node.OpType switch { "Conv" => "QConv", "Gemm" or "MatMul" => "QGemm", _ => null }
            : fused ? node.OpType switch { "FusedConv" => "QConv", "FusedGemm" => "QGemm", _ => null }
            : null;
        if (kind is null)
        {
            return (null, null);
        }
        if (node.Input(0) is not { ElementType: DataType.Float } input || node.Output(0) is not { } output)
        {
            return (null, "its input is not float32");
        }
        var (weights, bias, reason) = kind == "QConv" ? ConvParameters(node, context) : GemmParameters(node, graph, context);
        if (weights is null)
        {
            return (null, reason);
        }
        var nodes = new List<Node> { node };
        FusedActivation? clamp = null;
        if (fused)
        {
            var activation = FusedActivation.FromNode(node);
            if (!IsClamp(activation))
            {
                return (null, $"its {activation.Name} activation would need the range of the value before it, which calibration does not see");
            }
            clamp = activation;
        }
        else if (!graph.Outputs.Contains(output) && ActivationMatch.Of(output, graph, context) is { } match && IsClamp(match.Activation))
        {
            nodes.AddRange(match.Nodes);
            clamp = match.Activation;
            output = match.Output;
        }
        var attributes = kind == "QConv" ? node.Attributes.Where(a => ConvAttributes.Contains(a.Name)).ToList() : [];
        return (new QuantizableLayer(kind, nodes, input, output, weights, bias, clamp, attributes), null);
    }

    private static bool IsClamp(FusedActivation activation) => activation.Kind is FusedActivationKind.Relu or FusedActivationKind.Clip;

    private static (Tensor? Weights, float[]? Bias, string? Reason) ConvParameters(Node node, PassContext context)
    {
        if (ConstantFloats(node.Input(1), context) is not { } weights)
        {
            return (null, null, "its weights are not constant float32");
        }
        if (node.Input(2) is null)
        {
            return (weights, null, null);
        }
        return ConstantFloats(node.Input(2), context) is { } bias && bias.Length == weights.Dims[0]
            ? (weights, bias.Span<float>().ToArray(), null)
            : (null, null, "its bias is not a constant float32 vector");
    }

    /// <summary>Gemm (transA 0) and MatMul of a 2-D input by constant 2-D weights, as B [N, K] = alpha·op(B)ᵀ and bias beta·C.</summary>
    private static (Tensor? Weights, float[]? Bias, string? Reason) GemmParameters(Node node, Graph graph, PassContext context)
    {
        var schema = OperatorRegistry.Default.Find(node.Domain, node.OpType, graph.OpsetOf(node.Domain));
        bool matMul = node.OpType == "MatMul";
        if (node.Input(0)?.Shape is not { Rank: 2 })
        {
            return (null, null, "its input is not a matrix");
        }
        if (!matMul && SchemaAttributes.GetInt(node, schema, "transA") != 0)
        {
            return (null, null, "it transposes its input (transA)");
        }
        if (ConstantFloats(node.Input(1), context) is not { Rank: 2 } b)
        {
            return (null, null, "its weights are not a constant float32 matrix");
        }
        bool transB = !matMul && SchemaAttributes.GetInt(node, schema, "transB") != 0;
        float alpha = matMul ? 1f : SchemaAttributes.GetFloat(node, schema, "alpha");
        int n = (int)b.Dims[transB ? 0 : 1];
        int k = (int)b.Dims[transB ? 1 : 0];
        var source = b.Span<float>();
        var weights = Tensor.Create(DataType.Float, n, k);
        var target = weights.Span<float>();
        for (int row = 0; row < n; row++)
        {
            for (int column = 0; column < k; column++)
            {
                target[row * k + column] = alpha * source[transB ? row * k + column : column * n + row];
            }
        }
        if (matMul || node.Input(2) is null)
        {
            return (weights, null, null);
        }
        float beta = SchemaAttributes.GetFloat(node, schema, "beta");
        if (ConstantFloats(node.Input(2), context) is not { } c || !(c.Length == 1 || (c.Length == n && c.Dims[^1] == n)))
        {
            return (null, null, "its bias C is not a constant float32 vector over the outputs");
        }
        var bias = new float[n];
        var values = c.Span<float>();
        for (int column = 0; column < n; column++)
        {
            bias[column] = beta * values[c.Length == 1 ? 0 : column];
        }
        return (weights, bias, null);
    }

    private static Tensor? ConstantFloats(Value? value, PassContext context) =>
        value is not null && context.ConstantOf(value) is { Type: DataType.Float } tensor ? tensor : null;
}
