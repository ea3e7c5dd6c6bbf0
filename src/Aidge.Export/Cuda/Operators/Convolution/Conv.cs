using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Cuda.Operators.Linear;
using Aidge.Export.Kernels.Convolution;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Convolution;

/// <summary>
/// Conv and ai.aidge FusedConv (float32, 1 to 3 spatial dims, groups, dilations, pads and auto_pad). Groups that sum
/// over several input channels run as the shared-memory implicit GEMM (aidge_cu_conv, one group per grid z); groups
/// that read one input channel (depthwise, or a first layer on a grey image) have a depth of one kernel window, too
/// little to stage tiles for, and run one thread per output (aidge_cu_conv_depthwise). FusedConv's activation is
/// applied in the store (<see cref="ActivationEpilogue"/>).
/// </summary>
[CudaEmitter("Conv")]
[CudaEmitter("FusedConv", Domain = AidgeDomain.Name)]
public sealed class Conv : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        node.RequireType(node.Input(0), DataType.Float);
        var conv = ConvGeometry.Of(node);
        CudaLimits.RequireInt32(node, conv.X, conv.W, conv.Y);
        bool depthwise = conv.InputsPerGroup == 1;
        if (!depthwise)
        {
            CudaLimits.RequireGrid(node, conv.Group, "groups");
            CudaLimits.RequireGrid(node, (conv.OutputsPerGroup + 63) / 64, "output channel tiles");
        }
        yield return new KernelCall(new CudaRuntimeHelper(depthwise ? "aidge_cu_conv_depthwise" : "aidge_cu_conv"), new[]
        {
            conv.X.Read, conv.W.Read, conv.Bias?.Read ?? "NULL", conv.Y.Write,
            CLiteral.Int(conv.Batch), CLiteral.Int(conv.InputChannels), CLiteral.Int(conv.OutputChannels), CLiteral.Int(conv.Group),
            CudaLiteral.Window(conv.Window),
        }.Concat(ActivationEpilogue.Arguments(node)).Append(CudaNode.Stream).ToEquatableArray())
        {
            Tables = CudaGemm.Activation,
        };
    }
}
