using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;
using Aidge.Passes.Pipeline;

namespace Aidge.Passes.Pruning;

/// <summary>The operators pruning knows, by role: layers with weights, and nodes that carry channels through unchanged.</summary>
public static class PrunableLayers
{
    /// <summary>Elementwise functions of one tensor: the channels of the output are those of input 0.</summary>
    private static readonly HashSet<string> Unary = new(StringComparer.Ordinal)
    {
        "Relu", "LeakyRelu", "Sigmoid", "Tanh", "HardSigmoid", "HardSwish", "Elu", "Selu", "Celu", "Softplus", "Softsign",
        "Mish", "Gelu", "Identity", "Dropout", "Clip", "Abs", "Neg",
    };

    /// <summary>Pools keep the channel axis; only their first output (not MaxPool's indices) may be used.</summary>
    private static readonly HashSet<string> Pools = new(StringComparer.Ordinal)
    {
        "MaxPool", "AveragePool", "LpPool", "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool",
    };

    /// <summary>Elementwise functions of several tensors of one shape (or scalar constants).</summary>
    private static readonly HashSet<string> Joins = new(StringComparer.Ordinal)
    {
        "Add", "Sub", "Mul", "Div", "Max", "Min", "Sum", "Mean",
    };

    private static bool IsOnnx(Node node) => node.Domain is "" or "ai.onnx";

    /// <summary>Conv, or FusedConv (Conv with an activation epilogue: the same weights and channels).</summary>
    public static bool IsConv(Node node) => (IsOnnx(node) && node.OpType == "Conv") || (node.Domain == AidgeDomain.Name && node.OpType == "FusedConv");

    /// <summary>Gemm, or FusedGemm.</summary>
    public static bool IsGemm(Node node) => (IsOnnx(node) && node.OpType == "Gemm") || (node.Domain == AidgeDomain.Name && node.OpType == "FusedGemm");

    public static bool IsMatMul(Node node) => IsOnnx(node) && node.OpType == "MatMul";

    public static bool IsConvTranspose(Node node) => IsOnnx(node) && node.OpType == "ConvTranspose";

    public static bool IsBatchNormalization(Node node) => IsOnnx(node) && node.OpType == "BatchNormalization";

    public static bool IsFlatten(Node node) => IsOnnx(node) && node.OpType == "Flatten";

    public static bool IsUnary(Node node) => (IsOnnx(node) && Unary.Contains(node.OpType)) || (node.Domain == AidgeDomain.Name && node.OpType == "Gelu");

    public static bool IsPool(Node node) => IsOnnx(node) && Pools.Contains(node.OpType);

    public static bool IsJoin(Node node) => IsOnnx(node) && Joins.Contains(node.OpType);

    /// <summary>The index of the constant weight that magnitude pruning thins, or null when the node has none.</summary>
    public static int? WeightIndex(Node node, PassContext context)
    {
        bool Constant(int i) => node.Input(i) is { } value && context.ConstantOf(value) is not null;
        if (IsConv(node) || IsConvTranspose(node) || IsGemm(node))
        {
            return Constant(1) ? 1 : null;
        }
        // MatMul's weight is whichever operand is constant; the second by convention (x · W).
        return IsMatMul(node) ? (Constant(1) ? 1 : Constant(0) ? 0 : null) : null;
    }
}
