using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.C;
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
        var a = node.Input(0);
        var b = node.Input(1);
        var c = node.OptionalInput(2);
        var y = node.Output(0);
        node.RequireType(a, DataType.Float);
        bool transA = node.GetInt("transA") != 0;
        bool transB = node.GetInt("transB") != 0;
        long m = y.Dims[0];
        long n = y.Dims[1];
        long k = transA ? a.Dims[0] : a.Dims[1];
        float beta = node.GetFloat("beta");
        bool withBias = c is not null && beta != 0;
        if (withBias)
        {
            long[] bias = c!.Dims.ToArray();
            long rows = bias.Length == 2 ? bias[0] : 1;
            long cols = bias.Length >= 1 ? bias[^1] : 1;
            yield return new KernelCall(new RuntimeHelper("aidge_fill_rows_f32"),
                new[] { y.Write, c.Read, CLiteral.Int(m), CLiteral.Int(n), CLiteral.Int(rows), CLiteral.Int(cols), CLiteral.Float(beta) }.ToEquatableArray());
        }
        yield return new KernelCall(new RuntimeHelper("aidge_gemm_f32"), new[]
        {
            NodeContext.Threads, CLiteral.Int(m), CLiteral.Int(n), CLiteral.Int(k),
            a.Read, transA ? "1" : CLiteral.Int(k), transA ? CLiteral.Int(m) : "1",
            b.Read, transB ? "1" : CLiteral.Int(n), transB ? CLiteral.Int(k) : "1",
            y.Write, CLiteral.Float(node.GetFloat("alpha")), withBias ? "1" : "0",
        }.Concat(ActivationEpilogue.Arguments(node)).ToEquatableArray());
    }
}
