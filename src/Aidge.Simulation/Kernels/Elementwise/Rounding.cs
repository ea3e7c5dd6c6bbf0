using System.Numerics.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

[Kernel("Ceil")]
public sealed class CeilKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Ceiling(x, result);
}

[Kernel("Floor")]
public sealed class FloorKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Floor(x, result);
}

/// <summary>Round halves to even, as ONNX (and numpy) specify.</summary>
[Kernel("Round", SinceVersion = 11)]
public sealed class RoundKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) =>
        TensorPrimitives.Round(x, MidpointRounding.ToEven, result);
}
