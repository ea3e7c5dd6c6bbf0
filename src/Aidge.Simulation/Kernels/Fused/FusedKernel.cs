using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Convolution;
using Aidge.Simulation.Kernels.Linear;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Fused;

/// <summary>
/// FusedConv and FusedGemm (float32): the Conv or Gemm kernel's output, then the node's activation on every
/// element, with <see cref="FusedActivation.Apply"/> (the arithmetic the exported C code repeats).
/// </summary>
[Kernel("FusedConv", Domain = AidgeDomain.Name)]
[Kernel("FusedGemm", Domain = AidgeDomain.Name)]
public sealed class FusedKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var activation = FusedActivation.FromNode(context.Node);
        if (context.Input(0).Type != DataType.Float)
        {
            throw new NotSupportedException($"{context.Node.OpType} takes float32 inputs, not {context.Input(0).Type.OnnxName()}.");
        }
        var y = context.Node.OpType == "FusedConv" ? ConvKernel.Forward<float>(context) : GemmKernel.Compute(context);
        var values = y.Span<float>();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = activation.Apply(values[i]);
        }
        context.SetOutput(0, y);
    }
}
