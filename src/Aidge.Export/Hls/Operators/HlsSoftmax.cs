using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Softmax and LogSoftmax (float32) over lanes of the shared <see cref="TensorLayout.Lanes"/> (before opset 13 the
/// input is coerced to 2-D at the axis): per lane the maximum, the sum of exponentials of the shifted values, then the
/// normalized outputs, so large inputs do not overflow.
/// </summary>
[HlsEmitter("Softmax")]
[HlsEmitter("LogSoftmax")]
public sealed class HlsSoftmax : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var y = node.Output(0);
        node.RequireType(x, DataType.Float);
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), x.Rank);
        var (outer, length, inner) = TensorLayout.Lanes(x.Dims, axis, coercedTo2D: node.OpsetVersion < 13);
        bool log = node.Node.OpType == "LogSoftmax";
        string at = $"o * {length * inner} + j * {inner} + i";
        var body = new HlsBody()
            .For("o", outer, HlsLoopRole.Outer)
            .For("i", inner, HlsLoopRole.PerOutput)
            .Line("float max = -INFINITY;")
            .For("j", length, HlsLoopRole.Reduction).Line($"max = x[{at}] > max ? x[{at}] : max;").End()
            .Line("float sum = 0.0f;")
            .For("j", length, HlsLoopRole.Reduction).Line($"const float e = expf(x[{at}] - max);");
        if (!log)
        {
            body.Line($"y[{at}] = e;");
        }
        body.Line("sum += e;").End();
        if (log)
        {
            body.Line("const float log_sum = logf(sum);")
                .For("j", length, HlsLoopRole.Reduction).Line($"y[{at}] = x[{at}] - max - log_sum;").End();
        }
        else
        {
            body.For("j", length, HlsLoopRole.Reduction).Line($"y[{at}] /= sum;").End();
        }
        body.End().End();
        yield return HlsLayer.Of(node.Node.OpType, body, HlsLayer.In("x", x), HlsLayer.Out("y", y));
    }
}
