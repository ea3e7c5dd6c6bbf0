namespace Aidge.Testing;

/// <summary>
/// The layers and blocks of small convolutional networks, added to a <see cref="ModelBuilder"/> with seeded
/// random weights. Each method takes the name of its input value and returns the name of its output value.
/// </summary>
public static class NetworkBlocks
{
    /// <summary>A square convolution padded to keep the spatial size (at stride 1), without bias as before a BatchNormalization.</summary>
    public static string Conv(this ModelBuilder b, string input, long inChannels, long outChannels, long kernel, long stride = 1, long group = 1)
    {
        string weight = b.Fresh("conv_w");
        string output = b.Fresh("conv");
        long fanIn = inChannels / group * kernel * kernel;
        // Uniform in ±sqrt(3/fanIn) has variance 1/fanIn, which keeps activations of unit size through the layer.
        b.RandomInitializer(weight, MathF.Sqrt(3f / fanIn), outChannels, inChannels / group, kernel, kernel);
        long pad = kernel / 2;
        b.Node("Conv", [input, weight], [output],
            ("kernel_shape", new[] { kernel, kernel }), ("strides", new[] { stride, stride }),
            ("pads", new[] { pad, pad, pad, pad }), ("group", group));
        return output;
    }

    /// <summary>Inference-mode BatchNormalization with statistics that neither vanish nor explode.</summary>
    public static string BatchNorm(this ModelBuilder b, string input, long channels)
    {
        string scale = b.Fresh("bn_scale"), bias = b.Fresh("bn_bias"), mean = b.Fresh("bn_mean"), variance = b.Fresh("bn_var");
        string output = b.Fresh("bn");
        b.Initializer(scale, b.RandomValues(channels, 0.5f, 1.5f), channels)
            .Initializer(bias, b.RandomValues(channels, -0.1f, 0.1f), channels)
            .Initializer(mean, b.RandomValues(channels, -0.1f, 0.1f), channels)
            .Initializer(variance, b.RandomValues(channels, 0.5f, 1.5f), channels)
            .Node("BatchNormalization", [input, scale, bias, mean, variance], [output], ("epsilon", 1e-5f));
        return output;
    }

    /// <summary>
    /// <c>x.view(x.size(0), -1)</c> as PyTorch exports it: Reshape(x, Concat(Unsqueeze(Gather(Shape(x), 0)), [-1])),
    /// a shape computation that is known when compiling once the dims are static.
    /// </summary>
    public static string ShapeFlatten(this ModelBuilder b, string input)
    {
        string zero = b.Fresh("zero"), axes = b.Fresh("axes"), minusOne = b.Fresh("minus_one");
        string shape = b.Fresh("shape"), batch = b.Fresh("batch"), batch1 = b.Fresh("batch1"), target = b.Fresh("target");
        string output = b.Fresh("flat");
        b.Initializer(zero, new long[] { 0 })
            .Initializer(axes, new long[] { 0 }, 1)
            .Initializer(minusOne, new long[] { -1 }, 1)
            .Node("Shape", [input], [shape])
            .Node("Gather", [shape, zero], [batch])
            .Node("Unsqueeze", [batch, axes], [batch1])
            .Node("Concat", [batch1, minusOne], [target], ("axis", 0L))
            .Node("Reshape", [input, target], [output]);
        return output;
    }

    public static string Relu(this ModelBuilder b, string input)
    {
        string output = b.Fresh("relu");
        b.Node("Relu", [input], [output]);
        return output;
    }

    /// <summary>Relu6 as exporters write it: Clip with min 0 and max 6 given as inputs (opset 11 and later).</summary>
    public static string Relu6(this ModelBuilder b, string input)
    {
        string min = b.Fresh("clip_min"), max = b.Fresh("clip_max"), output = b.Fresh("relu6");
        b.Initializer(min, [0f]).Initializer(max, [6f]).Node("Clip", [input, min, max], [output]);
        return output;
    }

    public static string Add(this ModelBuilder b, string left, string right)
    {
        string output = b.Fresh("add");
        b.Node("Add", [left, right], [output]);
        return output;
    }

    /// <summary>Global average pooling then Flatten, as <c>torch.flatten(adaptive_avg_pool2d(x, 1), 1)</c> exports.</summary>
    public static string GlobalPoolFlatten(this ModelBuilder b, string input)
    {
        string pooled = b.Fresh("pool"), output = b.Fresh("flat");
        b.Node("GlobalAveragePool", [input], [pooled]).Node("Flatten", [pooled], [output], ("axis", 1L));
        return output;
    }

    /// <summary>A fully connected layer as <c>nn.Linear</c> exports: Gemm with the weight [out, in] transposed, and a bias.</summary>
    public static string Linear(this ModelBuilder b, string input, long inFeatures, long outFeatures)
    {
        string weight = b.Fresh("fc_w"), bias = b.Fresh("fc_b"), output = b.Fresh("fc");
        float bound = MathF.Sqrt(3f / inFeatures);
        b.RandomInitializer(weight, bound, outFeatures, inFeatures)
            .RandomInitializer(bias, bound, outFeatures)
            .Node("Gemm", [input, weight, bias], [output], ("transB", 1L));
        return output;
    }

    /// <summary>ResNet's basic block: conv-bn-relu-conv-bn, plus the block's input, then relu.</summary>
    public static string ResNetBasicBlock(this ModelBuilder b, string input, long channels)
    {
        string branch = b.Relu(b.BatchNorm(b.Conv(input, channels, channels, 3), channels));
        branch = b.BatchNorm(b.Conv(branch, channels, channels, 3), channels);
        return b.Relu(b.Add(branch, input));
    }

