using Aidge.Core.Operators;
using Aidge.Core.Operators.Movement;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>
/// CenterCropPad: a longer axis keeps the window starting at floor((dim - length) / 2); a shorter one is placed
/// at floor((length - dim) / 2) in zeros, so an odd leftover goes to the end in both cases.
/// </summary>
[Kernel("CenterCropPad", SinceVersion = 18, WidenHalfPrecision = false)]
public sealed class CenterCropPadKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        var lengths = context.Input(1).ToInt64Array();
        var axes = CenterCropPadFamily.Axes(context.GetInts("axes"), input.Rank);
        if (lengths.Length != axes.Length || lengths.Any(l => l < 0))
        {
            throw new ArgumentException($"shape [{string.Join(",", lengths)}] does not fit {axes.Length} axes.");
        }
        var maps = input.Dims.Select(StridedGather.Identity).ToArray();
        for (int i = 0; i < axes.Length; i++)
        {
            long dim = input.Dims[axes[i]];
            long length = lengths[i];
            long shift = dim >= length ? (dim - length) / 2 : -((length - dim) / 2);
            var map = new int[length];
            for (int o = 0; o < map.Length; o++)
            {
                long source = o + shift;
                map[o] = source >= 0 && source < dim ? (int)source : -1;
            }
            maps[axes[i]] = map;
        }
        var output = Tensor.Create(input.Type, maps.Select(m => (long)m.Length).ToArray());
        AxisGather.Run(input, output, maps, ShapeMath.Strides(input.Dims));
        context.SetOutput(0, output);
    }
}
