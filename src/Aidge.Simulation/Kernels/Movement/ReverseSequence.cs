using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>ReverseSequence: element (b, t) reads (b, len[b] - 1 - t) while t &lt; len[b], else itself.</summary>
[Kernel("ReverseSequence", SinceVersion = 10, WidenHalfPrecision = false)]
public sealed class ReverseSequenceKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        var lengths = context.Input(1).ToInt64Array();
        int batchAxis = ShapeMath.NormalizeAxis(context.GetInt("batch_axis"), input.Rank);
        int timeAxis = ShapeMath.NormalizeAxis(context.GetInt("time_axis"), input.Rank);
        if (batchAxis == timeAxis || lengths.Length != input.Dims[batchAxis])
        {
            throw new ArgumentException("ReverseSequence needs distinct batch and time axes and one length per batch entry.");
        }
        var strides = ShapeMath.Strides(input.Dims);
        long timeStride = strides[timeAxis], times = input.Dims[timeAxis];
        long batchStride = strides[batchAxis], batches = input.Dims[batchAxis];
        var sources = new int[input.Length];
        for (int i = 0; i < sources.Length; i++)
        {
            long t = i / timeStride % times;
            long length = Math.Clamp(lengths[i / batchStride % batches], 0, times);
            sources[i] = t < length ? (int)(i + (length - 1 - 2 * t) * timeStride) : i;
        }
        var output = Tensor.Create(input.Type, input.Dims);
        RawElements.Gather(input, output, sources);
        context.SetOutput(0, output);
    }
}
