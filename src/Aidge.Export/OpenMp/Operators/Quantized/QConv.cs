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
        var x = node.Input(0);
        var w = node.Input(1);
        var y = node.Output(0);
        long[] weights = w.Dims.ToArray();
        long[] kernel = node.GetInts("kernel_shape") is { Length: > 0 } k ? k : weights[2..];
        var window = SpatialWindow.Of(node, x.Dims.ToArray(), y.Dims.ToArray(), kernel);
        long group = node.GetInt("group");
        bool direct = x.Dims[1] / group == 1 && weights[0] / group < DirectMaxOutputsPerGroup;
        long depth = weights.Skip(1).Aggregate(1L, (p, d) => p * d);
        var parameters = QuantizedLayerParameters.Of(node, x, w, node.OptionalInput(2), weights[0], depth, withCorrection: !direct);
        yield return parameters.Call(direct ? "aidge_qconv_direct" : "aidge_qconv_gemm", new[]
        {
            NodeContext.Threads, x.Read, w.Read, y.Write, parameters.Argument,
            CLiteral.Int(x.Dims[0]), CLiteral.Int(x.Dims[1]), CLiteral.Int(weights[0]), CLiteral.Int(group),
        }.Concat(window.Arguments(withPadEnd: false)));
    }
}
