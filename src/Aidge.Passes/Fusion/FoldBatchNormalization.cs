using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;

namespace Aidge.Passes.Fusion;

/// <summary>
/// Folds an inference-mode BatchNormalization into the Conv, ConvTranspose or Gemm that feeds it: BN computes
/// (y − mean)·γ/√(var + ε) + β per channel, an affine map, so the layer's weights are scaled by s = γ/√(var + ε) and
/// its bias becomes (b − mean)·s + β. Only when the layer's output is read by the BN alone (another reader or the
/// graph's caller needs the unnormalized values) and nothing reads BN's training outputs.
/// </summary>
public sealed class FoldBatchNormalization : IPass
{
    public string Name => "fold-batchnorm";

    public string Description => "Folds inference BatchNormalization into the preceding Conv, ConvTranspose or Gemm (scaled weights, new or updated bias).";

    public PassResult Run(Graph graph, PassContext context)
    {
        var rewriter = new GraphRewriter(graph);
        foreach (var batchNorm in rewriter.Anchors("BatchNormalization"))
        {
            var input = batchNorm.Input(0);
            if (!IsInference(batchNorm, rewriter)
                || rewriter.SoleConsumer(input) != batchNorm
                || LinearLayer.TryMatch(input?.Producer, context) is not { } layer
                || ChannelAffine(batchNorm, context, layer.Channels) is not { } affine)
            {
                continue;
            }
            layer.Fold(rewriter, affine.Scale, affine.Shift);
            rewriter.Absorb(layer.Node, batchNorm);
            rewriter.Rewrote($"BatchNormalization '{batchNorm.DisplayName}' folded into {layer.Node.OpType} '{layer.Node.DisplayName}'");
        }
        return rewriter.Finish();
    }

    /// <summary>
    /// Inference mode: statistics are the given mean and variance (training_mode 0 from opset 14, is_test 1 before
    /// opset 7), per channel (spatial 1 before opset 9), and no one reads the running statistics outputs.
    /// </summary>
    private static bool IsInference(Node node, GraphRewriter rewriter) =>
        node.Output(0) is not null
        && node.GetInt("training_mode", 0) == 0
        && (node.Graph.OnnxOpset >= 7 || node.GetInt("is_test", 0) != 0)
        && node.GetInt("spatial", 1) == 1
        && node.Outputs.Skip(1).All(rewriter.IsUnread);

    /// <summary>The per-channel scale and shift BN applies, when its four parameters are float32 constants of one value per channel.</summary>
    private static (double[] Scale, double[] Shift)? ChannelAffine(Node node, PassContext context, int channels)
    {
        var parameters = Enumerable.Range(1, 4).Select(i => Patterns.FloatConstant(context, node.Input(i))).ToArray();
        if (parameters.Any(p => p is not { Rank: 1 } || p.Length != channels))
        {
            return null;
        }
        var (gamma, beta, mean, variance) = (parameters[0]!, parameters[1]!, parameters[2]!, parameters[3]!);
        double epsilon = node.GetFloat("epsilon", 1e-5f);
        var scale = new double[channels];
        var shift = new double[channels];
        for (int c = 0; c < channels; c++)
        {
            scale[c] = gamma.GetDouble(c) / Math.Sqrt(variance.GetDouble(c) + epsilon);
            shift[c] = beta.GetDouble(c) - mean.GetDouble(c) * scale[c];
        }
        return (scale, shift);
    }
}
