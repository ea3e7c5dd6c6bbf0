using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;

namespace Aidge.Simulation.Cost;

/// <summary>
/// The kinds of kernels the cost model tells apart, because each reaches a different fraction of a target's peak:
/// register-tiled matrix products (Conv, Gemm, MatMul with enough rows), matrix-vector products (too few rows to fill a
/// register tile: a fully connected layer at batch 1 reads every weight once per multiply-add), window kernels
/// (pooling: indexed reads of small windows), elementwise work (activations, arithmetic, normalization) and data
/// movement (copies and reshapes: no arithmetic at all).
/// </summary>
public enum OpClass
{
    MatrixProduct,
    MatrixVector,
    Window,
    Elementwise,
    DataMovement,
}

/// <summary>Which <see cref="OpClass"/> a node belongs to.</summary>
public static class OpClasses
{
    /// <summary>
    /// Products with fewer output rows than this run as matrix-vector products: register tiles are 4 to 8 rows on
    /// CPUs (6 in the OpenMP exporter's micro-kernel), so fewer rows cannot reuse a loaded weight.
    /// </summary>
    public const long MatrixVectorRows = 6;

    private static readonly HashSet<string> Movement = new(StringComparer.Ordinal)
    {
        "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity", "Transpose", "Concat", "Split", "Slice", "Gather",
        "Expand", "Tile", "Pad", "Copy", "Dropout", "Cast", "DepthToSpace", "SpaceToDepth", "Shape", "Size",
    };

    private static readonly HashSet<string> Windows = new(StringComparer.Ordinal)
    {
        "MaxPool", "AveragePool", "LpPool", "GlobalMaxPool", "GlobalAveragePool", "GlobalLpPool", "MaxRoiPool", "RoiAlign",
    };

    public static OpClass Of(Node node, long? outputRows)
    {
        if (IsMatrixProduct(node))
        {
            return outputRows is < MatrixVectorRows ? OpClass.MatrixVector : OpClass.MatrixProduct;
        }
        if (IsWindow(node.OpType))
        {
            return OpClass.Window;
        }
        return IsMovement(node.OpType) ? OpClass.DataMovement : OpClass.Elementwise;
    }

    public static bool IsWindow(string opType) => Windows.Contains(opType);

    public static bool IsMovement(string opType) => Movement.Contains(opType);

    /// <summary>The operators whose work is multiply-adds (float or integer, plain or fused).</summary>
    public static bool IsMatrixProduct(Node node) => node.Domain switch
    {
        "" or "ai.onnx" => node.OpType is "Conv" or "ConvTranspose" or "Gemm" or "MatMul" or "ConvInteger" or "MatMulInteger" or "QLinearConv" or "QLinearMatMul",
        AidgeDomain.Name => node.OpType is "FusedConv" or "FusedGemm" or "QConv" or "QGemm",
        _ => false,
    };
}
