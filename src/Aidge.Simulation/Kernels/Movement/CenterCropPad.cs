using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;
using CenterCropPadSchema = Aidge.Core.Operators.Movement.CenterCropPad;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>
/// CenterCropPad: along each resized axis the input is centred in the output, cropping the excess (the window
/// starts half the excess in, rounded down) or padding with zeros (the odd extra element goes to the end).
/// </summary>
[Kernel("CenterCropPad", SinceVersion = 18, WidenHalfPrecision = false)]
public sealed class CenterCropPadKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var data = context.Input(0);
        var dims = CenterCropPadSchema.TargetDims(data.Dims, context.Input(1).ToInt64Array(), context.GetInts("axes"), size => size);
        var maps = new int[dims.Length][];
        for (int j = 0; j < dims.Length; j++)
        {
            if (dims[j] < 0)
            {
                throw new ArgumentException($"CenterCropPad cannot resize axis {j} to {dims[j]}.");
            }
            // Output coordinate o reads input o − offset; C# division truncates, which rounds both cases as the spec says.
            long offset = (dims[j] - data.Dims[j]) / 2;
            maps[j] = new int[dims[j]];
            for (int o = 0; o < maps[j].Length; o++)
            {
                long source = o - offset;
                maps[j][o] = source >= 0 && source < data.Dims[j] ? (int)source : -1;
            }
        }
        var output = Tensor.Create(data.Type, dims);
        AxisGather.Run(data, output, maps, ShapeMath.Strides(data.Dims));
        context.SetOutput(0, output);
    }
}
