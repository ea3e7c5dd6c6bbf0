using Aidge.Core.Operators;
using Aidge.Core.Operators.Movement;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Movement;

[Kernel("Transpose", WidenHalfPrecision = false)]
public sealed class TransposeKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        context.SetOutput(0, Permute(input, TransposeFamily.Permutation(context.GetInts("perm"), input.Rank)));
    }

    /// <summary>Output axis i is input axis perm[i]; the identity permutation is a view of the same storage.</summary>
    public static Tensor Permute(Tensor input, int[] perm)
    {
        var dims = perm.Select(p => input.Dims[p]).ToArray();
        if (perm.Select((p, i) => p == i).All(same => same))
        {
            return input.Reshape(dims);
        }
        var strides = ShapeMath.Strides(input.Dims);
        var output = Tensor.Create(input.Type, dims);
        AxisGather.Run(input, output, dims.Select(StridedGather.Identity).ToArray(), perm.Select(p => strides[p]).ToArray());
        return output;
    }
}
