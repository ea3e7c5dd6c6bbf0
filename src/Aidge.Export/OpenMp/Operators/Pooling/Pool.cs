using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Kernels.Pooling;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Pooling;

/// <summary>
/// MaxPool, AveragePool, LpPool and the global pools (float32, 1 to 3 spatial dims; the max pools also uint8 and
/// int8, the integer domain of quantized models). ceil_mode needs nothing here: the output
/// dims, fixed by shape inference, already say how many windows there are (see <see cref="PoolGeometry"/>).
/// </summary>
[OpenMpEmitter("MaxPool")]
[OpenMpEmitter("AveragePool")]
[OpenMpEmitter("GlobalMaxPool")]
[OpenMpEmitter("GlobalAveragePool")]
[OpenMpEmitter("LpPool")]
[OpenMpEmitter("GlobalLpPool")]
public sealed class Pool : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        node.RequireType(x, PoolGeometry.IsMax(node.Node.OpType) ? [DataType.Float, .. IntegerMaxPoolHelper.Types] : [DataType.Float]);
        var pool = PoolGeometry.Of(node);
        if (x.Type != DataType.Float)
        {
            yield return new KernelCall(new IntegerMaxPoolHelper(x.Type), new[]
            {
                NodeContext.Threads, x.Read, pool.Y.Write, CLiteral.Int(pool.Planes),
            }.Concat(pool.Window.Arguments(withPadEnd: false)).ToEquatableArray());
            yield break;
        }
        yield return new KernelCall(new RuntimeHelper("aidge_pool_f32"), new[]
        {
            NodeContext.Threads, x.Read, pool.Y.Write, CLiteral.Int(pool.Planes),
        }.Concat(pool.Window.Arguments(withPadEnd: true)).Concat([((int)pool.Mode).ToString(System.Globalization.CultureInfo.InvariantCulture), pool.IncludePad ? "1" : "0", CLiteral.Double(pool.P)]).ToEquatableArray());
    }
}
