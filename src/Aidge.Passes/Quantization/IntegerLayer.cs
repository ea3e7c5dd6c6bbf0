using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Quantization;

/// <summary>
/// An integer layer that an already-quantized ONNX pattern computes, in QConv/QGemm terms: the nodes it replaces, its
/// quantized input and output values, int8 weights (QGemm's as [N, K]), int32 bias, geometry, zero points,
/// requantization and clamp. The matchers below read QLinearConv, QLinearMatMul (2-D), and
/// DequantizeLinear → Conv/Gemm/MatMul (→ Relu) → QuantizeLinear with int8 symmetric weights.
/// </summary>
internal sealed record IntegerLayer(string OpType, IReadOnlyList<Node> Nodes, Value Input, Value Output, Tensor Weights, Tensor? Bias,
    IReadOnlyList<NodeAttribute> Geometry, (int X, int Y) ZeroPoints, (int Multiplier, int Shift)[] Requantization, (int Min, int Max) Clamp)
{
    private static readonly string[] ConvAttributes = ["auto_pad", "dilations", "group", "kernel_shape", "pads", "strides"];

    public static IntegerLayer? Match(Node node, Graph graph, PassContext context) => !GraphEdits.IsOnnx(node) ? null : node.OpType switch
    {
        "QLinearConv" => QLinearConv(node, context),
        "QLinearMatMul" => QLinearMatMul(node, context),
        "QuantizeLinear" => QuantizedFloatLayer(node, graph, context),
        _ => null,
    };

    /// <summary>x, x_scale, x_zero_point, w, w_scale, w_zero_point, y_scale, y_zero_point[, B].</summary>
    private static IntegerLayer? QLinearConv(Node node, PassContext context)
    {
        if (node.Input(0) is not { } x || node.Output(0) is not { } y
            || QdqOperands.Activation(node.Input(1), node.Input(2), context) is not { } input || x.ElementType != input.Type
            || QdqOperands.Activation(node.Input(6), node.Input(7), context) is not { } output || output.Type != input.Type
            || QdqOperands.SymmetricWeights(node.Input(3), node.Input(5), context) is not { } weights
            || QdqOperands.ChannelScales(node.Input(4), weights.Dims[0], context) is not { } scales)
        {
            return null;
        }
        var bias = node.Input(8) is { } b ? context.ConstantOf(b) : null;
        if (node.Input(8) is not null && bias is not { Type: DataType.Int32 })
        {
            return null;
        }
        return Create("QConv", [node], x, y, weights, bias, ConvGeometry(node), input, output, scales, relu: false);
    }

    /// <summary>a, a_scale, a_zero_point, b, b_scale, b_zero_point, y_scale, y_zero_point, with a [M, K] and constant b [K, N].</summary>
    private static IntegerLayer? QLinearMatMul(Node node, PassContext context)
    {
        if (node.Input(0) is not { Shape.Rank: 2 } a || node.Output(0) is not { } y
            || QdqOperands.Activation(node.Input(1), node.Input(2), context) is not { } input || a.ElementType != input.Type
            || QdqOperands.Activation(node.Input(6), node.Input(7), context) is not { } output || output.Type != input.Type
            || QdqOperands.SymmetricWeights(node.Input(3), node.Input(5), context) is not { Rank: 2 } weights
            || QdqOperands.ChannelScales(node.Input(4), weights.Dims[1], context) is not { } scales)
        {
            return null;
        }
        return Create("QGemm", [node], a, y, QdqOperands.Transposed(weights), null, [], input, output, scales, relu: false);
    }

    /// <summary>
    /// QuantizeLinear of a Conv, Gemm (alpha 1, beta 1, transA 0) or MatMul, or of a Relu of one, whose data input is
    /// dequantized per tensor and whose weights are dequantized int8 (zero point 0, per tensor or per output channel).
    /// </summary>
    private static IntegerLayer? QuantizedFloatLayer(Node quantize, Graph graph, PassContext context)
    {
        if (quantize.Output(0) is not { } y || QdqOperands.Activation(quantize.Input(1), quantize.Input(2), context) is not { } output
            || SoleProducer(quantize.Input(0), graph) is not { } producer)
        {
            return null;
        }
        var nodes = new List<Node> { quantize };
        bool relu = producer.OpType == "Relu" && GraphEdits.IsOnnx(producer);
        if (relu)
        {
            nodes.Add(producer);
            if (SoleProducer(producer.Input(0), graph) is not { } layerNode)
            {
                return null;
            }
            producer = layerNode;
        }
        nodes.Add(producer);
        var schema = Core.Operators.OperatorRegistry.Default.Find(producer.Domain, producer.OpType, graph.OpsetOf(producer.Domain));
        long Int(string name) => Core.Operators.SchemaAttributes.GetInt(producer, schema, name);
        float Float(string name) => Core.Operators.SchemaAttributes.GetFloat(producer, schema, name);
        // Which axis of the float weights holds the output channels.
        int? channelAxis = (GraphEdits.IsOnnx(producer) ? producer.OpType : null) switch
        {
            "Conv" => 0,
            "MatMul" => 1,
            "Gemm" when Int("transA") == 0 && Float("alpha") == 1f && Float("beta") == 1f => Int("transB") != 0 ? 0 : 1,
            _ => null,
        };
        if (channelAxis is not { } axis || producer.Input(0)?.Producer is not { OpType: "DequantizeLinear" } inputDequantize
            || !GraphEdits.IsOnnx(inputDequantize) || inputDequantize.Input(0) is not { } x
            || QdqOperands.Activation(inputDequantize.Input(1), inputDequantize.Input(2), context) is not { } input
            || input.Type != output.Type || x.ElementType != input.Type
            || producer.Input(1)?.Producer is not { OpType: "DequantizeLinear" } weightDequantize || !GraphEdits.IsOnnx(weightDequantize)
            || QdqOperands.SymmetricWeights(weightDequantize.Input(0), weightDequantize.Input(2), context) is not { } weights)
        {
            return null;
        }
        bool conv = producer.OpType == "Conv";
        if (!conv && (weights.Rank != 2 || producer.Input(0)?.Shape is not { Rank: 2 }))
        {
            return null;
        }
        long channels = weights.Dims[axis];
        var scaleTensor = weightDequantize.Input(1) is { } s ? context.ConstantOf(s) : null;
        bool perChannelOnAxis = scaleTensor is { Length: > 1 } && Core.Operators.SchemaAttributes.GetInt(weightDequantize,
            Core.Operators.OperatorRegistry.Default.Find(weightDequantize.Domain, weightDequantize.OpType, graph.OpsetOf(weightDequantize.Domain)), "axis") is var a
            && (a == axis || a == axis - weights.Rank);
        if ((scaleTensor is { Length: > 1 } && !perChannelOnAxis) || QdqOperands.ChannelScales(weightDequantize.Input(1), channels, context) is not { } scales)
        {
            return null;
        }
        Tensor? bias = null;
        if (producer.Input(2) is { } b)
        {
            if (FloatBias(b, channels, context) is not { } floats)
            {
                return null;
            }
            bias = QdqOperands.Bias(floats, input.Scale, scales);
        }
        var layerWeights = axis == 0 ? weights : QdqOperands.Transposed(weights);
        return Create(conv ? "QConv" : "QGemm", nodes, x, y, layerWeights, bias, conv ? ConvGeometry(producer) : [], input, output, scales, relu);
    }

    /// <summary>The node producing <paramref name="value"/> when that value is read by one node alone and is no graph output.</summary>
    private static Node? SoleProducer(Value? value, Graph graph) =>
        value is { Consumers.Count: 1 } && !graph.Outputs.Contains(value) && value.Producer is { } producer && producer.Graph == graph ? producer : null;

    /// <summary>A bias given as float constants or as a DequantizeLinear of constants, one value per output channel.</summary>
    private static float[]? FloatBias(Value bias, long channels, PassContext context)
    {
        Tensor? floats = context.ConstantOf(bias);
        if (floats is null && bias.Producer is { OpType: "DequantizeLinear" } dequantize && dequantize.Input(0) is { } q
            && context.ConstantOf(q) is { Type: DataType.Int32 } integers && QdqOperands.ChannelScales(dequantize.Input(1), channels, context) is { } scales
            && (dequantize.Input(2) is null || context.ConstantOf(dequantize.Input(2)!) is { } points && points.Span<int>().ToArray().All(p => p == 0)))
        {
            var values = integers.Span<int>().ToArray();
            return values.Length == channels ? Enumerable.Range(0, (int)channels).Select(c => values[c] * scales[c]).ToArray() : null;
        }
        return floats is { Type: DataType.Float } && floats.Length == channels ? floats.Span<float>().ToArray() : null;
    }

    private static List<NodeAttribute> ConvGeometry(Node node) => node.Attributes.Where(a => ConvAttributes.Contains(a.Name)).ToList();

    private static IntegerLayer? Create(string opType, IReadOnlyList<Node> nodes, Value input, Value output, Tensor weights, Tensor? bias,
        IReadOnlyList<NodeAttribute> geometry, QuantizationParameters x, QuantizationParameters y, float[] weightScales, bool relu) =>
        QuantizedLayerNodes.ChannelRequantization(x.Scale, weightScales, y.Scale) is { } requantization
            ? new IntegerLayer(opType, nodes, input, output, weights, bias, geometry, (x.ZeroPoint, y.ZeroPoint), requantization, QdqOperands.Clamp(y, relu))
            : null;
}
