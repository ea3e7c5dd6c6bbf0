using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Fusion;

/// <summary>
/// A Conv, ConvTranspose or Gemm with constant float32 weights and a constant bias (or none): for each output channel
/// c it computes y[c] = w[c]·x + b[c], so an affine map y[c]·scale[c] + shift[c] after it folds into its parameters as
/// w'[c] = w[c]·scale[c] and b'[c] = b[c]·scale[c] + shift[c]. The channel is axis 1 of the output: N C ... for the
/// convolutions, N of Gemm's [M, N]. What differs between the three is only which weight elements feed channel c.
/// </summary>
internal sealed class LinearLayer
{
    private const string FoldedSuffix = "_folded";

    private readonly Tensor weight;
    private readonly double[] bias;
    private readonly Func<int, int> channelOfWeight;

    private LinearLayer(Node node, Tensor weight, double[] bias, Func<int, int> channelOfWeight, int outputRank)
    {
        Node = node;
        this.weight = weight;
        this.bias = bias;
        this.channelOfWeight = channelOfWeight;
        OutputRank = outputRank;
    }

    public Node Node { get; }

    public int Channels => bias.Length;

    public int OutputRank { get; }

    /// <summary>The shape of a per-output-channel constant: [1, C, 1, ...] at the output's rank.</summary>
    public long[] ChannelShape => Enumerable.Range(0, OutputRank).Select(axis => axis == 1 ? (long)Channels : 1L).ToArray();

    /// <summary>The layer <paramref name="node"/> is, when its parameters are constants this class can rewrite.</summary>
    public static LinearLayer? TryMatch(Node? node, PassContext context)
    {
        if (node is null || !GraphEdits.IsOnnx(node) || Patterns.FloatConstant(context, node.Input(1)) is not { } weight)
        {
            return null;
        }
        return node.OpType switch
        {
            "Conv" when weight.Rank >= 3 => Convolution(node, context, weight),
            "ConvTranspose" when weight.Rank >= 3 => TransposedConvolution(node, context, weight),
            "Gemm" when weight.Rank == 2 && node.Graph.OnnxOpset >= 7 => Gemm(node, context, weight),
            _ => null,
        };
    }

    /// <summary>Conv's W is [M, C/group, k...]: channel m owns the m-th block.</summary>
    private static LinearLayer? Convolution(Node node, PassContext context, Tensor weight)
    {
        int channels = (int)weight.Dims[0];
        int block = channels == 0 ? 0 : weight.Length / channels;
        return ConvolutionBias(node, context, channels) is { } bias
            ? new LinearLayer(node, weight, bias, i => i / block, weight.Rank)
            : null;
    }

    /// <summary>
    /// ConvTranspose's W is [C_in, M/group, k...]: element [ci, j, ...] feeds output channel g·(M/group) + j, where g is
    /// the group of input channel ci.
    /// </summary>
    private static LinearLayer? TransposedConvolution(Node node, PassContext context, Tensor weight)
    {
        long group = node.GetInt("group", 1);
        long inputChannels = weight.Dims[0];
        long perGroup = weight.Dims[1];
        if (group <= 0 || inputChannels % group != 0 || inputChannels * perGroup == 0)
        {
            return null;
        }
        long kernel = weight.Length / (inputChannels * perGroup);
        long inputsPerGroup = inputChannels / group;
        int channels = (int)(perGroup * group);
        return ConvolutionBias(node, context, channels) is { } bias
            ? new LinearLayer(node, weight, bias, i => (int)(i / (perGroup * kernel) / inputsPerGroup * perGroup + i / kernel % perGroup), weight.Rank)
            : null;
    }

    /// <summary>B is [K, N], or [N, K] with transB; C must not vary along M, and beta is folded into the new bias.</summary>
    private static LinearLayer? Gemm(Node node, PassContext context, Tensor weight)
    {
        bool transposed = node.GetInt("transB", 0) != 0;
        int channels = (int)weight.Dims[transposed ? 0 : 1];
        int depth = (int)weight.Dims[transposed ? 1 : 0];
        double[] bias = new double[channels];
        if (node.Input(2) is { } c)
        {
            if (Patterns.FloatConstant(context, c) is not { } constant || ConstantBroadcast.TryExpand(constant, [1, channels]) is not { } values)
            {
                return null;
            }
            double beta = node.GetFloat("beta", 1f);
            bias = values.Select(v => v * beta).ToArray();
        }
        return new LinearLayer(node, weight, bias, transposed ? i => i / depth : i => i % channels, outputRank: 2);
    }

    /// <summary>The convolution's bias B [M] when it is constant, zeros when absent, null when it is computed.</summary>
    private static double[]? ConvolutionBias(Node node, PassContext context, int channels)
    {
        if (node.Input(2) is not { } b)
        {
            return new double[channels];
        }
        return Patterns.FloatConstant(context, b) is { Rank: 1 } bias && bias.Length == channels
            ? Enumerable.Range(0, channels).Select(bias.GetDouble).ToArray()
            : null;
    }

    /// <summary>
    /// Makes the layer compute y[c]·scale[c] + shift[c]: new weight and bias initializers (a bias is created when the
    /// layer had none; Gemm's beta becomes 1), the old ones removed when nothing else reads them.
    /// </summary>
    public void Fold(GraphRewriter rewriter, double[] scale, double[] shift)
    {
        var source = weight.Span<float>();
        var folded = new float[source.Length];
        for (int i = 0; i < folded.Length; i++)
        {
            folded[i] = (float)(source[i] * scale[channelOfWeight(i)]);
        }
        var newBias = new float[Channels];
        for (int c = 0; c < newBias.Length; c++)
        {
            newBias[c] = (float)(bias[c] * scale[c] + shift[c]);
        }
        var oldWeight = Node.Input(1)!;
        var oldBias = Node.Input(2);
        Node.SetInput(1, rewriter.AddInitializer(FoldedName(oldWeight.Name), Tensor.FromArray(folded, weight.Dims)));
        Node.SetInput(2, rewriter.AddInitializer(FoldedName(oldBias?.Name ?? $"{oldWeight.Name}_bias"), Tensor.FromArray(newBias, Channels)));
        if (Node.OpType == "Gemm")
        {
            Node.SetAttribute(NodeAttribute.Of("beta", 1f));
        }
        rewriter.RemoveUnread([oldWeight, oldBias]);
    }

    private static string FoldedName(string name) => name.EndsWith(FoldedSuffix, StringComparison.Ordinal) ? name : name + FoldedSuffix;
}
