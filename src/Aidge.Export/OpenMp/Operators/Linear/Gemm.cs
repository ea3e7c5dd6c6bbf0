using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Kernels.Linear;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Linear;

/// <summary>
/// Gemm (float32): Y = alpha·op(A)·op(B) + beta·C. Transposes are strides of the shared GEMM; C is broadcast into Y
/// first. FusedGemm plans the same calls with its activation in the GEMM's epilogue (<see cref="ActivationEpilogue"/>).
/// </summary>
[OpenMpEmitter("Gemm")]
[OpenMpEmitter("FusedGemm", Domain = AidgeDomain.Name)]
public sealed class Gemm : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        node.RequireType(node.Input(0), DataType.Float);
        var gemm = GemmGeometry.Of(node);
        var y = gemm.Y;
        if (gemm.WithBias)
        {
            yield return new KernelCall(new RuntimeHelper("aidge_fill_rows_f32"), new[]
            {
                y.Write, gemm.C!.Read, CLiteral.Int(gemm.M), CLiteral.Int(gemm.N), CLiteral.Int(gemm.BiasRows), CLiteral.Int(gemm.BiasCols), CLiteral.Float(gemm.Beta),
            }.ToEquatableArray());
        }
        var (aRow, aColumn) = gemm.AStrides;
        var (bRow, bColumn) = gemm.BStrides;
        yield return new KernelCall(new RuntimeHelper("aidge_gemm_f32"), new[]
        {
            NodeContext.Threads, CLiteral.Int(gemm.M), CLiteral.Int(gemm.N), CLiteral.Int(gemm.K),
            gemm.A.Read, CLiteral.Int(aRow), CLiteral.Int(aColumn),
            gemm.B.Read, CLiteral.Int(bRow), CLiteral.Int(bColumn),
            y.Write, CLiteral.Float(gemm.Alpha), gemm.WithBias ? "1" : "0",
        }.Concat(ActivationEpilogue.Arguments(node)).ToEquatableArray());
    }
}
