using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Kernels.Linear;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Linear;

/// <summary>
/// MatMul (float32) with NumPy semantics on the tiled GEMM: one grid z per output matrix, each finding its operands
/// through the broadcast batch strides (<see cref="MatMulGeometry"/>), so repeated operands are read, never copied.
/// </summary>
[CudaEmitter("MatMul")]
public sealed class MatMul : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        node.RequireType(node.Input(0), DataType.Float);
        var mm = MatMulGeometry.Of(node);
        CudaLimits.RequireInt32(node, mm.A, mm.B, mm.Y);
        CudaLimits.RequireGrid(node, mm.Batches, "matrices");
        CudaLimits.RequireGrid(node, (mm.M + 63) / 64, "row tiles");
        if (mm.Batch.Length > CudaLiteral.BatchRank)
        {
            throw node.Unsupported($"{mm.Batch.Length} batch dims (the CUDA GEMM takes at most {CudaLiteral.BatchRank})");
        }
        yield return new KernelCall(CudaGemm.Helper, new[]
        {
            CLiteral.Int(mm.M), CLiteral.Int(mm.N), CLiteral.Int(mm.K),
            mm.A.Read, CLiteral.Int(mm.K), "1", mm.B.Read, CLiteral.Int(mm.N), "1",
            CudaLiteral.Batch(mm.Batch, mm.ABatchStrides, mm.BBatchStrides), CLiteral.Int(mm.Batches),
            "NULL", "0", "0", mm.Y.Write, "1.0f", "0.0f", ActivationEpilogue.ConstantOf(null), "0.0f", "0.0f", CudaNode.Stream,
        }.ToEquatableArray())
        {
            Tables = CudaGemm.Activation,
        };
    }
}
