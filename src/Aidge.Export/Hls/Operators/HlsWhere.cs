using Aidge.Core.Tensors;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>Where (any element type): y = condition ? a : b with the three inputs broadcast to the output (the shared <see cref="BroadcastStrides"/>).</summary>
[HlsEmitter("Where")]
public sealed class HlsWhere : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var condition = node.Input(0);
        var a = node.Input(1);
        var b = node.Input(2);
        var y = node.Output(0);
        node.RequireType(condition, DataType.Bool);
        if (a.Type != y.Type || b.Type != y.Type)
        {
            throw node.Unsupported("the two branches and the output must have one element type");
        }
        var body = new HlsBody();
        var (index, loops) = HlsLoops.Broadcast(body, y.Dims.ToArray(), condition.Dims.ToArray(), a.Dims.ToArray(), b.Dims.ToArray());
        body.Line($"y[{index[0]}] = condition[{index[1]}] ? a[{index[2]}] : b[{index[3]}];");
        HlsLoops.Close(body, loops);
        yield return HlsLayer.Of("where", body, HlsLayer.In("condition", condition), HlsLayer.In("a", a), HlsLayer.In("b", b), HlsLayer.Out("y", y));
    }
}
