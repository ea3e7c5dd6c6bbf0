using System.Numerics;
using System.Numerics.Tensors;
using Aidge.Core.Tensors;
using Tensor = Aidge.Core.Tensors.Tensor;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Pooling;

/// <summary>GlobalAveragePool, GlobalMaxPool and GlobalLpPool: each (batch, channel) plane reduced to one value.</summary>
[Kernel("GlobalAveragePool", SinceVersion = 1)]
[Kernel("GlobalMaxPool", SinceVersion = 1)]
[Kernel("GlobalLpPool", SinceVersion = 1)]
public sealed class GlobalPoolKernels : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Rank < 2)
        {
            throw new ArgumentException($"{context.Node.OpType} needs an input of rank 2 or more, got {x}.");
        }
        double p = context.Node.OpType == "GlobalLpPool" ? LpPoolKernel.Exponent(context.Node) : 0;
        context.SetOutput(0, x.Type switch
        {
            DataType.Float => Run<float>(context.Node.OpType, x, p),
            DataType.Double => Run<double>(context.Node.OpType, x, p),
            _ => throw new NotSupportedException($"{context.Node.OpType} does not support {x.Type.OnnxName()} tensors."),
        });
    }

    private static Tensor Run<T>(string opType, Tensor x, double p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int planes = (int)(x.Dims[0] * x.Dims[1]);
        int size = planes == 0 ? 0 : x.Length / planes;
        var y = Tensor.Create(x.Type, [x.Dims[0], x.Dims[1], .. Enumerable.Repeat(1L, x.Rank - 2)]);
        var input = x.Span<T>();
        var output = y.Span<T>();
        for (int plane = 0; plane < planes; plane++)
        {
            var values = input.Slice(plane * size, size);
            output[plane] = opType switch
            {
                "GlobalAveragePool" => TensorPrimitives.Sum<T>(values) / T.CreateTruncating(size),
                "GlobalMaxPool" => TensorPrimitives.Max<T>(values),
                _ => T.CreateTruncating(LpNorm(values, p)),
            };
        }
        return y;
    }

    private static double LpNorm<T>(ReadOnlySpan<T> values, double p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        foreach (var value in values)
        {
            sum += Math.Pow(Math.Abs(double.CreateTruncating(value)), p);
        }
        return Math.Pow(sum, 1 / p);
    }
}
