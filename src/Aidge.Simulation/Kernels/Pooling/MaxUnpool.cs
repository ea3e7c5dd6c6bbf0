using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;
using MaxUnpoolSchema = Aidge.Core.Operators.Pooling.MaxUnpool;

namespace Aidge.Simulation.Kernels.Pooling;

/// <summary>
/// MaxUnpool: a zero tensor with each pooled value written where its index points. Indices are flat positions in
/// the unpooled size that MaxPool saw; when output_shape asks for another size, each value keeps its coordinates
/// (the extra room stays zero), as the ONNX reference outputs show.
/// </summary>
[Kernel("MaxUnpool", SinceVersion = 9, WidenHalfPrecision = false)]
public sealed class MaxUnpoolKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var values = context.Input(0);
        var indices = context.Input(1);
        if (values.Rank < 3 || !indices.Dims.AsSpan().SequenceEqual(values.Dims))
        {
            throw new ArgumentException($"MaxUnpool needs [N, C, D...] values and indices of the same shape, not {values} and {indices}.");
        }
        var unpooled = (long[])values.Dims.Clone();
        for (int i = 2; i < unpooled.Length; i++)
        {
            unpooled[i] = MaxUnpoolSchema.UnpooledSize(context.Node, i - 2, values.Dims[i]);
        }
        var dims = context.OptionalInput(2)?.ToInt64Array() ?? unpooled;
        if (dims.Length != unpooled.Length)
        {
            throw new ArgumentException($"MaxUnpool output_shape [{string.Join(",", dims)}] does not have rank {unpooled.Length}.");
        }
        var unpooledStrides = ShapeMath.Strides(unpooled);
        var strides = ShapeMath.Strides(dims);
        var flat = indices.Span<long>();
        var targets = new int[flat.Length];
        for (int i = 0; i < flat.Length; i++)
        {
            long rest = flat[i];
            long target = 0;
            for (int j = 0; j < dims.Length; j++)
            {
                long coordinate = rest / unpooledStrides[j];
                rest %= unpooledStrides[j];
                if (flat[i] < 0 || coordinate >= dims[j])
                {
                    throw new ArgumentException($"MaxUnpool index {flat[i]} falls outside the output [{string.Join(",", dims)}].");
                }
                target += coordinate * strides[j];
            }
            targets[i] = checked((int)target);
        }
        var output = Tensor.Create(values.Type, dims);
        RawElements.Scatter(values, output, targets);
        context.SetOutput(0, output);
    }
}
