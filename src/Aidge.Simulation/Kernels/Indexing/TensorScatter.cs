using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Indexing;

/// <summary>
/// TensorScatter: a copy of the cache in which, for every position before the sequence axis, the update's steps
/// land from the batch entry's write index on (wrapping around the cache in circular mode).
/// </summary>
[Kernel("TensorScatter", SinceVersion = 24, WidenHalfPrecision = false)]
public sealed class TensorScatterKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var cache = context.Input(0);
        var update = context.Input(1);
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), cache.Rank);
        bool circular = context.GetString("mode") switch
        {
            "linear" => false,
            "circular" => true,
            var mode => throw new NotSupportedException($"TensorScatter mode '{mode}' is not supported."),
        };
        if (axis == 0 || update.Rank != cache.Rank || update.Dims.Where((d, j) => j != axis && d != cache.Dims[j]).Any())
        {
            throw new ArgumentException($"An update {update} does not fit a cache {cache} along axis {axis}.");
        }
        var writeIndices = context.OptionalInput(2)?.ToInt64Array() ?? new long[cache.Dims[0]];
        long capacity = cache.Dims[axis], steps = update.Dims[axis];
        long outer = Tensor.ElementCountOf(cache.Dims.AsSpan(0, axis));
        long perBatch = Tensor.ElementCountOf(cache.Dims.AsSpan(1, axis - 1));
        int inner = (int)Tensor.ElementCountOf(cache.Dims.AsSpan(axis + 1));
        var output = cache.Clone();
        for (long o = 0; o < outer; o++)
        {
            long start = writeIndices[o / perBatch];
            for (long s = 0; s < steps; s++)
            {
                long target = circular ? (start + s) % capacity : start + s;
                if (target < 0 || target >= capacity)
                {
                    throw new ArgumentException($"Write index {start} + {s} is outside a cache of {capacity} steps.");
                }
                RawElements.Copy(update, (int)((o * steps + s) * inner), output, (int)((o * capacity + target) * inner), inner);
            }
        }
        context.SetOutput(0, output);
    }
}
