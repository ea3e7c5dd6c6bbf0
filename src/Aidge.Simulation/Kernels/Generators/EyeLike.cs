using Aidge.Core.Operators.Generators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Generators;

/// <summary>EyeLike: zeros of the input's shape with ones on the diagonal shifted by k.</summary>
[Kernel("EyeLike", SinceVersion = 9, WidenHalfPrecision = false)]
public sealed class EyeLikeKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        if (input.Rank != 2)
        {
            throw new ArgumentException($"EyeLike needs a 2-D input, got {input}.");
        }
        var type = ConstantOfShapeFamily.OutputType(context.Node, input.Type);
        long k = context.GetInt("k");
        long rows = input.Dims[0], columns = input.Dims[1];
        var output = Tensor.Create(type, input.Dims);
        var one = TypedScalar.Of(type, 1);
        for (long i = Math.Max(0, -k); i < rows && i + k < columns; i++)
        {
            RawElements.Copy(one, 0, output, (int)(i * columns + i + k), 1);
        }
        context.SetOutput(0, output);
    }
}
