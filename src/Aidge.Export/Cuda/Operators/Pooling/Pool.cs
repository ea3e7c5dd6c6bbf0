using System.Globalization;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Kernels.Pooling;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Pooling;

/// <summary>
/// MaxPool, AveragePool, LpPool and the global pools (float32, 1 to 3 spatial dims; the max pools also int8 and
/// uint8, the integer domain of quantized models), one thread per output (aidge_cu_pool, a template over the element
/// type). The geometry is <see cref="PoolGeometry"/>, the same as the OpenMP target's.
/// </summary>
[CudaEmitter("MaxPool")]
[CudaEmitter("AveragePool")]
[CudaEmitter("GlobalMaxPool")]
[CudaEmitter("GlobalAveragePool")]
[CudaEmitter("LpPool")]
[CudaEmitter("GlobalLpPool")]
public sealed class Pool : INodeEmitter
{
    private static readonly CHelper Helper = new CudaRuntimeHelper("aidge_cu_pool");

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        node.RequireType(x, PoolGeometry.IsMax(node.Node.OpType) ? [DataType.Float, DataType.Int8, DataType.UInt8] : [DataType.Float]);
        var pool = PoolGeometry.Of(node);
        CudaLimits.RequireInt32(node, x, pool.Y);
        yield return new KernelCall(Helper, new[]
        {
            x.Read, pool.Y.Write, CLiteral.Int(pool.Planes), CudaLiteral.Window(pool.Window),
            ((int)pool.Mode).ToString(CultureInfo.InvariantCulture), pool.IncludePad ? "1" : "0", CLiteral.Float((float)pool.P), CudaNode.Stream,
        }.ToEquatableArray());
    }
}