    /// <summary>
    /// MobileNetV2's inverted residual block: 1x1 expansion (none when the expansion factor is 1, as in the network's
    /// first block), depthwise 3x3 (with the stride), each followed by BatchNormalization and Relu6, then a linear 1x1
    /// projection; the input is added back when shapes allow.
    /// </summary>
    public static string MobileNetBlock(this ModelBuilder b, string input, long inChannels, long outChannels, long expansion, long stride)
    {
        long hidden = inChannels * expansion;
        string expanded = expansion == 1 ? input : b.Relu6(b.BatchNorm(b.Conv(input, inChannels, hidden, 1), hidden));
        string filtered = b.Relu6(b.BatchNorm(b.Conv(expanded, hidden, hidden, 3, stride, group: hidden), hidden));
        string projected = b.BatchNorm(b.Conv(filtered, hidden, outChannels, 1), outChannels);
        return stride == 1 && inChannels == outChannels ? b.Add(projected, input) : projected;
    }

    /// <summary>
    /// The small classifier the compiler tests export: Conv 3x3 (4 filters over <paramref name="channels"/> input
    /// channels of an 8x8 image, padded), Relu, MaxPool 2x2, Flatten, Gemm to ten logits; seeded random weights.
    /// </summary>
    public static ModelBuilder SmallClassifier(long channels = 1) =>
        new ModelBuilder(opset: 13)
            .Input("image", 1, channels, 8, 8)
            .RandomInitializer("conv.weight", 0.5f, 4, channels, 3, 3)
            .RandomInitializer("conv.bias", 0.1f, 4)
            .RandomInitializer("fc.weight", 0.2f, 10, 64)
            .RandomInitializer("fc.bias", 0.1f, 10)
            .Node("Conv", ["image", "conv.weight", "conv.bias"], ["c"], ("pads", new long[] { 1, 1, 1, 1 }))
            .Node("Relu", ["c"], ["r"])
            .Node("MaxPool", ["r"], ["p"], ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }))
            .Node("Flatten", ["p"], ["f"])
            .Node("Gemm", ["f", "fc.weight", "fc.bias"], ["logits"], ("transB", 1L))
            .Output("logits");

    /// <summary>
    /// A ResNet-style network on one 3-channel image: a 3x3 stem convolution to <paramref name="channels"/>
    /// channels with BatchNormalization and Relu, then <paramref name="blocks"/> basic blocks at full resolution.
    /// </summary>
    public static ModelBuilder ResNetStyleNetwork(long channels, long size, int blocks, int opset = 17, int seed = 1)
    {
        var b = new ModelBuilder(opset, seed).Input("image", 1, 3, size, size);
        string x = b.Relu(b.BatchNorm(b.Conv("image", 3, channels, 3), channels));
        for (int i = 0; i < blocks; i++)
        {
            x = b.ResNetBasicBlock(x, channels);
        }
        return b.Output(x);
    }

    /// <summary>
    /// The (expansion t, output channels c, repeats n, first stride s) rows of MobileNetV2's body (Sandler et al. 2018,
    /// table 2), before the width multiplier.
    /// </summary>
    private static readonly (long T, long C, int N, long S)[] MobileNetV2Body =
    [
        (1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1),
    ];

    /// <summary>
    /// MobileNetV2 as torchvision defines it and exports it without folding: a 3x3 stride-2 stem convolution, the 17
    /// inverted residual blocks of <see cref="MobileNetV2Body"/> (residual Adds where shapes allow), a 1x1
    /// convolution to 1280 channels, every convolution followed by BatchNormalization (and Relu6 except after
    /// projections), global average pooling, Flatten and a Gemm classifier. At width 1 and 224x224 it is about
    /// 0.3 GMAC and 3.5 M parameters; <paramref name="width"/> scales every channel count (rounded to a multiple of
    /// 8, as torchvision does) and a smaller <paramref name="size"/> makes it cheap enough for tests.
    /// </summary>
    public static ModelBuilder MobileNetV2Network(long size = 224, double width = 1.0, long classes = 1000, int opset = 17, int seed = 1)
    {
        var b = new ModelBuilder(opset, seed).Input("image", 1, 3, size, size);
        long channels = RoundChannels(32 * width);
        string x = b.Relu6(b.BatchNorm(b.Conv("image", 3, channels, 3, stride: 2), channels));
        foreach (var (t, c, n, s) in MobileNetV2Body)
        {
            long outChannels = RoundChannels(c * width);
            for (int i = 0; i < n; i++)
            {
                x = b.MobileNetBlock(x, channels, outChannels, t, i == 0 ? s : 1);
                channels = outChannels;
            }
        }
        long lastChannels = RoundChannels(1280 * Math.Max(1.0, width));
        x = b.Relu6(b.BatchNorm(b.Conv(x, channels, lastChannels, 1), lastChannels));
        return b.Output(b.Linear(b.GlobalPoolFlatten(x), lastChannels, classes));
    }

    /// <summary>torchvision's <c>_make_divisible</c>: the nearest multiple of 8, never more than 10% below the request.</summary>
    private static long RoundChannels(double channels)
    {
        long rounded = Math.Max(8, (long)(channels + 4) / 8 * 8);
        return rounded < 0.9 * channels ? rounded + 8 : rounded;
    }
}
