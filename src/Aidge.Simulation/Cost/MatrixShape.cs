using Aidge.Core.Graphs;

namespace Aidge.Simulation.Cost;

/// <summary>
/// A matrix product as its kernel sees it: output rows (the rows of the weights a loaded input column is reused
/// over: a convolution's output channels per group, a Gemm's or MatMul's rows of A), reduction length (a
/// convolution's input channels per group times its kernel window; a Gemm's K) and multiply-adds.
/// </summary>
public sealed record MatrixShape(long Rows, long Reduction, long Macs)
{
    /// <summary>The shape of a matrix product node, or null when it is none or a shape is not static.</summary>
    public static MatrixShape? Of(Node node)
    {
        if (!OpClasses.IsMatrixProduct(node))
        {
            return null;
        }
        // The quantized ONNX forms carry scales and zero points between the operands: B is input 3.
        int weightIndex = node.OpType is "QLinearConv" or "QLinearMatMul" ? 3 : 1;
        var a = WorkloadAnalysis.Dims(node.Input(0));
        var w = WorkloadAnalysis.Dims(node.Input(weightIndex));
        var y = WorkloadAnalysis.Dims(node.Output(0));
        if (a is null || w is null || y is null)
        {
            return null;
        }
        long outputs = y.Aggregate(1L, (p, d) => p * d);
        long group = Math.Max(1, node.GetInt("group", 1));
        switch (node.OpType)
        {
            case "Conv" or "FusedConv" or "QConv" or "ConvInteger" or "QLinearConv" when w.Length >= 2:
            {
                long reduction = w.Skip(1).Aggregate(1L, (p, d) => p * d);
                return new MatrixShape(w[0] / group, reduction, outputs * reduction);
            }
            case "ConvTranspose" when w.Length >= 2:
            {
                // Every input element is scattered over W[1:] (output channels per group times the window).
                long scatter = w.Skip(1).Aggregate(1L, (p, d) => p * d);
                return new MatrixShape(w[1], w[0] / group, a.Aggregate(1L, (p, d) => p * d) * scatter);
            }
            case "Gemm" or "FusedGemm" or "QGemm" when a.Length == 2 && y.Length == 2:
            {
                long reduction = node.GetInt("transA", 0) != 0 ? a[0] : a[1];
                return new MatrixShape(y[0], reduction, outputs * reduction);
            }
            case "MatMul" or "MatMulInteger" or "QLinearMatMul" when a.Length >= 1:
                return new MatrixShape(y.Length >= 2 ? y[^2] : 1, a[^1], outputs * a[^1]);
            default:
                return null;
        }
    }
}
