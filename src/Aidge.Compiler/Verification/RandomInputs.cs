using Aidge.Core.Tensors;
using Aidge.Export.OpenMp.Plan;
using Aidge.Simulation.Kernels.Elementwise;

namespace Aidge.Compiler.Verification;

/// <summary>
/// Seeded inputs of the declared shapes for the build-time check, the same on every run. Floating-point inputs are
/// uniform in [-1, 1]; integer inputs are small non-negative values (0 to 3), valid as indices, counts and axes for
/// most operators; bool inputs are random flags.
/// </summary>
public static class RandomInputs
{
    public const int Seed = 4021;

    public static IReadOnlyList<Tensor> For(IReadOnlyList<TensorRef> inputs)
    {
        var random = new Random(Seed);
        return inputs.Select(input => Create(input, random)).ToList();
    }

    private static Tensor Create(TensorRef input, Random random)
    {
        var values = new float[input.ElementCount];
        bool floating = input.Type.IsFloatingPoint();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = floating ? (float)(random.NextDouble() * 2 - 1)
                : input.Type == DataType.Bool ? random.Next(2)
                : random.Next(4);
        }
        // Through float and Cast's conversion, so every element type the exporter holds gets the same kind of data.
        return ElementConversion.Convert(Tensor.FromArray(values, input.Dims.ToArray()), input.Type);
    }
}
