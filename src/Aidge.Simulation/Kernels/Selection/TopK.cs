using System.Numerics;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Selection;

/// <summary>
/// TopK: the k largest (or smallest) values of each lane along the axis with their indices, best first;
/// equal values keep the lower index first, so results are deterministic.
/// </summary>
[Kernel("TopK")]
public sealed class TopKKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), input.Rank);
        long k = context.OpsetVersion < 10 ? context.GetInt("k") : context.Input(1).GetInt64(0);
        if (k < 0 || k > input.Dims[axis])
        {
            throw new ArgumentException($"k = {k} is outside [0, {input.Dims[axis]}].");
        }
        bool largest = context.GetInt("largest", 1) != 0;
        var dims = (long[])input.Dims.Clone();
        dims[axis] = k;
        var values = Tensor.Create(input.Type, dims);
        var indices = Tensor.Create(DataType.Int64, dims);
        context.SetOutput(0, ElementTypes.Numeric<Select, Tensor>(input.Type, new Select(input, values, indices, AxisLanes.Of(input.Dims, axis), (int)k, largest)));
        context.SetOutput(1, indices);
    }

    private readonly struct Select(Tensor input, Tensor values, Tensor indices, AxisLanes lanes, int k, bool largest) : INumericFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T>
        {
            var source = input.Span<T>();
            var bestValues = values.Span<T>();
            var bestIndices = indices.Span<long>();
            var lane = new (T Value, int Index)[lanes.Length];
            var outputLanes = lanes with { Length = k };
            for (long l = 0; l < lanes.Count; l++)
            {
                int start = lanes.Start(l);
                for (int i = 0; i < lane.Length; i++)
                {
                    lane[i] = (source[start + (int)(i * lanes.Inner)], i);
                }
                lane.AsSpan().Sort(new Ranking<T>(largest));
                int outputStart = outputLanes.Start(l);
                for (int j = 0; j < k; j++)
                {
                    int at = outputStart + (int)(j * lanes.Inner);
                    bestValues[at] = lane[j].Value;
                    bestIndices[at] = lane[j].Index;
                }
            }
            return values;
        }
    }

    /// <summary>Best value first; ties by lower index.</summary>
    private readonly struct Ranking<T>(bool largest) : IComparer<(T Value, int Index)>
        where T : INumber<T>
    {
        public int Compare((T Value, int Index) x, (T Value, int Index) y)
        {
            if (x.Value != y.Value && !(T.IsNaN(x.Value) && T.IsNaN(y.Value)))
            {
                bool xFirst = largest ? x.Value > y.Value || T.IsNaN(x.Value) : x.Value < y.Value || T.IsNaN(y.Value);
                return xFirst ? -1 : 1;
            }
            return x.Index.CompareTo(y.Index);
        }
    }
}
