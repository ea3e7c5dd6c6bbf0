using Aidge.Core.Operators.Convolution;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Convolution;

/// <summary>Conv: grouped, dilated, strided, padded N-D convolution with optional bias (float and double).</summary>
[Kernel("Conv", SinceVersion = 1)]
public sealed class ConvKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var b = context.OptionalInput(2);
        var window = SlidingWindow.FromNode(context.Node, context.GetInts("kernel_shape") ?? w.Dims[2..]);
        int group = (int)context.GetInt("group");
        context.SetOutput(0, x.Type switch
        {
            DataType.Float => Convolution.Forward(x.Type, x, x.Span<float>(), w, w.Span<float>(), b is null ? default : b.Span<float>(), window, group),
            DataType.Double => Convolution.Forward(x.Type, x, x.Span<double>(), w, w.Span<double>(), b is null ? default : b.Span<double>(), window, group),
            _ => throw new NotSupportedException($"Conv does not support {x.Type.OnnxName()} tensors."),
        });
    }
}
