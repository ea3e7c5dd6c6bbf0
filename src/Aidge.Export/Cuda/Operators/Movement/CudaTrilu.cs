using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Movement;

/// <summary>Trilu of any element type (<see cref="TriluShape"/>); k may be known only at run time, then read on the device (Cuda/Runtime/aidge_cu_trilu.cu).</summary>
[CudaEmitter("Trilu")]
public sealed class CudaTrilu : INodeEmitter
{
    private static readonly CudaRuntimeHelper Helper = new("aidge_cu_trilu");

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        var t = TriluShape.Of(node);
        if (t.KTensor is { } k)
        {
            node.RequireType(k, DataType.Int64);
        }
        yield return new KernelCall(Helper, new[]
        {
            input.Read, node.Output(0).Write, CLiteral.Int(input.Type.SizeOf()), CLiteral.Int(Math.Max(1, t.Rows)), CLiteral.Int(Math.Max(1, t.Cols)), CLiteral.Int(t.K),
            t.KTensor?.Read ?? "(const int64_t*)0", t.Upper ? "1" : "0", CLiteral.Int(input.ElementCount), CudaNode.Stream,
        }.ToEquatableArray());
    }
}
