using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Indexing;

/// <summary>
/// TensorScatter: a copy of past_cache where, for every position before the sequence axis, the update's rows
/// land from that batch's write index on (wrapping around in circular mode). Moves raw elements of any type.
/// </summary>
[Kernel("TensorScatter", SinceVersion = 24, WidenHalfPrecision = false)]
public sealed class TensorScatterKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var past = context.Input(0);
        var update = context.Input(1);
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), past.Rank);
        if (axis == 0 || update.Rank != past.Rank || update.Type != past.Type
            || past.Dims.Where((d, i) => i != axis && d != update.Dims[i]).Any() || update.Dims[axis] > past.Dims[axis])
        {
            throw new ArgumentException($"TensorScatter cannot write {update} into {past} along axis {axis}.");
        }
        bool circular = context.GetString("mode") == "circular";
        int batch = (int)past.Dims[0];
        long[] writeIndices = context.OptionalInput(2)?.ToInt64Array() ?? new long[batch];
        if (writeIndices.Length != batch)
        {
            throw new ArgumentException($"write_indices has {writeIndices.Length} entries for a batch of {batch}.");
        }
        int capacity = (int)past.Dims[axis];
        int sequence = (int)update.Dims[axis];
        int inner = (int)Tensor.ElementCountOf(past.Dims.AsSpan(axis + 1));
        int prefixes = (int)Tensor.ElementCountOf(past.Dims.AsSpan(0, axis));
        int prefixesPerBatch = batch == 0 ? 0 : prefixes / batch;

        var present = past.Clone();
        for (int p = 0; p < prefixes; p++)
        {
            long start = writeIndices[p / prefixesPerBatch];
            for (int s = 0; s < sequence; s++)
            {
                long row = circular ? ((start + s) % capacity + capacity) % capacity : start + s;
                if (row < 0 || row >= capacity)
                {
                    throw new ArgumentException($"TensorScatter write index {start} + {s} is outside the cache of {capacity} (linear mode).");
                }
                RawElements.Copy(update, (p * sequence + s) * inner, present, (int)((p * capacity + row) * inner), inner);
            }
        }
        context.SetOutput(0, present);
    }
}
