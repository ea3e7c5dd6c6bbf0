using Aidge.Core.Operators.Aidge;
using Aidge.Export.C;
using Aidge.Export.Kernels.Convolution;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Quantized;

/// <summary>
/// ai.aidge QConv: uint8 or int8 activations, int8 weights per output channel, int32 bias, requantized output (1 to 3
/// spatial dims, groups, dilations, pads and auto_pad: the shared <see cref="ConvGeometry"/>), one thread per output
/// (Cuda/Runtime/aidge_cu_qconv.cu), bit-exact with the simulator.
/// </summary>
[CudaEmitter("QConv", Domain = AidgeDomain.Name)]
public sealed class CudaQConv : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var conv = ConvGeometry.Of(node);
        CudaLimits.RequireInt32(node, conv.X, conv.W, conv.Y);
        var layer = QuantizedLayer.Of(node, conv.X, conv.W, conv.Bias, conv.OutputChannels);
        string t = conv.X.CType;
        var kernel = new CudaQuantizedKernel("qconv", conv.X.Type,
            $"const {t}* x, const int8_t* w, const int32_t* bias, {t}* y, long long batch, int channels, int outputs, int groups, aidge_cu_window g, aidge_cu_qlayer q",
            "x, w, bias, y, batch, channels, outputs, groups, g, q", "batch * outputs * g.out[0] * g.out[1] * (long long)g.out[2]", CudaQuantizedKernel.Requantization(layer));
        yield return new KernelCall(kernel, new[]
        {
            conv.X.Read, conv.W.Read, conv.Bias?.Read ?? "(const int32_t*)0", conv.Y.Write, CLiteral.Int(conv.Batch), CLiteral.Int(conv.InputChannels),
            CLiteral.Int(conv.OutputChannels), CLiteral.Int(conv.Group), CudaLiteral.Window(conv.Window), CudaQuantizedKernel.Layer(layer), CudaNode.Stream,
        }.ToEquatableArray());
    }
}
