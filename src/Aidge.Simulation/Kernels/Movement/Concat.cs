using Aidge.Core.Operators;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>Concat: for each position before the axis, the inputs' blocks one after another.</summary>
[Kernel("Concat", WidenHalfPrecision = false)]
public sealed class ConcatKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var inputs = Enumerable.Range(0, context.InputCount).Select(context.Input).ToList();
        context.SetOutput(0, TensorAxis.Concat(inputs, ShapeMath.NormalizeAxis(context.GetInt("axis"), inputs[0].Rank)));
    }
}
