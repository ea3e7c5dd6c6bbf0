using Aidge.Core.Operators;
using Aidge.Core.Operators.Movement;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Generators;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>
/// Pad: each output axis maps coordinate o to input coordinate o - begin, folded back into range by the mode
/// (edge clamps, reflect mirrors without repeating the border, wrap wraps); constant mode leaves the
/// out-of-range elements at the fill value.
/// </summary>
[Kernel("Pad", WidenHalfPrecision = false)]
public sealed class PadKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var data = context.Input(0);
        int rank = data.Rank;
        var pads = PadFamily.GivenPads(context.OpsetVersion, context.Node, i => context.OptionalInput(i)?.ToInt64Array())
            ?? throw new ArgumentException("Pad needs pads.");
        var axes = context.OpsetVersion >= 18 ? context.OptionalInput(3)?.ToInt64Array() : null;
        var full = PadFamily.PerAxis(pads, axes, rank);
        string mode = context.GetString("mode");
        var maps = new int[rank][];
        for (int j = 0; j < rank; j++)
        {
            long dim = data.Dims[j];
            long length = dim + full[j] + full[j + rank];
            if (length < 0)
            {
                throw new ArgumentException($"Pads [{string.Join(",", pads)}] crop axis {j} of {dim} below zero.");
            }
            maps[j] = new int[length];
            for (int o = 0; o < length; o++)
            {
                maps[j][o] = (int)Fold(o - full[j], dim, mode);
            }
        }
        var dims = maps.Select(m => (long)m.Length).ToArray();
        var output = mode == "constant" ? RawElements.Filled(data.Type, dims, FillValue(context, data.Type)) : Tensor.Create(data.Type, dims);
        AxisGather.Run(data, output, maps, ShapeMath.Strides(data.Dims));
        context.SetOutput(0, output);
    }

    /// <summary>The input coordinate that coordinate i (which may lie outside [0, dim)) reads, or -1 for the fill value.</summary>
    private static long Fold(long i, long dim, string mode)
    {
        if (i >= 0 && i < dim)
        {
            return i;
        }
        if (mode == "constant")
        {
            return -1;
        }
        if (dim == 0)
        {
            throw new ArgumentException($"Pad mode '{mode}' cannot pad an empty axis.");
        }
        switch (mode)
        {
            case "edge":
                return Math.Clamp(i, 0, dim - 1);
            case "wrap":
                return ((i % dim) + dim) % dim;
            case "reflect":
                if (dim == 1)
                {
                    return 0;
                }
                long period = 2 * (dim - 1);
                long m = ((i % period) + period) % period;
                return m < dim ? m : period - m;
            default:
                throw new NotSupportedException($"Pad mode '{mode}' is not supported.");
        }
    }

    /// <summary>The constant: the float <c>value</c> attribute before opset 11, the optional scalar input after (default 0).</summary>
    private static Tensor FillValue(KernelContext context, DataType type)
    {
        if (context.OpsetVersion < 11)
        {
            return TypedScalar.Of(type, context.GetFloat("value"));
        }
        return context.OptionalInput(2) is { Length: > 0 } given ? given : Tensor.Create(type);
    }
}
