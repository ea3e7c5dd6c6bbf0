using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Sequence;

// An optional value is represented by its content when present and by OptionalNone when empty.

[Kernel("Optional", SinceVersion = 15, WidenHalfPrecision = false)]
public sealed class OptionalKernel : IKernel
{
    public void Execute(KernelContext context) =>
        context.SetOutputValue(0, context.HasInput(0) ? context.InputValue(0) : OptionalNone.Instance);
}

[Kernel("OptionalHasElement", SinceVersion = 15, WidenHalfPrecision = false)]
public sealed class OptionalHasElementKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        bool present = context.HasInput(0) && context.InputValue(0) is not (null or OptionalNone);
        context.SetOutput(0, Tensor.FromSpan<byte>(DataType.Bool, Array.Empty<long>(), new[] { present ? (byte)1 : (byte)0 }));
    }
}

[Kernel("OptionalGetElement", SinceVersion = 15, WidenHalfPrecision = false)]
public sealed class OptionalGetElementKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var value = context.InputValue(0);
        context.SetOutputValue(0, value is null or OptionalNone
            ? throw new ArgumentException("OptionalGetElement was given an empty optional.")
            : value);
    }
}
