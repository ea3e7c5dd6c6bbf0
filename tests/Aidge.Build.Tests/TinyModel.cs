using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Build.Tests;

/// <summary>
/// The model the consumer projects compile: <c>y = Relu(x * scale + bias)</c> on a [1, 4] float input, small
/// enough to check by hand and made only of elementwise operators, which every target supports.
/// </summary>
internal static class TinyModel
{
    public static readonly float[] Scale = [2f, -1f, 0.5f, 3f];
    public static readonly float[] Bias = [0.25f, 1f, -2f, 0f];

    /// <summary>The input the consumer program feeds.</summary>
    public static readonly float[] Input = [1f, 2f, 3f, -4f];

    public static float[] ExpectedOutput() =>
        Input.Select((x, i) => MathF.Max(0f, x * Scale[i] + Bias[i])).ToArray();

    public static void Write(string path)
    {
        var model = new ModelBuilder()
            .Input("x", Tensor.FromArray(Input, 1, 4))
            .Initializer("scale", Scale, 1, 4)
            .Initializer("bias", Bias, 1, 4)
            .Node("Mul", ["x", "scale"], ["scaled"])
            .Node("Add", ["scaled", "bias"], ["shifted"])
            .Node("Relu", ["shifted"], ["y"])
            .Output("y");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, model.ToBytes());
    }
}
