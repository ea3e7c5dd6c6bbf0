using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Shaping;

/// <summary>Identity passes its input on unchanged, whatever it is (tensor, sequence, optional).</summary>
[Kernel("Identity", WidenHalfPrecision = false)]
public sealed class IdentityKernel : IKernel
{
    public void Execute(KernelContext context) => context.SetOutputValue(0, context.InputValue(0));
}
