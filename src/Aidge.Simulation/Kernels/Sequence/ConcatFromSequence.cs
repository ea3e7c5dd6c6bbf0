using Aidge.Core.Operators;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Sequence;

/// <summary>ConcatFromSequence: concatenates along axis, or stacks along a new axis when new_axis is 1.</summary>
[Kernel("ConcatFromSequence", SinceVersion = 11, WidenHalfPrecision = false)]
public sealed class ConcatFromSequenceKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var sequence = SequenceValues.Input(context, 0);
        if (sequence.Count == 0)
        {
            throw new ArgumentException("ConcatFromSequence needs at least one tensor.");
        }
        bool stack = context.GetInt("new_axis") == 1;
        int rank = sequence[0].Rank;
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), stack ? rank + 1 : rank);
        context.SetOutput(0, stack ? TensorAxis.Stack(sequence, axis) : TensorAxis.Concat(sequence, axis));
    }
}
