using System.Numerics;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Pooling;

/// <summary>AveragePool: the mean of each window, over its valid taps or (count_include_pad) its taps inside the padded extent.</summary>
[Kernel("AveragePool", SinceVersion = 1)]
public sealed class AveragePoolKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var reducer = new Mean(context.GetInt("count_include_pad") != 0);
        context.SetOutput(0, WindowReduction.Run(x, PoolingWindows.FromContext(context, x), reducer, "AveragePool"));
    }

    private readonly struct Mean(bool includePad) : IWindowReducer
    {
        public double Reduce<T>(ReadOnlySpan<T> plane, ReadOnlySpan<int> taps, int paddedCount)
            where T : unmanaged, IFloatingPoint<T>
        {
            double sum = 0;
            foreach (int offset in taps)
            {
                sum += double.CreateTruncating(plane[offset]);
            }
            return sum / (includePad ? paddedCount : taps.Length);
        }
    }
}
