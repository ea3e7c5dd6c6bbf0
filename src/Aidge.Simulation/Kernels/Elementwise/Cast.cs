using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>Cast and CastLike; they convert raw elements themselves, so half types are not widened first.</summary>
[Kernel("Cast", WidenHalfPrecision = false)]
[Kernel("CastLike", SinceVersion = 15, WidenHalfPrecision = false)]
public sealed class CastKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        DataType target = context.Node.OpType == "CastLike"
            ? context.Input(1).Type
            : Core.Operators.Elementwise.Cast.TargetType(context.Node);
        context.SetOutput(0, ElementConversion.Convert(context.Input(0), target));
    }
}
