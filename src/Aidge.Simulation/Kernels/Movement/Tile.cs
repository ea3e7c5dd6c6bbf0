using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>Tile: output coordinate i of an axis reads input coordinate i mod dim.</summary>
[Kernel("Tile", SinceVersion = 6, WidenHalfPrecision = false)]
public sealed class TileKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        var repeats = context.Input(1).ToInt64Array();
        if (repeats.Length != input.Rank || repeats.Any(r => r < 0))
        {
            throw new ArgumentException($"repeats [{string.Join(",", repeats)}] do not fit an input of rank {input.Rank}.");
        }
        var maps = input.Dims.Select((d, j) => Enumerable.Range(0, checked((int)(d * repeats[j]))).Select(i => (int)(i % d)).ToArray()).ToArray();
        var output = Tensor.Create(input.Type, maps.Select(m => (long)m.Length).ToArray());
        AxisGather.Run(input, output, maps, ShapeMath.Strides(input.Dims));
        context.SetOutput(0, output);
    }
}
