using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// BatchNormalization at inference (float32, [N, C, ...]): y = (x − mean[c]) / sqrt(var[c] + epsilon) · scale[c] + B[c],
/// one pipelined element per iteration. Training mode (the running statistics outputs) is not supported.
/// </summary>
[HlsEmitter("BatchNormalization")]
public sealed class HlsBatchNormalization : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var y = node.Output(0);
        node.RequireType(x, DataType.Float);
        if (node.HasOutput(1) || node.HasOutput(2) || (node.Node.FindAttribute("training_mode") is not null && node.GetInt("training_mode") != 0))
        {
            throw node.Unsupported("training mode (running mean and variance outputs) is not supported; export the model in inference mode");
        }
        long channels = x.Rank > 1 ? x.Dims[1] : 1;
        long inner = x.Rank > 2 ? x.ElementCount / (x.Dims[0] * channels) : 1;
        string epsilon = CLiteral.Float(node.GetFloat("epsilon"));
        var body = new HlsBody()
            .For("n", x.Rank > 0 ? x.Dims[0] : 1, HlsLoopRole.Outer)
            .For("c", channels, HlsLoopRole.Outer)
            .For("i", inner, HlsLoopRole.PerOutput)
            .Line($"const int at = (n * {channels} + c) * {inner} + i;")
            .Line($"y[at] = (x[at] - mean[c]) / sqrtf(var[c] + {epsilon}) * scale[c] + bias[c];")
            .End().End().End();
        for (int i = 1; i <= 4; i++)
        {
            node.RequireType(node.Input(i), DataType.Float);
        }
        yield return HlsLayer.Of("batch_norm", body,
            HlsLayer.In("x", x), HlsLayer.In("scale", node.Input(1)), HlsLayer.In("bias", node.Input(2)),
            HlsLayer.In("mean", node.Input(3)), HlsLayer.In("var", node.Input(4)), HlsLayer.Out("y", y));
    }
}
