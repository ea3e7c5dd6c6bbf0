using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Convolution;

/// <summary>
/// Conv (float32, 1 to 3 spatial dims, groups and depthwise, dilations, pads and auto_pad). Convolutions that sum over
/// several input channels per output, or that produce several outputs from each input channel (a first layer on a
/// grey image), run as a blocked GEMM on the fly (aidge_conv_gemm_f32); depthwise ones, one input and few outputs per
/// group, have too little reuse for a GEMM and run as a direct convolution (aidge_conv_f32). FusedConv plans the same
/// calls with its activation in the helpers' epilogue (<see cref="ActivationEpilogue"/>).
/// </summary>
[OpenMpEmitter("Conv")]
[OpenMpEmitter("FusedConv", Domain = AidgeDomain.Name)]
public sealed class Conv : INodeEmitter
{
    /// <summary>The micro-kernel's tile height (AIDGE_MR): fewer output channels per group than this leave its rows idle.</summary>
    private const long DirectMaxOutputsPerGroup = 6;

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var w = node.Input(1);
        var bias = node.OptionalInput(2);
        var y = node.Output(0);
        node.RequireType(x, DataType.Float);
        long[] weights = w.Dims.ToArray();
        long[] kernel = node.GetInts("kernel_shape") is { Length: > 0 } k ? k : weights[2..];
        var window = SpatialWindow.Of(node, x.Dims.ToArray(), y.Dims.ToArray(), kernel);
        long group = node.GetInt("group");
        // A GEMM pays for packing its panel by reusing it across output channels: worth it from one 6-row tile up.
        bool direct = x.Dims[1] / group == 1 && weights[0] / group < DirectMaxOutputsPerGroup;
        string helper = direct ? "aidge_conv_f32" : "aidge_conv_gemm_f32";
        yield return new KernelCall(new RuntimeHelper(helper), new[]
        {
            NodeContext.Threads, x.Read, w.Read, bias?.Read ?? "NULL", y.Write,
            CLiteral.Int(x.Dims[0]), CLiteral.Int(x.Dims[1]), CLiteral.Int(weights[0]), CLiteral.Int(group),
        }.Concat(window.Arguments(withPadEnd: false)).Concat(ActivationEpilogue.Arguments(node)).ToEquatableArray());
    }
}
