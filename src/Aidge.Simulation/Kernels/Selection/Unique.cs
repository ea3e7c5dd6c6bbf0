using System.Numerics;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Selection;

/// <summary>
/// Unique: the distinct elements (or, with an axis, distinct slices along it, compared element by element in
/// row-major order), ascending when sorted, else in order of first occurrence; with the index of each one's first
/// occurrence, each input entry's position in the result, and how often each occurs.
/// </summary>
[Kernel("Unique", SinceVersion = 11)]
public sealed class UniqueKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        var axisAttribute = context.Node.FindAttribute("axis")?.AsInt();
        var data = axisAttribute is null ? input.Reshape(input.Length) : input;
        int axis = axisAttribute is long a ? ShapeMath.NormalizeAxis(a, data.Rank) : 0;
        var lanes = AxisLanes.Of(data.Dims, axis);
        var order = Enumerable.Range(0, (int)lanes.Length).ToArray();
        var startsGroup = ElementTypes.Numeric<SortSlices, bool[]>(data.Type, new SortSlices(data, lanes, order, new bool[order.Length]));

        // Runs of equal slices in sorted order are the groups; each group's first entry is its first occurrence.
        var groups = new List<List<int>>();
        for (int i = 0; i < order.Length; i++)
        {
            if (startsGroup[i])
            {
                groups.Add(new List<int>());
            }
            groups[^1].Add(order[i]);
        }
        if (context.GetInt("sorted") == 0)
        {
            groups.Sort((x, y) => x[0].CompareTo(y[0]));
        }
        var firsts = groups.Select(g => (long)g[0]).ToArray();
        var dims = (long[])data.Dims.Clone();
        dims[axis] = groups.Count;
        var unique = Tensor.Create(data.Type, dims);
        TensorAxis.Pick(data, axis, firsts, unique);
        var inverse = new long[lanes.Length];
        for (int g = 0; g < groups.Count; g++)
        {
            foreach (int slice in groups[g])
            {
                inverse[slice] = g;
            }
        }
        context.SetOutput(0, unique);
        context.SetOutput(1, Tensor.FromArray(firsts, firsts.Length));
        context.SetOutput(2, Tensor.FromArray(inverse, inverse.Length));
        context.SetOutput(3, Tensor.FromArray(groups.Select(g => (long)g.Count).ToArray(), groups.Count));
    }

    /// <summary>
    /// Sorts slice numbers by their contents (ties by number, so the first occurrence leads each run of equal
    /// slices) and marks where each run starts.
    /// </summary>
    private readonly struct SortSlices(Tensor data, AxisLanes lanes, int[] order, bool[] startsGroup) : INumericFunction<bool[]>
    {
        public bool[] Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T>
        {
            var values = data.Span<T>().ToArray();
            var shape = lanes;
            Array.Sort(order, (x, y) => Compare(values, shape, x, y) is var c && c != 0 ? c : x.CompareTo(y));
            for (int i = 0; i < order.Length; i++)
            {
                startsGroup[i] = i == 0 || Compare(values, shape, order[i - 1], order[i]) != 0;
            }
            return startsGroup;
        }
    }

    /// <summary>Slices x and y compared lexicographically, outer position first, then inner.</summary>
    private static int Compare<T>(T[] values, AxisLanes lanes, int x, int y)
        where T : INumber<T>
    {
        for (long o = 0; o < lanes.Outer; o++)
        {
            for (long r = 0; r < lanes.Inner; r++)
            {
                long row = o * lanes.Length;
                T a = values[(row + x) * lanes.Inner + r];
                T b = values[(row + y) * lanes.Inner + r];
                if (a < b)
                {
                    return -1;
                }
                if (a > b)
                {
                    return 1;
                }
            }
        }
        return 0;
    }
}
