using Aidge.Core.Operators.Aidge;
using Aidge.Export.C;
using Aidge.Export.Kernels.Convolution;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Quantized;

/// <summary>
/// ai.aidge QConv: uint8 or int8 activations, int8 weights per output channel, int32 bias, requantized output (1 to 3
/// spatial dims, groups, dilations, pads and auto_pad). As for the float Conv, convolutions that sum over several
/// input channels per output, or produce several outputs per input channel, run as the packed int8 GEMM
/// (aidge_qconv_gemm: VNNI where the CPU has it); depthwise ones run as a direct convolution (aidge_qconv_direct).
/// </summary>
[OpenMpEmitter("QConv", Domain = AidgeDomain.Name)]
public sealed class QConv : INodeEmitter
{
    /// <summary>Below a tile of the narrowest micro-kernel (4 rows), a GEMM's rows would sit mostly idle.</summary>
    private const long DirectMaxOutputsPerGroup = 4;

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var conv = ConvGeometry.Of(node);
        bool direct = conv.InputsPerGroup == 1 && conv.OutputsPerGroup < DirectMaxOutputsPerGroup;
        var parameters = QuantizedLayerParameters.Of(node, conv.X, conv.W, conv.Bias, conv.OutputChannels, conv.Depth, withCorrection: !direct);
        yield return parameters.Call(direct ? "aidge_qconv_direct" : "aidge_qconv_gemm", new[]
        {
            NodeContext.Threads, conv.X.Read, conv.W.Read, conv.Y.Write, parameters.Argument,
            CLiteral.Int(conv.Batch), CLiteral.Int(conv.InputChannels), CLiteral.Int(conv.OutputChannels), CLiteral.Int(conv.Group),
        }.Concat(conv.Window.Arguments(withPadEnd: false)));
    }
}
