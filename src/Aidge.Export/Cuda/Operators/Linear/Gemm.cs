using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Kernels.Linear;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Linear;

/// <summary>
/// Gemm and ai.aidge FusedGemm (float32) on the tiled GEMM (aidge_cu_gemm, one batch): transposes are strides, C is
/// added in the store through broadcast strides (no fill pass), and FusedGemm's activation follows it.
/// </summary>
[CudaEmitter("Gemm")]
[CudaEmitter("FusedGemm", Domain = AidgeDomain.Name)]
public sealed class Gemm : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        node.RequireType(node.Input(0), DataType.Float);
        var gemm = GemmGeometry.Of(node);
        CudaLimits.RequireInt32(node, gemm.A, gemm.B, gemm.C, gemm.Y);
        CudaLimits.RequireGrid(node, (gemm.M + 63) / 64, "row tiles");
        var (aRow, aColumn) = gemm.AStrides;
        var (bRow, bColumn) = gemm.BStrides;
        // C's strides: 0 along a dim it repeats.
        long cRow = gemm.BiasRows == 1 ? 0 : gemm.BiasCols;
        long cColumn = gemm.BiasCols == 1 ? 0 : 1;
        yield return new KernelCall(CudaGemm.Helper, new[]
        {
            CLiteral.Int(gemm.M), CLiteral.Int(gemm.N), CLiteral.Int(gemm.K),
            gemm.A.Read, CLiteral.Int(aRow), CLiteral.Int(aColumn), gemm.B.Read, CLiteral.Int(bRow), CLiteral.Int(bColumn),
            CudaLiteral.Batch([], [], []), "1",
            gemm.WithBias ? gemm.C!.Read : "NULL", CLiteral.Int(cRow), CLiteral.Int(cColumn),
            gemm.Y.Write, CLiteral.Float(gemm.Alpha), CLiteral.Float(gemm.WithBias ? gemm.Beta : 0f),
        }.Concat(ActivationEpilogue.Arguments(node)).Append(CudaNode.Stream).ToEquatableArray())
        {
            Tables = CudaGemm.Activation,
        };
    }
}

/// <summary>The batched tiled GEMM of Gemm, FusedGemm and MatMul, and the activation constants its calls (and Conv's) need.</summary>
internal static class CudaGemm
{
    public static readonly CHelper Helper = new CudaRuntimeHelper("aidge_cu_gemm");

    public static readonly EquatableArray<CHelper> Activation = new[] { ActivationEpilogue.Constants }.ToEquatableArray();
}
