using System.Numerics;
using Aidge.Core.Operators.Generators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Generators;

/// <summary>Range: element i is start + i·delta, computed in the element type (float16/bfloat16 through float32).</summary>
[Kernel("Range", SinceVersion = 11)]
public sealed class RangeKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var start = context.Input(0);
        var delta = context.Input(2);
        long length = RangeFamily.Length(start, context.Input(1), delta);
        var output = Tensor.Create(start.Type, length);
        context.SetOutput(0, ElementTypes.Numeric<Fill, Tensor>(start.Type, new Fill(start, delta, output)));
    }

    private readonly struct Fill(Tensor start, Tensor delta, Tensor output) : INumericFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T>
        {
            T first = start.Span<T>()[0];
            T step = delta.Span<T>()[0];
            var values = output.Span<T>();
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = first + T.CreateTruncating(i) * step;
            }
            return output;
        }
    }
}
