using Aidge.Core.Operators;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Normalization;

/// <summary>Softmax and LogSoftmax: a 2-D coercion at axis before opset 13, a single axis from 13 on.</summary>
[Kernel("Softmax")]
[Kernel("LogSoftmax")]
public sealed class SoftmaxKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var input = context.Input(0);
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), input.Rank);
        long inner = 1;
        for (int i = axis + 1; i < input.Rank; i++)
        {
            inner *= input.Dims[i];
        }
        long axisSize = input.Rank == 0 ? 1 : input.Dims[axis];
        if (context.OpsetVersion < 13)
        {
            axisSize *= inner;
            inner = 1;
        }
        var output = Aidge.Core.Tensors.Tensor.Create(input.Type, input.Dims);
        SoftmaxMath.Softmax<T>(input.Span<T>(), output.Span<T>(), checked((int)axisSize), checked((int)inner), context.Node.OpType == "LogSoftmax");
        context.SetOutput(0, output);
    }
}
