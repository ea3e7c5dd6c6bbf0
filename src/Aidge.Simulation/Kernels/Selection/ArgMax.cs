using System.Numerics;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Selection;

/// <summary>ArgMax and ArgMin: the index of the first (or, with select_last_index, last) extreme of each lane.</summary>
[Kernel("ArgMax")]
[Kernel("ArgMin")]
public sealed class ArgMaxKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), input.Rank);
        var dims = (long[])input.Dims.Clone();
        dims[axis] = 1;
        if (context.GetInt("keepdims") == 0)
        {
            dims = dims.Where((_, i) => i != axis).ToArray();
        }
        var output = Tensor.Create(DataType.Int64, dims);
        bool last = context.GetInt("select_last_index", 0) != 0;
        context.SetOutput(0, ElementTypes.Numeric<Find, Tensor>(input.Type, new Find(input, output, AxisLanes.Of(input.Dims, axis), context.Node.OpType == "ArgMax", last)));
    }

    private readonly struct Find(Tensor input, Tensor output, AxisLanes lanes, bool maximum, bool last) : INumericFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T>
        {
            if (lanes.Length == 0)
            {
                throw new ArgumentException("ArgMax/ArgMin of an empty axis.");
            }
            var source = input.Span<T>();
            var result = output.Span<long>();
            for (long l = 0; l < lanes.Count; l++)
            {
                result[(int)l] = lanes.IndexOfExtreme<T>(source, l, maximum, last);
            }
            return output;
        }
    }
}
