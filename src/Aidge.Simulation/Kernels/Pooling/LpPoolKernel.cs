using System.Numerics;
using Aidge.Core.Graphs;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Pooling;

/// <summary>LpPool: (Σ |x|^p)^(1/p) over each window; padding contributes nothing.</summary>
[Kernel("LpPool", SinceVersion = 1)]
public sealed class LpPoolKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var reducer = new LpNorm(Exponent(context.Node));
        context.SetOutput(0, WindowReduction.Run(x, PoolingWindows.FromContext(context, x), reducer, "LpPool"));
    }

    /// <summary>p is a float attribute at opset 1 and an int from opset 2; both default to 2.</summary>
    internal static double Exponent(Node node) => node.FindAttribute("p") switch
    {
        { Kind: AttributeKind.Float } attribute => attribute.AsFloat(),
        { } attribute => attribute.AsInt(),
        null => 2,
    };

    private readonly struct LpNorm(double p) : IWindowReducer
    {
        public double Reduce<T>(ReadOnlySpan<T> plane, ReadOnlySpan<int> taps, int paddedCount)
            where T : unmanaged, IFloatingPoint<T>
        {
            double sum = 0;
            foreach (int offset in taps)
            {
                sum += Math.Pow(Math.Abs(double.CreateTruncating(plane[offset])), p);
            }
            return Math.Pow(sum, 1 / p);
        }
    }
}
