using System.Numerics;
using System.Numerics.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// Clip = min(max(x, min), max), so a min above max gives max everywhere, as ONNX specifies. Bounds are
/// attributes before opset 11 (absent means unbounded in opset 1, ±FLT_MAX from 6) and optional scalar inputs since.
/// </summary>
[Kernel("Clip")]
public sealed class ClipKernel : NumericUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        x.CopyTo(result);
        if (Bound<T>(context, 1, "min") is { } low)
        {
            TensorPrimitives.Max(result, low, result);
        }
        if (Bound<T>(context, 2, "max") is { } high)
        {
            TensorPrimitives.Min(result, high, result);
        }
    }

    private static T? Bound<T>(KernelContext context, int input, string attribute)
        where T : unmanaged, INumber<T>
    {
        if (context.OpsetVersion < 11)
        {
            return context.Node.HasAttribute(attribute) || context.OpsetVersion >= 6 ? T.CreateTruncating(context.GetFloat(attribute)) : null;
        }
        if (context.OptionalInput(input) is not { } bound)
        {
            return null;
        }
        if (bound.Type != context.Input(0).Type || bound.Length != 1)
        {
            throw new ArgumentException($"Clip's {attribute} must be a single element of the input's type.");
        }
        return bound.Span<T>()[0];
    }
}
