using Aidge.Export.Plan;

namespace Aidge.Export.Kernels.Linear;

/// <summary>
/// Gemm (and ai.aidge FusedGemm) read once for every target: Y[M, N] = alpha·op(A)·op(B) + beta·C, with op(A) and op(B)
/// as element strides (a transpose swaps them) and C, when it counts (present, beta not 0), as [BiasRows, BiasCols]
/// broadcast over Y (each 1 or Y's dim).
/// </summary>
public sealed record GemmGeometry(TensorRef A, TensorRef B, TensorRef? C, TensorRef Y, long M, long N, long K, bool TransA, bool TransB, float Alpha, float Beta)
{
    /// <summary>Element strides of op(A) along its rows (M) and columns (K).</summary>
    public (long Row, long Column) AStrides => TransA ? (1, M) : (K, 1);

    /// <summary>Element strides of op(B) along its rows (K) and columns (N).</summary>
    public (long Row, long Column) BStrides => TransB ? (1, K) : (N, 1);

    public bool WithBias => C is not null && Beta != 0;

    public long BiasRows => C is { Rank: 2 } c ? c.Dims[0] : 1;

    public long BiasCols => C is { Rank: >= 1 } c ? c.Dims[^1] : 1;

    public static GemmGeometry Of(NodeContext node)
    {
        var a = node.Input(0);
        var y = node.Output(0);
        bool transA = node.GetInt("transA") != 0;
        return new GemmGeometry(a, node.Input(1), node.OptionalInput(2), y, y.Dims[0], y.Dims[1], transA ? a.Dims[0] : a.Dims[1],
            transA, node.GetInt("transB") != 0, node.GetFloat("alpha"), node.GetFloat("beta"));
    }
}
