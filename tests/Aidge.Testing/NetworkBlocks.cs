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

    /// <summary>ResNet's basic block: conv-bn-relu-conv-bn, plus the block's input, then relu.</summary>
    public static string ResNetBasicBlock(this ModelBuilder b, string input, long channels)
    {
        string branch = b.Relu(b.BatchNorm(b.Conv(input, channels, channels, 3), channels));
        branch = b.BatchNorm(b.Conv(branch, channels, channels, 3), channels);
        return b.Relu(b.Add(branch, input));
    }

    /// <summary>
    /// MobileNetV2's inverted residual block: 1x1 expansion, depthwise 3x3 (with the stride), each followed by
    /// BatchNormalization and Relu6, then a linear 1x1 projection; the input is added back when shapes allow.
    /// </summary>
    public static string MobileNetBlock(this ModelBuilder b, string input, long inChannels, long outChannels, long expansion, long stride)
    {
        long hidden = inChannels * expansion;
        string expanded = b.Relu6(b.BatchNorm(b.Conv(input, inChannels, hidden, 1), hidden));
        string filtered = b.Relu6(b.BatchNorm(b.Conv(expanded, hidden, hidden, 3, stride, group: hidden), hidden));
        string projected = b.BatchNorm(b.Conv(filtered, hidden, outChannels, 1), outChannels);
        return stride == 1 && inChannels == outChannels ? b.Add(projected, input) : projected;
    }

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
}
