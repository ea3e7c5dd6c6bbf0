using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Kernels.Linear;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Linear;

/// <summary>
/// MatMul (float32) with NumPy semantics: 1-D operands gain a unit dim (removed again in the output dims), leading dims
/// broadcast, and each output batch is one GEMM.
/// </summary>
[OpenMpEmitter("MatMul")]
public sealed class MatMul : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        node.RequireType(node.Input(0), DataType.Float);
        var mm = MatMulGeometry.Of(node);
        yield return new KernelCall(new RuntimeHelper("aidge_matmul_f32"), new[]
        {
            NodeContext.Threads, mm.A.Read, mm.B.Read, mm.Y.Write, CLiteral.Int(mm.Batches), mm.Batch.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CLiteral.Int64Array(mm.Batch), CLiteral.Int64Array(mm.ABatchStrides), CLiteral.Int64Array(mm.BBatchStrides), CLiteral.Int(mm.M), CLiteral.Int(mm.N), CLiteral.Int(mm.K),
        }.ToEquatableArray());
    }
}
