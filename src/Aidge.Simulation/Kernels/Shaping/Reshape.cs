using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Shaping;

/// <summary>Reshape, Flatten, Squeeze and Unsqueeze only relabel dims: the output is a view of the input's storage.</summary>
[Kernel("Reshape", WidenHalfPrecision = false)]
[Kernel("Flatten", WidenHalfPrecision = false)]
[Kernel("Squeeze", WidenHalfPrecision = false)]
[Kernel("Unsqueeze", WidenHalfPrecision = false)]
public sealed class ReshapeKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        var shape = input.Shape;
        var output = context.Node.OpType switch
        {
            "Reshape" => ReshapeFamily.Resolve(shape, Target(context), context.OpsetVersion >= 14 && context.GetInt("allowzero") != 0),
            "Flatten" => ReshapeFamily.Flatten(shape, context.GetInt("axis")),
            "Squeeze" => SqueezeFamily.Squeeze(shape, Axes(context)),
            _ => SqueezeFamily.Unsqueeze(shape, Axes(context) ?? throw new ArgumentException("Unsqueeze needs axes.")),
        };
        context.SetOutput(0, input.Reshape(output!.ToArray()));
    }

    private static long[] Target(KernelContext context) =>
        (context.OpsetVersion < 5 ? context.GetInts("shape") : context.Input(1).ToInt64Array())
        ?? throw new ArgumentException("Reshape needs a shape.");

    private static long[]? Axes(KernelContext context) =>
        context.OpsetVersion < 13 ? context.GetInts("axes") : context.OptionalInput(1)?.ToInt64Array();
}
