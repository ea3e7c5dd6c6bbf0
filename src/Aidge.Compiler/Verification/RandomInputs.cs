using Aidge.Compiler.Data;
using Aidge.Core.Tensors;
using Aidge.Export.Plan;
using Aidge.Simulation.Kernels.Elementwise;

namespace Aidge.Compiler.Verification;

/// <summary>
/// Seeded inputs of the declared shapes for the build-time checks, the same on every run. Floating-point inputs are
/// uniform in [-1, 1]; integer inputs are small non-negative values (0 to 3), valid as indices, counts and axes for
/// most operators; bool inputs are random flags.
/// </summary>
public static class RandomInputs
{
    public const int Seed = 4021;

    /// <summary>One input set for the native library's inputs.</summary>
    public static IReadOnlyList<Tensor> For(IReadOnlyList<TensorRef> inputs)
    {
        var random = new Random(Seed);
        return inputs.Select(input => Create(input.Type, input.Dims.ToArray(), random)).ToList();
    }

    /// <summary><paramref name="count"/> feeds of the model's inputs, drawn one after the other from one seeded generator.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, Tensor>> Samples(IReadOnlyList<InputSlot> inputs, int count)
    {
        var random = new Random(Seed);
        return Enumerable.Range(0, count)
            .Select(_ => (IReadOnlyDictionary<string, Tensor>)inputs.ToDictionary(i => i.Name, i => Create(i.Type, i.Dims, random), StringComparer.Ordinal))
            .ToList();
    }

    private static Tensor Create(DataType type, long[] dims, Random random)
    {
        var values = new float[Tensor.ElementCountOf(dims)];
        bool floating = type.IsFloatingPoint();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = floating ? (float)(random.NextDouble() * 2 - 1)
                : type == DataType.Bool ? random.Next(2)
                : random.Next(4);
        }
        // Through float and Cast's conversion, so every element type gets the same kind of data.
        return ElementConversion.Convert(Tensor.FromArray(values, dims), type);
    }
}
