using System.Numerics;
using Aidge.Core.Operators.Convolution;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Convolution;

/// <summary>Conv: grouped, dilated, strided, padded N-D convolution with optional bias (float and double).</summary>
[Kernel("Conv", SinceVersion = 1)]
public sealed class ConvKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context) => context.SetOutput(0, Forward<T>(context));

    /// <summary>The node's output (FusedConv applies its activation to it).</summary>
    internal static Tensor Forward<T>(KernelContext context)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var bias = context.OptionalInput(2);
        var window = SlidingWindow.FromNode(context.Node, context.GetInts("kernel_shape") ?? w.Dims[2..]);
        return Convolution.Forward(x.Type, x, x.Span<T>(), w, w.Span<T>(), bias is null ? default : bias.Span<T>(), window, (int)context.GetInt("group"));
    }
}
