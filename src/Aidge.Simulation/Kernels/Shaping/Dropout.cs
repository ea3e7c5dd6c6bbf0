using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Generators;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Shaping;

/// <summary>
/// Dropout: the identity with an all-true mask at inference. In training mode (opset 12+, the training_mode
/// input true, ratio above 0) each element is kept when a uniform draw is at least the ratio and scaled by
/// 1 / (1 - ratio); draws come from <see cref="MersenneTwister"/> seeded by the <c>seed</c> attribute (0 when absent),
/// so runs are reproducible. Models before opset 12 are run at inference whatever <c>is_test</c> says.
/// </summary>
[Kernel("Dropout")]
public sealed class DropoutKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var data = context.Input(0);
        bool training = context.OpsetVersion >= 12 && context.OptionalInput(2) is { } mode && mode.GetDouble(0) != 0;
        float ratio = context.OpsetVersion >= 12 ? (float)(context.OptionalInput(1)?.GetDouble(0) ?? 0.5) : context.GetFloat("ratio");
        if (!training || ratio == 0)
        {
            context.SetOutput(0, data.Reshape(data.Dims));
            if (context.HasOutput(1))
            {
                // Before opset 10 the mask has the data's type.
                var maskType = context.OpsetVersion >= 10 ? DataType.Bool : data.Type;
                context.SetOutput(1, RawElements.Filled(maskType, data.Dims, TypedScalar.Of(maskType, 1)));
            }
            return;
        }
        if (ratio is < 0 or >= 1)
        {
            throw new ArgumentException($"Dropout ratio {ratio} is outside [0, 1).");
        }
        var random = new MersenneTwister((uint)context.GetInt("seed", 0));
        var mask = Tensor.Create(DataType.Bool, data.Dims);
        var keep = mask.Span<byte>();
        for (int i = 0; i < keep.Length; i++)
        {
            keep[i] = random.NextDouble() >= ratio ? (byte)1 : (byte)0;
        }
        var output = Tensor.Create(data.Type, data.Dims);
        context.SetOutput(0, ElementTypes.Numeric<Scale, Tensor>(data.Type, new Scale(data, mask, output, 1f / (1f - ratio))));
        context.SetOutput(1, mask);
    }

    private readonly struct Scale(Tensor data, Tensor mask, Tensor output, float scale) : INumericFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T>
        {
            var x = data.Span<T>();
            var keep = mask.Span<byte>();
            var y = output.Span<T>();
            var factor = T.CreateTruncating(scale);
            for (int i = 0; i < y.Length; i++)
            {
                y[i] = keep[i] != 0 ? x[i] * factor : T.Zero;
            }
            return output;
        }
    }
}
