using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.MachineLearning;

/// <summary>Binarizer: 1 where x &gt; threshold, else 0 (NaN compares false, so it maps to 0).</summary>
[Kernel("Binarizer", Domain = "ai.onnx.ml", SinceVersion = 1)]
public sealed class BinarizerKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        var result = ElementTypes.Numeric<Threshold, Tensor>(input.Type, new Threshold(input, context.GetFloat("threshold")));
        context.SetOutput(0, result);
    }

    private readonly struct Threshold(Tensor input, double threshold) : INumericFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T>
        {
            var result = Tensor.Create(input.Type, (long[])input.Dims.Clone());
            var source = input.Span<T>();
            var target = result.Span<T>();
            for (int i = 0; i < source.Length; i++)
            {
                // The threshold is compared as a double so that a fractional threshold keeps its meaning for integers.
                target[i] = double.CreateTruncating(source[i]) > threshold ? T.One : T.Zero;
            }
            return result;
        }
    }
}
