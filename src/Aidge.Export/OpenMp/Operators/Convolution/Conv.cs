using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Kernels.Convolution;
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
        node.RequireType(node.Input(0), DataType.Float);
        var conv = ConvGeometry.Of(node);
        // A GEMM pays for packing its panel by reusing it across output channels: worth it from one 6-row tile up.
        bool direct = conv.InputsPerGroup == 1 && conv.OutputsPerGroup < DirectMaxOutputsPerGroup;
        string helper = direct ? "aidge_conv_f32" : "aidge_conv_gemm_f32";
        yield return new KernelCall(new RuntimeHelper(helper), new[]
        {
            NodeContext.Threads, conv.X.Read, conv.W.Read, conv.Bias?.Read ?? "NULL", conv.Y.Write,
            CLiteral.Int(conv.Batch), CLiteral.Int(conv.InputChannels), CLiteral.Int(conv.OutputChannels), CLiteral.Int(conv.Group),
        }.Concat(conv.Window.Arguments(withPadEnd: false)).Concat(ActivationEpilogue.Arguments(node)).ToEquatableArray());
    }
}
